import { foldEvents } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { StorageCard } from '../../storage-card/domain/storage-card';
import { EnteredTitle, ReceiptCommand } from './receipt.commands';
import { receiptDecider } from './receipt.decider';
import { ReceiptEvent } from './receipt.events';
import {
  at,
  bank,
  buyerActor,
  buyerCard,
  buyerHolder,
  cancelled,
  clerk,
  exchange,
  issued,
  pledged,
  recordR1,
  seller,
  sellerCard,
  sellerHolder,
  stranger,
  system,
} from './receipt.fixtures.spec-helper';
import { TransferRefusal } from '../../transfer/domain/title-transfer.policy';

const spec = deciderSpec(receiptDecider);
const correct: EnteredTitle = { holderName: '恒达钢铁贸易有限公司', storageCard: 'SC-0001', commodity: 'rebar' };

const transfer = (overrides: Partial<{ entered: EnteredTitle; buyerCard: StorageCard | null; actor: typeof seller; at: string }> = {}): ReceiptCommand => ({
  type: 'TransferTitle',
  data: { transferId: 'T-1', entered: correct, buyerCard, actor: seller, at, ...overrides },
});
const transferred: ReceiptEvent = {
  type: 'TitleTransferred',
  data: { receiptNumber: 'R-1', transferId: 'T-1', from: sellerHolder, to: buyerHolder, commodity: 'rebar', weightKg: 600_000, actor: seller, at },
};
const expired: ReceiptEvent = {
  type: 'ReceiptExpired',
  data: { receiptNumber: 'R-1', asOf: recordR1.validUntil, validUntil: recordR1.validUntil, actor: system, at },
};

describe('receipt decider: issue', () => {
  const issue = (record = recordR1): ReceiptCommand => ({ type: 'IssueReceipt', data: { record, actor: exchange, at } });

  it('issues a record backed by its lots’ exact weight', () => {
    spec.given([]).when(issue()).then([issued()]);
  });

  it('refuses a receipt number already used', () => {
    spec.given([issued()]).when(issue()).thenRefusedWith('RECEIPT_NUMBER_TAKEN');
  });

  it('refuses a record whose weight is not its lots’ weight, or that has no lots', () => {
    const error = refusalOf(() => receiptDecider.decide(issue({ ...recordR1, weightKg: 600_001 }), receiptDecider.initialState()));
    expect([error.code, error.details]).toEqual(['RECEIPT_WEIGHT_NOT_BACKED', { weightKg: 600_001, lotsKg: 600_000 }]);
    spec
      .given([])
      .when(issue({ ...recordR1, lots: [] }))
      .thenRefusedWith('RECEIPT_WITHOUT_LOTS');
  });

  it('refuses a record outside its rules: 150 t is below one unit’s 291–309 t band', () => {
    const half = { ...recordR1, weightKg: 150_000, lots: [{ ...recordR1.lots[0]!, weightKg: 150_000 }] };
    spec.given([]).when(issue(half)).thenRefusedWith('RECEIPT_WEIGHT_OUTSIDE_UNIT_TOLERANCE', { minKg: 291_000, maxKg: 309_000 });
  });
});

describe('receipt decider: title transfer (过户)', () => {
  it('moves title to the buyer’s approved card, recording both holders', () => {
    spec.given([issued()]).when(transfer()).then([transferred]);
    expect(foldEvents(receiptDecider, [issued(), transferred]).record?.holder).toEqual(buyerHolder);
  });

  it('lets the exchange transfer when settling a trade or delivery', () => {
    spec
      .given([issued()])
      .when(transfer({ actor: exchange }))
      .then([{ ...transferred, data: { ...transferred.data, actor: exchange } } as ReceiptEvent]);
  });

  describe('error-proofing: the entry is checked against the record', () => {
    it.each<[keyof EnteredTitle, string, string]>([
      ['holderName', '恒达钢铁贸易公司', 'TRANSFER_HOLDER_MISMATCH'],
      ['storageCard', 'SC-0011', 'TRANSFER_CARD_MISMATCH'],
      ['commodity', 'wire rod', 'TRANSFER_COMMODITY_MISMATCH'],
    ])('a wrong %s is refused and raises an alarm with both values', (field, wrong, code) => {
      const state = foldEvents(receiptDecider, [issued()]);
      const error = refusalOf(() => receiptDecider.decide(transfer({ entered: { ...correct, [field]: wrong } }), state));
      expect(error).toBeInstanceOf(TransferRefusal);
      expect([error.code, error.kind, error.field]).toEqual([code, 'invalid', `entered.${field}`]);
      // The requester learns which field is wrong, never the recorded value.
      expect(error.details).toEqual({ receiptNumber: 'R-1', mismatchedFields: [field] });
      expect((error as TransferRefusal).alarms).toEqual([
        {
          type: 'TransferMismatchAlarmRaised',
          data: {
            transferId: 'T-1',
            receiptNumber: 'R-1',
            mismatches: [{ field, entered: wrong, recorded: { ...correct }[field] }],
            actor: seller,
            at,
          },
        },
      ]);
    });

    it('reports every mismatched field in one alarm, refusing with the first', () => {
      const state = foldEvents(receiptDecider, [issued()]);
      const error = refusalOf(() => receiptDecider.decide(transfer({ entered: { holderName: 'x', storageCard: 'y', commodity: 'rebar' } }), state));
      expect(error.code).toBe('TRANSFER_HOLDER_MISMATCH');
      expect((error as TransferRefusal).alarms[0]!.data.mismatches.map((m) => m.field)).toEqual(['holderName', 'storageCard']);
    });

    it('compares exactly: a trailing space is a mismatch', () => {
      spec
        .given([issued()])
        .when(transfer({ entered: { ...correct, storageCard: 'SC-0001 ' } }))
        .thenRefusedWith('TRANSFER_CARD_MISMATCH');
    });

    it('raises no alarm for refusals that are not mismatches', () => {
      const state = foldEvents(receiptDecider, [issued(), pledged()]);
      const error = refusalOf(() => receiptDecider.decide(transfer(), state));
      expect([error.code, (error as TransferRefusal).alarms]).toEqual(['RECEIPT_HELD', []]);
    });
  });

  it('refuses a held receipt and an expired one', () => {
    spec
      .given([issued(), pledged()])
      .when(transfer())
      .thenRefusedWith('RECEIPT_HELD', { holds: [{ holdId: 'H-1', kind: 'pledge' }] });
    spec.given([issued(), expired]).when(transfer()).thenRefusedWith('RECEIPT_EXPIRED', { validUntil: '2026-06-03' });
  });

  it('refuses a cancelled receipt, a split one and an unknown one', () => {
    const split: ReceiptEvent = { type: 'ReceiptSplit', data: { receiptNumber: 'R-1', children: [{ ...recordR1, receiptNumber: 'R-1A' }], actor: seller, at } };
    spec
      .given([issued(), cancelled('pickup', seller)])
      .when(transfer())
      .thenRefusedWith('RECEIPT_CANCELLED');
    spec
      .given([issued(), split])
      .when(transfer())
      .thenRefusedWith('RECEIPT_SUPERSEDED', { status: 'split', successors: ['R-1A'] });
    spec.given([]).when(transfer()).thenRefusedWith('RECEIPT_NOT_FOUND');
  });

  it('only the holder (or the exchange) transfers: another depositor, the buyer, a bank or staff cannot', () => {
    spec
      .given([issued()])
      .when(transfer({ actor: stranger }))
      .thenRefusedWith('RECEIPT_NOT_FOUND');
    spec
      .given([issued()])
      .when(transfer({ actor: buyerActor }))
      .thenRefusedWith('RECEIPT_NOT_FOUND');
    spec
      .given([issued()])
      .when(transfer({ actor: bank }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    spec
      .given([issued()])
      .when(transfer({ actor: clerk }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });

  it('checks ownership before comparing the entry, so a stranger learns nothing and raises no alarm', () => {
    const error = refusalOf(() =>
      receiptDecider.decide(transfer({ actor: stranger, entered: { ...correct, holderName: 'guess' } }), foldEvents(receiptDecider, [issued()])),
    );
    expect([error.code, (error as TransferRefusal).alarms]).toEqual(['RECEIPT_NOT_FOUND', []]);
  });

  it('transfers only to an approved card other than the seller’s', () => {
    // A seller is told the same for a card that does not exist and one that may not receive
    // title, so it learns neither whether another party's card exists nor its standing.
    spec
      .given([issued()])
      .when(transfer({ buyerCard: { ...buyerCard, status: 'applied' } }))
      .thenRefusedWith('BUYER_CARD_CANNOT_RECEIVE');
    spec
      .given([issued()])
      .when(transfer({ buyerCard: { ...buyerCard, status: 'suspended' } }))
      .thenRefusedWith('BUYER_CARD_CANNOT_RECEIVE');
    spec
      .given([issued()])
      .when(transfer({ buyerCard: null }))
      .thenRefusedWith('BUYER_CARD_CANNOT_RECEIVE');
    // The exchange, settling a trade, is told which.
    spec
      .given([issued()])
      .when(transfer({ actor: exchange, buyerCard: { ...buyerCard, status: 'applied' } }))
      .thenRefusedWith('CARD_NOT_APPROVED', { field: 'buyerCard' });
    spec
      .given([issued()])
      .when(transfer({ actor: exchange, buyerCard: null }))
      .thenRefusedWith('CARD_NOT_FOUND');
    spec
      .given([issued()])
      .when(transfer({ buyerCard: sellerCard }))
      .thenRefusedWith('TRANSFER_TO_SAME_HOLDER');
  });

  it('refuses an incomplete entry as bad input', () => {
    const error = refusalOf(() => receiptDecider.decide(transfer({ entered: { ...correct, commodity: '' } }), foldEvents(receiptDecider, [issued()])));
    expect([error.code, error.field]).toEqual(['FIELD_REQUIRED', 'entered.commodity']);
  });

  it('after a transfer the old holder is no longer entitled and the new one is', () => {
    spec.given([issued(), transferred]).when(transfer()).thenRefusedWith('RECEIPT_NOT_FOUND');
    const back = transfer({
      actor: buyerActor,
      buyerCard: sellerCard,
      entered: { holderName: '华东建材有限公司', storageCard: 'SC-0002', commodity: 'rebar' },
    });
    spec
      .given([issued(), transferred])
      .when(back)
      .then([{ type: 'TitleTransferred', data: { ...transferred.data, from: buyerHolder, to: sellerHolder, actor: buyerActor } } as ReceiptEvent]);
  });
});
