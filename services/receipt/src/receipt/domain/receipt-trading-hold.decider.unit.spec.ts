import { d } from '../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { deciderSpec } from '@dw/testing';
import { foldEvents } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { ReceiptCommand } from './receipt.commands';
import { receiptDecider } from './receipt.decider';
import { ReceiptEvent } from './receipt.events';
import { TRADING_PLATFORM } from './receipt.trading';
import {
  at,
  bank,
  buyerCard,
  buyerHolder,
  exchange,
  frozen,
  issued,
  recordR2,
  seller,
  sellerHolder,
  shortfallRecorded,
  stranger,
  system,
} from './receipt.fixtures.spec-helper';

const spec = deciderSpec(receiptDecider);

/** held on SC-0001 by party-hengda, fees paid through 2026-04-15, valid through 2026-06-08. */
const r2 = issued(recordR2);
const tradingDay = d('2026-04-01');
const sellerAccount = { partyId: 'party-hengda', accountNumber: 'SC-0001' };
const platform: Actor = { subject: 'trading-platform', role: 'exchange', partyId: 'trading-platform' };

const holdFor = (listingId = 'L-1', overrides: Partial<{ seller: typeof sellerAccount; tradingDay: typeof tradingDay }> = {}): ReceiptCommand => ({
  type: 'HoldForListing',
  data: { listingId, seller: overrides.seller ?? sellerAccount, tradingDay: overrides.tradingDay ?? tradingDay, actor: seller, at },
});
const listed = (listingId = 'L-1'): ReceiptEvent => ({
  type: 'ReceiptHoldPlaced',
  data: {
    receiptNumber: 'R-2',
    hold: {
      holdId: `listing-${listingId}`,
      kind: 'trading',
      beneficiary: TRADING_PLATFORM,
      reason: `listed on listing ${listingId} for 2026-04-01`,
      placedAt: at,
    },
    actor: seller,
    at,
  },
});
const lift = (listingId = 'L-1'): ReceiptCommand => ({ type: 'LiftListingHold', data: { listingId, reason: 'listing withdrawn', actor: seller, at } });
const settle = (overrides: Partial<{ actor: Actor; buyerCard: typeof buyerCard | null; listingId: string }> = {}): ReceiptCommand => ({
  type: 'TransferOnTake',
  data: {
    listingId: overrides.listingId ?? 'L-1',
    takeId: 'T-1',
    buyerCard: overrides.buyerCard === undefined ? buyerCard : overrides.buyerCard,
    actor: overrides.actor ?? platform,
    at,
  },
});

describe('receipt decider: the in-trading hold of a listing', () => {
  it('a listing holds an eligible receipt of the seller’s own account for its trading day', () => {
    spec.given([r2]).when(holdFor()).then([listed()]);
  });

  it('refuses to list a receipt that is not eligible on the trading day, each with its code', () => {
    // Another party's receipt answers as a missing one.
    spec
      .given([r2])
      .when(holdFor('L-1', { seller: { partyId: 'party-other', accountNumber: 'SC-0009' } }))
      .thenRefusedWith('RECEIPT_NOT_FOUND');
    // The seller's own receipt, but on another card than its trading account.
    spec
      .given([r2])
      .when(holdFor('L-1', { seller: { partyId: 'party-hengda', accountNumber: 'SC-0007' } }))
      .thenRefusedWith('TRADE_RECEIPT_NOT_IN_ACCOUNT');
    spec
      .given([r2, frozen('R-2')])
      .when(holdFor())
      .thenRefusedWith('RECEIPT_HELD');
    spec
      .given([r2, listed('L-0')])
      .when(holdFor())
      .thenRefusedWith('RECEIPT_HELD');
    spec
      .given([r2, { type: 'ReceiptCancellationApplied', data: { receiptNumber: 'R-2', purpose: 'pickup', actor: seller, at } }])
      .when(holdFor())
      .thenRefusedWith('CANCELLATION_PENDING');
    spec
      .given([r2, { ...shortfallRecorded(), data: { ...(shortfallRecorded().data as object), receiptNumber: 'R-2' } } as ReceiptEvent])
      .when(holdFor())
      .thenRefusedWith('RECEIPT_GOODS_SHORT');
    spec
      .given([r2, { type: 'ReceiptExpired', data: { receiptNumber: 'R-2', asOf: d('2026-06-09'), validUntil: d('2026-06-08'), actor: system, at } }])
      .when(holdFor())
      .thenRefusedWith('RECEIPT_EXPIRED');
    // Fees paid through 04-15: a listing for 04-16 would sell a receipt owing a day's storage.
    spec
      .given([r2])
      .when(holdFor('L-1', { tradingDay: d('2026-04-16') }))
      .thenRefusedWith('TRADE_RECEIPT_STORAGE_UNPAID', { paidThrough: '2026-04-15', tradingDay: '2026-04-16' });
    spec
      .given([r2])
      .when(holdFor('L-1', { tradingDay: d('2026-04-15') }))
      .then([
        {
          ...listed(),
          data: { ...(listed().data as object), hold: { ...(listed().data as { hold: object }).hold, reason: 'listed on listing L-1 for 2026-04-15' } },
        } as ReceiptEvent,
      ]);
    // Valid through 06-08 and not flagged expired yet: a listing for 06-09 is refused all the same.
    spec
      .given([issued({ ...recordR2, storageFeesPaidThrough: d('2026-06-30') })])
      .when(holdFor('L-1', { tradingDay: d('2026-06-09') }))
      .thenRefusedWith('TRADE_RECEIPT_VALIDITY_ENDED', { validUntil: '2026-06-08' });
  });

  it('a listed receipt is not transferred, pledged, split or applied for cancellation (RECEIPT_HELD)', () => {
    spec
      .given([r2, listed()])
      .when({
        type: 'TransferTitle',
        data: { transferId: 'X-1', entered: { holderName: sellerHolder.holderName, storageCard: 'SC-0001', commodity: 'rebar' }, buyerCard, actor: seller, at },
      })
      .thenRefusedWith('RECEIPT_HELD');
    spec
      .given([r2, listed()])
      .when({
        type: 'PlaceHold',
        data: { holdId: 'H-1', kind: 'pledge', beneficiary: { kind: 'bank', partyId: 'ICBC-SH', name: 'ICBC' }, reason: 'loan', actor: seller, at },
      })
      .thenRefusedWith('RECEIPT_HELD');
    spec
      .given([r2, listed()])
      .when({ type: 'SplitReceipt', data: { children: [{ receiptNumber: 'R-2A', lotIds: ['LOT-3'], weightKg: 300_000 }], actor: seller, at } })
      .thenRefusedWith('RECEIPT_HELD');
    spec
      .given([r2, listed()])
      .when({ type: 'ApplyForCancellation', data: { purpose: 'pickup', actor: seller, at } })
      .thenRefusedWith('RECEIPT_HELD');
  });

  it('the trading hold is neither placed by PlaceHold (INVALID_HOLD_KIND) nor released by ReleaseHold (HOLD_LIFTED_WITH_LISTING)', () => {
    spec
      .given([r2])
      .when({ type: 'PlaceHold', data: { holdId: 'listing-L-1', kind: 'trading', beneficiary: TRADING_PLATFORM, reason: 'r', actor: exchange, at } })
      .thenRefusedWith('INVALID_HOLD_KIND');
    spec
      .given([r2, listed()])
      .when({ type: 'ReleaseHold', data: { holdId: 'listing-L-1', reason: 'r', actor: { ...exchange, partyId: 'trading-platform' }, at } })
      .thenRefusedWith('HOLD_LIFTED_WITH_LISTING');
  });

  it('closing the listing lifts its hold once; lifting again, or for another listing, records nothing', () => {
    spec
      .given([r2, listed()])
      .when(lift())
      .then([
        { type: 'ReceiptHoldReleased', data: { receiptNumber: 'R-2', holdId: 'listing-L-1', kind: 'trading', reason: 'listing withdrawn', actor: seller, at } },
      ]);
    spec
      .given([r2, listed(), ...receiptDecider.decide(lift(), foldEvents(receiptDecider, [r2, listed()]))])
      .when(lift())
      .then([]);
    spec.given([r2, listed()]).when(lift('L-9')).then([]);
  });

  it('a paid take lifts the listing hold and moves the title to the buyer’s card in one decision', () => {
    spec
      .given([r2, listed()])
      .when(settle())
      .then([
        {
          type: 'ReceiptHoldReleased',
          data: { receiptNumber: 'R-2', holdId: 'listing-L-1', kind: 'trading', reason: 'take T-1 settled', actor: platform, at },
        },
        {
          type: 'TitleTransferred',
          data: { receiptNumber: 'R-2', transferId: 'T-1', from: sellerHolder, to: buyerHolder, commodity: 'rebar', weightKg: 300_000, actor: platform, at },
        },
      ]);
    const after = foldEvents(receiptDecider, [r2, listed(), ...receiptDecider.decide(settle(), foldEvents(receiptDecider, [r2, listed()]))]);
    expect(after.holds).toEqual([]);
    expect(after.record?.holder).toEqual(buyerHolder);
  });

  it('a paid take does not move title under a freeze placed meanwhile, off the listing, to a card that cannot receive it, or by anyone but the platform', () => {
    spec
      .given([r2, listed(), frozen('R-2')])
      .when(settle())
      .thenRefusedWith('RECEIPT_HELD');
    spec.given([r2]).when(settle()).thenRefusedWith('RECEIPT_NOT_LISTED');
    spec
      .given([r2, listed()])
      .when(settle({ listingId: 'L-9' }))
      .thenRefusedWith('RECEIPT_NOT_LISTED');
    spec
      .given([r2, listed()])
      .when(settle({ buyerCard: { ...buyerCard, status: 'suspended' } }))
      .thenRefusedWith('CARD_NOT_APPROVED');
    spec
      .given([r2, listed()])
      .when(settle({ actor: stranger }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    spec
      .given([r2, listed()])
      .when(settle({ actor: bank }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});
