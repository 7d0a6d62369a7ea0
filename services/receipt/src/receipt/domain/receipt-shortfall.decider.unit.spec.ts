import { foldEvents } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { d } from '../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { ReceiptCommand } from './receipt.commands';
import { receiptDecider } from './receipt.decider';
import { ReceiptEvent } from './receipt.events';
import {
  at,
  bank,
  buyerCard,
  cancelled,
  clerk,
  court,
  exchange,
  frozen,
  inventoryHandler,
  issued,
  manager,
  pledged,
  recordR1,
  seller,
  sellerHolder,
  shortfall,
  shortfallRecorded,
  shortfallResolved,
  system,
} from './receipt.fixtures.spec-helper';

const spec = deciderSpec(receiptDecider);

/** Inventory's StockShortfallDetected for LOT-1 of R-1, as the handler passes it: one 2 500 kg coil missing. */
const recordShortfall = (
  varianceId = 'missing_piece:P-0007',
  overrides: Partial<Extract<ReceiptCommand, { type: 'RecordGoodsShortfall' }>['data']> = {},
): ReceiptCommand => {
  // The command carries what inventory found: the fixture's shortfall before the receipt records or resolves it.
  const { recordedAt: _recordedAt, resolution: _resolution, ...found } = shortfall(varianceId);
  return { type: 'RecordGoodsShortfall', data: { ...found, actor: inventoryHandler, at, ...overrides } };
};
const resolve = (varianceId = 'missing_piece:P-0007', actor: Actor = manager): ReceiptCommand => ({
  type: 'ResolveGoodsShortfall',
  data: { varianceId, outcome: 'replenished', reference: 'ST-2/weight_variance:P-0007', reason: 'the coil was found in bay Y3 at the recount', actor, at },
});
const entered = { holderName: sellerHolder.holderName, storageCard: sellerHolder.storageCard, commodity: 'rebar' };
const transfer: ReceiptCommand = { type: 'TransferTitle', data: { transferId: 'T-1', entered, buyerCard, actor: seller, at } };
const pledge: ReceiptCommand = {
  type: 'PlaceHold',
  data: { holdId: 'P-1', kind: 'pledge', beneficiary: { kind: 'bank', partyId: 'ICBC-SH', name: 'ICBC' }, reason: 'loan', actor: seller, at },
};
const deliveryHold: ReceiptCommand = {
  type: 'PlaceHold',
  data: { holdId: 'D-1', kind: 'delivery', beneficiary: { kind: 'exchange', partyId: 'SHFE', name: 'SHFE' }, reason: 'delivery', actor: exchange, at },
};
const freeze: ReceiptCommand = {
  type: 'PlaceHold',
  data: { holdId: 'F-1', kind: 'freeze', beneficiary: { kind: 'court', partyId: 'PUDONG-COURT', name: 'Pudong' }, reason: 'case', actor: court, at },
};
const split: ReceiptCommand = {
  type: 'SplitReceipt',
  data: {
    children: [
      { receiptNumber: 'R-1a', lotIds: ['LOT-1'], weightKg: 300_000 },
      { receiptNumber: 'R-1b', lotIds: ['LOT-2'], weightKg: 300_000 },
    ],
    actor: seller,
    at,
  },
};
const applyToCancel: ReceiptCommand = { type: 'ApplyForCancellation', data: { purpose: 'spot-conversion', actor: seller, at } };
const applied: ReceiptEvent = { type: 'ReceiptCancellationApplied', data: { receiptNumber: 'R-1', purpose: 'spot-conversion', actor: seller, at } };
const paidForApril: ReceiptEvent = {
  type: 'StorageFeesPaidThroughAdvanced',
  data: { receiptNumber: 'R-1', paidThrough: d('2026-04-30'), previous: d('2026-03-31'), actor: system, at },
};

describe('receipt decider: goods a stocktake found missing behind a receipt', () => {
  it('records the shortfall inventory reported on the live receipt, open until resolved', () => {
    spec.given([issued()]).when(recordShortfall()).then([shortfallRecorded()]);
    const state = foldEvents(receiptDecider, [issued(), shortfallRecorded()]);
    expect(state).toMatchObject({ status: 'outstanding', record: { holder: sellerHolder, weightKg: 600_000 }, shortfalls: [shortfall()] });
  });

  it('records each variance once: a redelivered or republished alarm changes nothing, a second variance is a second shortfall', () => {
    spec.given([issued(), shortfallRecorded()]).when(recordShortfall()).then([]);
    spec.given([issued(), shortfallRecorded(), shortfallResolved()]).when(recordShortfall()).then([]);
    spec
      .given([issued(), shortfallRecorded()])
      .when(recordShortfall('weight_variance:P-0008'))
      .then([shortfallRecorded('weight_variance:P-0008')]);
  });

  it('records nothing on a receipt no longer live, and refuses an unknown receipt, a lot not behind it and a gain', () => {
    spec
      .given([issued(), paidForApril, applied, cancelled('spot-conversion')])
      .when(recordShortfall())
      .then([]);
    spec.given([]).when(recordShortfall()).thenRefusedWith('RECEIPT_NOT_FOUND');
    spec
      .given([issued()])
      .when(recordShortfall('missing_piece:P-0009', { lotId: 'LOT-9' }))
      .thenRefusedWith('LOT_NOT_BACKING_RECEIPT', { lotId: 'LOT-9', receiptNumber: 'R-1' });
    spec
      .given([issued()])
      .when(recordShortfall('weight_variance:P-0010', { deltaPieces: 0, deltaKg: 40 }))
      .thenRefusedWith('INVALID_SHORTFALL', { deltaKg: 40, deltaPieces: 0 });
    spec
      .given([issued()])
      .when(recordShortfall('missing_piece:P-0007', { actor: clerk }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});

describe('rule RCPT-SHORT-GOODS-STAYS-PUT', () => {
  const short = [issued(), shortfallRecorded()];

  it('refuses transfer, pledge, delivery hold, split, merge and the cancellation application while a shortfall is open', () => {
    const details = { receiptNumber: 'R-1', shortfalls: [{ varianceId: 'missing_piece:P-0007', lotId: 'LOT-1', deltaPieces: -1, deltaKg: -2_500 }] };
    spec.given(short).when(transfer).thenRefusedWith('RECEIPT_GOODS_SHORT', details);
    spec.given(short).when(pledge).thenRefusedWith('RECEIPT_GOODS_SHORT', details);
    spec.given(short).when(deliveryHold).thenRefusedWith('RECEIPT_GOODS_SHORT', details);
    spec.given(short).when(split).thenRefusedWith('RECEIPT_GOODS_SHORT', details);
    spec
      .given(short)
      .when({ type: 'RetireIntoMerge', data: { mergedInto: 'R-9', actor: seller, at } })
      .thenRefusedWith('RECEIPT_GOODS_SHORT', details);
    const parent = foldEvents(receiptDecider, short);
    const other = foldEvents(receiptDecider, [issued({ ...recordR1, receiptNumber: 'R-2' })]);
    expect(
      refusalOf(() =>
        receiptDecider.decide(
          { type: 'MergeReceipts', data: { receiptNumber: 'R-9', parents: [parent, other], actor: seller, at } },
          foldEvents(receiptDecider, []),
        ),
      ).code,
    ).toBe('RECEIPT_GOODS_SHORT');
    spec.given(short).when(applyToCancel).thenRefusedWith('RECEIPT_GOODS_SHORT', details);
  });

  it('refuses processing a cancellation applied for before the shortfall was found', () => {
    spec
      .given([issued(), paidForApril, applied, shortfallRecorded()])
      .when({ type: 'ProcessCancellation', data: { actor: clerk, at } })
      .thenRefusedWith('RECEIPT_GOODS_SHORT');
  });

  it('still lets the bank release its pledge, a court freeze and the holder withdraw its application', () => {
    const release: ReceiptCommand = { type: 'ReleaseHold', data: { holdId: 'P-1', reason: 'loan repaid', actor: bank, at } };
    spec
      .given([issued(), pledged('R-1', 'P-1'), shortfallRecorded()])
      .when(release)
      .then([{ type: 'ReceiptHoldReleased', data: { receiptNumber: 'R-1', holdId: 'P-1', kind: 'pledge', reason: 'loan repaid', actor: bank, at } }]);
    spec.given(short).when(freeze).then([frozen()]);
    spec
      .given([issued(), applied, shortfallRecorded()])
      .when({ type: 'WithdrawCancellation', data: { actor: seller, at } })
      .then([{ type: 'ReceiptCancellationWithdrawn', data: { receiptNumber: 'R-1', purpose: 'spot-conversion', actor: seller, at } }]);
  });

  it('moves again once every shortfall is resolved, not before', () => {
    const two = [issued(), shortfallRecorded(), shortfallRecorded('weight_variance:P-0008'), shortfallResolved()];
    spec
      .given(two)
      .when(transfer)
      .thenRefusedWith('RECEIPT_GOODS_SHORT', {
        shortfalls: [{ varianceId: 'weight_variance:P-0008', lotId: 'LOT-1', deltaPieces: -1, deltaKg: -2_500 }],
      });
    const transferred = receiptDecider.decide(transfer, foldEvents(receiptDecider, [...two, shortfallResolved('weight_variance:P-0008')]));
    expect(transferred).toEqual([expect.objectContaining({ type: 'TitleTransferred' })]);
  });
});

describe('rule RCPT-SHORTFALL-RESOLVED-BY-MANAGER', () => {
  it('a manager resolves the shortfall with its reference and reason, and the receipt keeps it as resolved', () => {
    spec.given([issued(), shortfallRecorded()]).when(resolve()).then([shortfallResolved()]);
    const state = foldEvents(receiptDecider, [issued(), shortfallRecorded(), shortfallResolved()]);
    expect(state.shortfalls).toEqual([
      {
        ...shortfall(),
        resolution: {
          outcome: 'replenished',
          reference: 'ST-2/weight_variance:P-0007',
          reason: 'the coil was found in bay Y3 at the recount',
          resolvedBy: 'manager-qian',
          resolvedAt: at,
        },
      },
    ]);
    spec
      .given([issued(), shortfallRecorded()])
      .when({
        type: 'ResolveGoodsShortfall',
        data: { varianceId: 'missing_piece:P-0007', outcome: 'settled', reference: 'SETTLE-2026-014', reason: 'paid the holder', actor: manager, at },
      })
      .then([
        {
          type: 'GoodsShortfallResolved',
          data: {
            receiptNumber: 'R-1',
            varianceId: 'missing_piece:P-0007',
            outcome: 'settled',
            reference: 'SETTLE-2026-014',
            reason: 'paid the holder',
            actor: manager,
            at,
          },
        },
      ]);
  });

  it('refuses an unknown variance, one already resolved, a clerk, and a resolution without outcome, reference or reason', () => {
    spec
      .given([issued(), shortfallRecorded()])
      .when(resolve('missing_piece:P-0404'))
      .thenRefusedWith('SHORTFALL_NOT_FOUND', { varianceId: 'missing_piece:P-0404' });
    spec
      .given([issued(), shortfallRecorded(), shortfallResolved()])
      .when(resolve())
      .thenRefusedWith('SHORTFALL_ALREADY_RESOLVED', { outcome: 'replenished', resolvedAt: at });
    spec.given([issued(), shortfallRecorded()]).when(resolve('missing_piece:P-0007', clerk)).thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    spec.given([issued(), shortfallRecorded()]).when(resolve('missing_piece:P-0007', seller)).thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    const base = (resolve() as Extract<ReceiptCommand, { type: 'ResolveGoodsShortfall' }>).data;
    spec
      .given([issued(), shortfallRecorded()])
      .when({ type: 'ResolveGoodsShortfall', data: { ...base, outcome: 'forgiven' as never } })
      .thenRefusedWith('VALUE_NOT_ALLOWED');
    spec
      .given([issued(), shortfallRecorded()])
      .when({ type: 'ResolveGoodsShortfall', data: { ...base, reference: ' ' } })
      .thenRefusedWith('FIELD_REQUIRED');
    spec
      .given([issued(), shortfallRecorded()])
      .when({ type: 'ResolveGoodsShortfall', data: { ...base, reason: '' } })
      .thenRefusedWith('FIELD_REQUIRED');
  });
});
