import { foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { d } from '../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { ReceiptCommand } from './receipt.commands';
import { receiptDecider } from './receipt.decider';
import { CancellationPurpose, ReceiptEvent } from './receipt.events';
import { at, clerk, court, issued, recordR1, seller, sellerHolder, stranger, system } from './receipt.fixtures.spec-helper';

const spec = deciderSpec(receiptDecider);

const cancel = (purpose: CancellationPurpose, actor: Actor = seller): ReceiptCommand => ({ type: 'CancelReceipt', data: { purpose, actor, at } });
const cancelled = (purpose: CancellationPurpose): ReceiptEvent => ({
  type: 'ReceiptCancelled',
  data: {
    receiptNumber: 'R-1',
    purpose,
    entitlement: { holder: sellerHolder, warehouseId: 'WH-WX', commodity: 'rebar', brand: 'Shagang', grade: 'HRB400E', lots: recordR1.lots, weightKg: 600_000 },
    actor: seller,
    at,
  },
});
// The job runs at 00:05 on 2026-06-04 Shanghai time, which is still 06-03 in UTC.
const jobAt = '2026-06-03T16:05:00Z';
const flag = (asOf: string, actor: Actor = system, when = jobAt): ReceiptCommand => ({ type: 'FlagExpired', data: { asOf, actor, at: when } });
const expired: ReceiptEvent = {
  type: 'ReceiptExpired',
  data: { receiptNumber: 'R-1', asOf: d('2026-06-04'), validUntil: d('2026-06-03'), actor: system, at: jobAt },
};
const frozen: ReceiptEvent = {
  type: 'ReceiptHoldPlaced',
  data: {
    receiptNumber: 'R-1',
    hold: { holdId: 'F-1', kind: 'freeze', beneficiary: { kind: 'court', partyId: 'PUDONG-COURT', name: 'Pudong' }, reason: 'case', placedAt: at },
    actor: court,
    at,
  },
};

describe('receipt decider: cancellation (注销)', () => {
  it('the holder cancels to pick up: the lots, weight and holder card become an outbound entitlement', () => {
    spec
      .given([issued()])
      .when(cancel('pickup'))
      .then([cancelled('pickup')]);
    expect(foldEvents(receiptDecider, [issued(), cancelled('pickup')]).status).toBe('cancelled');
  });

  it('an expired receipt can still be cancelled, converting its goods to spot', () => {
    spec
      .given([issued(), expired])
      .when(cancel('spot-conversion'))
      .then([cancelled('spot-conversion')]);
  });

  it('refuses cancelling an expired receipt for a pickup under the receipt (spot conversion only)', () => {
    spec.given([issued(), expired]).when(cancel('pickup')).thenRefusedWith('RECEIPT_EXPIRED', { validUntil: '2026-06-03' });
  });

  it('refuses cancelling a held receipt, another’s receipt, a cancelled one, and an unknown purpose', () => {
    spec.given([issued(), frozen]).when(cancel('pickup')).thenRefusedWith('RECEIPT_HELD');
    spec.given([issued()]).when(cancel('pickup', stranger)).thenRefusedWith('RECEIPT_NOT_FOUND');
    spec.given([issued()]).when(cancel('pickup', clerk)).thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    spec
      .given([issued(), cancelled('pickup')])
      .when(cancel('pickup'))
      .thenRefusedWith('RECEIPT_CANCELLED');
    spec
      .given([issued()])
      .when(cancel('gift' as CancellationPurpose))
      .thenRefusedWith('INVALID_CANCELLATION_PURPOSE');
  });

  it('answers another depositor exactly as if the receipt did not exist, whatever its state (held, cancelled, or live)', () => {
    const refusalOf = (events: ReceiptEvent[], actor: Actor): unknown => {
      try {
        receiptDecider.decide(cancel('pickup', actor), foldEvents(receiptDecider, events));
      } catch (error) {
        return error;
      }
      throw new Error('expected a refusal');
    };
    const missing = refusalOf([], stranger);
    expect(missing).toMatchObject({ code: 'RECEIPT_NOT_FOUND', kind: 'not_found' });
    for (const history of [[issued()], [issued(), frozen], [issued(), cancelled('pickup')]]) {
      const refusal = refusalOf(history, stranger);
      expect(refusal).toEqual(missing);
      expect(JSON.stringify(refusal)).not.toContain(sellerHolder.storageCard);
      expect(JSON.stringify(refusal)).not.toContain(sellerHolder.partyId);
    }
  });
});

describe('receipt decider: expiry', () => {
  it('flags a receipt the day after its last valid day (valid through 2026-06-03)', () => {
    spec.given([issued()]).when(flag('2026-06-04')).then([expired]);
  });

  it('is idempotent: flagging again, or a receipt out of circulation, changes nothing', () => {
    spec
      .given([issued(), expired])
      .when(flag('2026-06-05', system, '2026-06-05T01:00:00Z'))
      .then([]);
    spec
      .given([issued(), cancelled('pickup')])
      .when(flag('2026-06-04'))
      .then([]);
  });

  it('refuses flagging on the last valid day itself', () => {
    spec.given([issued()]).when(flag('2026-06-03')).thenRefusedWith('RECEIPT_NOT_YET_EXPIRED', { validUntil: '2026-06-03' });
  });

  it('refuses an as-of date later than today in Shanghai', () => {
    // 2026-06-03T15:00Z is 23:00 on 06-03 in Shanghai: 06-04 has not begun.
    spec
      .given([issued()])
      .when(flag('2026-06-04', system, '2026-06-03T15:00:00Z'))
      .thenRefusedWith('EXPIRY_AS_OF_IN_FUTURE', {
        asOf: '2026-06-04',
        today: '2026-06-03',
      });
  });

  it('is the scheduled job’s act only, and needs an existing receipt', () => {
    spec.given([issued()]).when(flag('2026-06-04', clerk)).thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    spec.given([]).when(flag('2026-06-04')).thenRefusedWith('RECEIPT_NOT_FOUND');
  });
});

describe('receipt decider: storage fees paid-through date', () => {
  const paid = (paidThrough: string): ReceiptCommand => ({ type: 'RecordStorageFeesPaid', data: { paidThrough, actor: system, at } });

  it('moves forward only', () => {
    spec
      .given([issued()])
      .when(paid('2026-04-30'))
      .then([
        { type: 'StorageFeesPaidThroughAdvanced', data: { receiptNumber: 'R-1', paidThrough: d('2026-04-30'), previous: d('2026-03-31'), actor: system, at } },
      ]);
    spec.given([issued()]).when(paid('2026-03-31')).then([]);
    spec.given([issued()]).when(paid('2026-03-30')).thenRefusedWith('FEES_PAID_THROUGH_BACKWARDS', { previous: '2026-03-31' });
  });

  it('is not recorded on a cancelled receipt', () => {
    spec
      .given([issued(), cancelled('pickup')])
      .when(paid('2026-04-30'))
      .thenRefusedWith('RECEIPT_CANCELLED');
  });
});
