import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { bankWithdrawalDecider, type BankWithdrawalEvent, retryAfterMs, type WithdrawalOrder } from './bank-withdrawal.decider';

const bank: Actor = { subject: 'bank-icbc', role: 'bank' };
const otherBank: Actor = { subject: 'bank-boc', role: 'bank' };
const at = '2026-12-07T02:00:00.000Z';
const order: WithdrawalOrder = {
  withdrawalId: 'W-1',
  partyId: 'P-HENGDA',
  bankId: 'bank-icbc',
  amountFen: 500_00,
  payeeAccountName: '衡达钢铁',
  payeeAccountNumber: '6222000011112222',
  payeeBank: 'ICBC Shanghai',
};
const queued: BankWithdrawalEvent = { type: 'WithdrawalQueuedForBank', data: { ...order, nextAttemptAt: at, at } };
const failed: BankWithdrawalEvent = {
  type: 'WithdrawalSendFailed',
  data: { withdrawalId: 'W-1', attempt: 1, detail: '503', nextAttemptAt: '2026-12-07T02:00:01.000Z', at },
};
const confirmed: BankWithdrawalEvent = {
  type: 'WithdrawalConfirmedByBank',
  data: { ...order, bankTransactionId: 'ICBC-OUT-1', valueDate: '2026-12-07' as never, at },
};

const spec = deciderSpec(bankWithdrawalDecider);

describe('bank withdrawal decider', () => {
  it('queues an approved withdrawal once and retries a failed send with bounded exponential backoff', () => {
    spec
      .given([])
      .when({ type: 'QueueWithdrawal', data: { ...order, at } })
      .then([queued]);
    spec
      .given([queued])
      .when({ type: 'QueueWithdrawal', data: { ...order, at } })
      .then([]);
    // 1st failure: 1 s; 2nd: 2 s; 4th: 8 s; the 10th would be 512 s, held at 300 s (5 minutes).
    expect([retryAfterMs(1), retryAfterMs(2), retryAfterMs(4), retryAfterMs(10)]).toEqual([1_000, 2_000, 8_000, 300_000]);
    spec
      .given([queued])
      .when({ type: 'RecordSendAttempt', data: { outcome: 'failed', detail: '503', at } })
      .then([failed]);
    spec
      .given([queued, failed])
      .when({ type: 'RecordSendAttempt', data: { outcome: 'failed', detail: 'timeout', at } })
      .then([{ type: 'WithdrawalSendFailed', data: { withdrawalId: 'W-1', attempt: 2, detail: 'timeout', nextAttemptAt: '2026-12-07T02:00:02.000Z', at } }]);
    spec
      .given([queued, failed])
      .when({ type: 'RecordSendAttempt', data: { outcome: 'accepted', detail: '200', at } })
      .then([{ type: 'WithdrawalSentToBank', data: { withdrawalId: 'W-1', attempt: 2, at } }]);
  });

  it('takes the bank’s confirmation or refusal once, from the bank it was sent to only', () => {
    const confirm = (actor: Actor = bank, bankTransactionId = 'ICBC-OUT-1') => ({
      type: 'ConfirmWithdrawal' as const,
      data: { bankTransactionId, valueDate: '2026-12-07', actor, at },
    });
    spec.given([queued]).when(confirm()).then([confirmed]);
    spec.given([queued, confirmed]).when(confirm()).then([]);
    spec.given([queued, confirmed]).when(confirm(bank, 'ICBC-OUT-2')).thenRefusedWith('WITHDRAWAL_ALREADY_ANSWERED');
    spec
      .given([queued, confirmed])
      .when({ type: 'RefuseWithdrawal', data: { reason: 'closed', actor: bank, at } })
      .thenRefusedWith('WITHDRAWAL_ALREADY_ANSWERED');
    spec.given([queued]).when(confirm(otherBank)).thenRefusedWith('WITHDRAWAL_NOT_SENT');
    spec.given([]).when(confirm()).thenRefusedWith('WITHDRAWAL_NOT_SENT');
    spec
      .given([queued])
      .when({ type: 'RefuseWithdrawal', data: { reason: 'payee account closed', actor: bank, at } })
      .then([{ type: 'WithdrawalRefusedByBank', data: { ...order, reason: 'payee account closed', at } }]);
  });
});
