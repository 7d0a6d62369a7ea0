import { foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { d } from '../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { ReceiptCommand } from './receipt.commands';
import { receiptDecider } from './receipt.decider';
import { CancellationPurpose, ReceiptEvent } from './receipt.events';
import { at, cancelled, clerk, court, exchange, frozen, issued, seller, sellerHolder, stranger, system } from './receipt.fixtures.spec-helper';

const spec = deciderSpec(receiptDecider);

const apply = (purpose: CancellationPurpose, actor: Actor = seller): ReceiptCommand => ({ type: 'ApplyForCancellation', data: { purpose, actor, at } });
const applied = (purpose: CancellationPurpose, actor: Actor = seller): ReceiptEvent => ({
  type: 'ReceiptCancellationApplied',
  data: { receiptNumber: 'R-1', purpose, actor, at },
});
const processAt = (when = at, actor: Actor = clerk): ReceiptCommand => ({ type: 'ProcessCancellation', data: { actor, at: when } });
const withdraw = (actor: Actor = seller): ReceiptCommand => ({ type: 'WithdrawCancellation', data: { actor, at } });
const reject = (reason: string, actor: Actor = clerk): ReceiptCommand => ({ type: 'RejectCancellation', data: { reason, actor, at } });
/** Billing's record: R-1 is issued with fees paid through 2026-03-31. */
const feesPaidThrough = (paidThrough: string): ReceiptEvent => ({
  type: 'StorageFeesPaidThroughAdvanced',
  data: { receiptNumber: 'R-1', paidThrough: d(paidThrough), previous: d('2026-03-31'), actor: system, at },
});
// Processing at `at` (2026-04-01 in Shanghai) needs fees paid through 04-01 or later.
const paidForApril = feesPaidThrough('2026-04-30');
// The job runs at 00:05 on 2026-06-04 Shanghai time, which is still 06-03 in UTC.
const jobAt = '2026-06-03T16:05:00Z';
const flag = (asOf: string, actor: Actor = system, when = jobAt): ReceiptCommand => ({ type: 'FlagExpired', data: { asOf, actor, at: when } });
const expired: ReceiptEvent = {
  type: 'ReceiptExpired',
  data: { receiptNumber: 'R-1', asOf: d('2026-06-04'), validUntil: d('2026-06-03'), actor: system, at: jobAt },
};

describe('receipt decider: cancellation (注销) is applied for by the holder and processed by the warehouse', () => {
  it('the holder applies to cancel: the receipt stays live and the holder’s, awaiting the warehouse', () => {
    spec
      .given([issued()])
      .when(apply('pickup'))
      .then([applied('pickup')]);
    const state = foldEvents(receiptDecider, [issued(), applied('pickup')]);
    expect(state).toMatchObject({
      status: 'outstanding',
      record: { holder: sellerHolder },
      cancellationApplication: { purpose: 'pickup', appliedAt: at, appliedBy: seller },
    });
  });

  it('the warehouse processes the application: the lots, weight and holder card become an outbound entitlement', () => {
    spec
      .given([issued(), paidForApril, applied('pickup')])
      .when(processAt())
      .then([cancelled('pickup')]);
    const manager: Actor = { subject: 'manager-qian', role: 'manager' };
    spec
      .given([issued(), paidForApril, applied('spot-conversion')])
      .when(processAt(at, manager))
      .then([cancelled('spot-conversion', manager)]);
    const state = foldEvents(receiptDecider, [issued(), paidForApril, applied('pickup'), cancelled('pickup')]);
    expect(state).toMatchObject({ status: 'cancelled', cancellationApplication: null });
  });

  it('refuses processing while storage fees are paid through a date before today in Shanghai', () => {
    // 2026-05-06T16:30Z is 00:30 on 2026-05-07 in Shanghai (UTC+8), though still 05-06 in UTC:
    // today is 05-07. Paid through 05-06, the holder owes 05-07's storage: refused. Paid
    // through 05-07 (today itself), nothing is owed: processed.
    const lateNight = '2026-05-06T16:30:00Z';
    spec
      .given([issued(), feesPaidThrough('2026-05-06'), applied('pickup')])
      .when(processAt(lateNight))
      .thenRefusedWith('STORAGE_FEES_UNPAID', { paidThrough: '2026-05-06', today: '2026-05-07' });
    spec
      .given([issued(), feesPaidThrough('2026-05-07'), applied('pickup')])
      .when(processAt(lateNight))
      .then([cancelled('pickup', clerk, lateNight)]);
    // As issued, paid through 2026-03-31, processed on 04-01: one day owed.
    spec
      .given([issued(), applied('pickup')])
      .when(processAt())
      .thenRefusedWith('STORAGE_FEES_UNPAID', { paidThrough: '2026-03-31', today: '2026-04-01' });
  });

  it('refuses processing without a pending application, by the holder, or while a hold is on the receipt', () => {
    spec.given([issued(), paidForApril]).when(processAt()).thenRefusedWith('NO_CANCELLATION_APPLICATION');
    spec
      .given([issued(), paidForApril, applied('pickup')])
      .when(processAt(at, seller))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    spec
      .given([issued(), paidForApril, applied('pickup'), frozen()])
      .when(processAt())
      .thenRefusedWith('RECEIPT_HELD');
    spec
      .given([issued(), paidForApril, applied('pickup'), cancelled('pickup')])
      .when(processAt())
      .thenRefusedWith('RECEIPT_CANCELLED');
  });

  it('while applied the receipt is not transferred, pledged, split, merged, held for delivery or applied for again', () => {
    const awaiting = [issued(), applied('pickup')];
    const buyerCard = { cardNumber: 'SC-0002', ownerPartyId: 'party-huadong', holderName: '华东建材有限公司', status: 'approved' as const };
    const entered = { holderName: sellerHolder.holderName, storageCard: sellerHolder.storageCard, commodity: 'rebar' };
    spec
      .given(awaiting)
      .when({ type: 'TransferTitle', data: { transferId: 'T-1', entered, buyerCard, actor: seller, at } })
      .thenRefusedWith('CANCELLATION_PENDING');
    const bankBeneficiary = { kind: 'bank' as const, partyId: 'ICBC-SH', name: 'ICBC' };
    spec
      .given(awaiting)
      .when({ type: 'PlaceHold', data: { holdId: 'P-1', kind: 'pledge', beneficiary: bankBeneficiary, reason: 'loan', actor: seller, at } })
      .thenRefusedWith('CANCELLATION_PENDING');
    spec
      .given(awaiting)
      .when({
        type: 'PlaceHold',
        data: { holdId: 'D-1', kind: 'delivery', beneficiary: { kind: 'exchange', partyId: 'SHFE', name: 'SHFE' }, reason: 'delivery', actor: exchange, at },
      })
      .thenRefusedWith('CANCELLATION_PENDING');
    const children = [
      { receiptNumber: 'R-1a', lotIds: ['LOT-1'], weightKg: 300_000 },
      { receiptNumber: 'R-1b', lotIds: ['LOT-2'], weightKg: 300_000 },
    ];
    spec
      .given(awaiting)
      .when({ type: 'SplitReceipt', data: { children, actor: seller, at } })
      .thenRefusedWith('CANCELLATION_PENDING');
    spec
      .given(awaiting)
      .when({ type: 'RetireIntoMerge', data: { mergedInto: 'R-9', actor: seller, at } })
      .thenRefusedWith('CANCELLATION_PENDING');
    spec.given(awaiting).when(apply('spot-conversion')).thenRefusedWith('CANCELLATION_PENDING', { purpose: 'pickup' });
  });

  it('a court or the exchange may still freeze a receipt awaiting cancellation; the warehouse processes it once the freeze is lifted', () => {
    const freeze: ReceiptCommand = {
      type: 'PlaceHold',
      data: { holdId: 'F-1', kind: 'freeze', beneficiary: { kind: 'court', partyId: 'PUDONG-COURT', name: 'Pudong' }, reason: 'case', actor: court, at },
    };
    spec
      .given([issued(), paidForApril, applied('pickup')])
      .when(freeze)
      .then([frozen()]);
    const lifted: ReceiptEvent = {
      type: 'ReceiptHoldReleased',
      data: { receiptNumber: 'R-1', holdId: 'F-1', kind: 'freeze', reason: 'case closed', actor: court, at },
    };
    spec
      .given([issued(), paidForApril, applied('pickup'), frozen(), lifted])
      .when(processAt())
      .then([cancelled('pickup')]);
  });

  it('the holder withdraws its application, even under a freeze: the receipt is free again', () => {
    const withdrawn: ReceiptEvent = { type: 'ReceiptCancellationWithdrawn', data: { receiptNumber: 'R-1', purpose: 'pickup', actor: seller, at } };
    spec
      .given([issued(), applied('pickup')])
      .when(withdraw())
      .then([withdrawn]);
    spec
      .given([issued(), applied('pickup'), frozen()])
      .when(withdraw())
      .then([withdrawn]);
    expect(foldEvents(receiptDecider, [issued(), applied('pickup'), withdrawn]).cancellationApplication).toBeNull();
    spec
      .given([issued(), applied('pickup'), withdrawn])
      .when(apply('spot-conversion'))
      .then([applied('spot-conversion')]);
    spec.given([issued()]).when(withdraw()).thenRefusedWith('NO_CANCELLATION_APPLICATION');
    spec
      .given([issued(), applied('pickup')])
      .when(withdraw(stranger))
      .thenRefusedWith('RECEIPT_NOT_FOUND');
    spec
      .given([issued(), applied('pickup')])
      .when(withdraw(clerk))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });

  it('the warehouse rejects an application with its reason: the receipt is free again', () => {
    spec
      .given([issued(), applied('pickup')])
      .when(reject('pickup date not agreed'))
      .then([{ type: 'ReceiptCancellationRejected', data: { receiptNumber: 'R-1', purpose: 'pickup', reason: 'pickup date not agreed', actor: clerk, at } }]);
    spec
      .given([issued(), applied('pickup')])
      .when(reject(''))
      .thenRefusedWith('FIELD_REQUIRED');
    spec
      .given([issued(), applied('pickup')])
      .when(reject('no', seller))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    spec.given([issued()]).when(reject('no')).thenRefusedWith('NO_CANCELLATION_APPLICATION');
  });

  it('an expired receipt may still apply, converting its goods to spot', () => {
    spec
      .given([issued(), expired])
      .when(apply('spot-conversion'))
      .then([applied('spot-conversion')]);
    spec
      .given([issued(), paidForApril, expired, applied('spot-conversion')])
      .when(processAt())
      .then([cancelled('spot-conversion')]);
  });

  it('refuses applying for an expired receipt for a pickup under the receipt (spot conversion only)', () => {
    spec.given([issued(), expired]).when(apply('pickup')).thenRefusedWith('RECEIPT_EXPIRED', { validUntil: '2026-06-03' });
    // Applied for a pickup in time, expired before the warehouse processed it: refused then too.
    spec
      .given([issued(), paidForApril, applied('pickup'), expired])
      .when(processAt())
      .thenRefusedWith('RECEIPT_EXPIRED');
  });

  it('refuses applying for a held receipt, another’s receipt, a cancelled one, and an unknown purpose', () => {
    spec.given([issued(), frozen()]).when(apply('pickup')).thenRefusedWith('RECEIPT_HELD');
    spec.given([issued()]).when(apply('pickup', stranger)).thenRefusedWith('RECEIPT_NOT_FOUND');
    spec.given([issued()]).when(apply('pickup', clerk)).thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    spec
      .given([issued(), paidForApril, applied('pickup'), cancelled('pickup')])
      .when(apply('pickup'))
      .thenRefusedWith('RECEIPT_CANCELLED');
    spec
      .given([issued()])
      .when(apply('gift' as CancellationPurpose))
      .thenRefusedWith('INVALID_CANCELLATION_PURPOSE');
  });

  it('answers another depositor exactly as if the receipt did not exist, whatever its state (held, applied, cancelled, or live)', () => {
    const refusalOf = (events: ReceiptEvent[], command: ReceiptCommand): unknown => {
      try {
        receiptDecider.decide(command, foldEvents(receiptDecider, events));
      } catch (error) {
        return error;
      }
      throw new Error('expected a refusal');
    };
    const missing = refusalOf([], apply('pickup', stranger));
    expect(missing).toMatchObject({ code: 'RECEIPT_NOT_FOUND', kind: 'not_found' });
    const histories = [[issued()], [issued(), frozen()], [issued(), applied('pickup')], [issued(), paidForApril, applied('pickup'), cancelled('pickup')]];
    for (const history of histories) {
      for (const command of [apply('pickup', stranger), withdraw(stranger)]) {
        const refusal = refusalOf(history, command);
        expect(refusal).toEqual(missing);
        expect(JSON.stringify(refusal)).not.toContain(sellerHolder.storageCard);
        expect(JSON.stringify(refusal)).not.toContain(sellerHolder.partyId);
      }
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
      .given([issued(), paidForApril, applied('pickup'), cancelled('pickup')])
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

  it('follows billing’s date for the party holding the receipt only, and only forward', () => {
    // R-1 is issued to party-hengda paid through 03-31.
    const byBilling = (paidThrough: string, paidBy: string): ReceiptCommand => ({
      type: 'RecordStorageFeesPaid',
      data: { paidThrough, paidBy, actor: system, at },
    });
    spec
      .given([issued()])
      .when(byBilling('2026-04-02', 'party-hengda'))
      .then([
        { type: 'StorageFeesPaidThroughAdvanced', data: { receiptNumber: 'R-1', paidThrough: d('2026-04-02'), previous: d('2026-03-31'), actor: system, at } },
      ]);
    // Another party's storage of R-1 (an earlier or later holder) moves nothing.
    spec.given([issued()]).when(byBilling('2026-04-30', 'party-huadong')).then([]);
    // The holder's own date not ahead of the receipt's moves nothing, and is not refused.
    spec.given([issued()]).when(byBilling('2026-03-20', 'party-hengda')).then([]);
    // A receipt cancelled meanwhile takes billing's late date as nothing.
    spec
      .given([issued(), paidForApril, applied('pickup'), cancelled('pickup')])
      .when(byBilling('2026-05-31', 'party-hengda'))
      .then([]);
  });

  it('is not recorded on a cancelled receipt', () => {
    spec
      .given([issued(), paidForApril, applied('pickup'), cancelled('pickup')])
      .when(paid('2026-05-31'))
      .thenRefusedWith('RECEIPT_CANCELLED');
  });
});
