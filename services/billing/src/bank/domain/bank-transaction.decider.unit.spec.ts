import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { bankTransactionDecider, type BankTransactionEvent, type IncomingTransfer, type NotifyIncomingTransfer } from './bank-transaction.decider';
import { virtualAccountNumberOf } from './virtual-account-number';

const bank: Actor = { subject: 'bank-icbc', role: 'bank' };
const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const at = '2026-12-07T02:00:00Z';
const later = '2026-12-07T03:00:00Z';
const account = virtualAccountNumberOf(1);
const transfer: IncomingTransfer = {
  bankId: 'bank-icbc',
  bankTransactionId: 'ICBC-0001',
  kind: 'payment',
  virtualAccount: account,
  amountFen: 1_234_56,
  valueDate: '2026-12-07' as IncomingTransfer['valueDate'],
  payerName: 'Hengda Steel',
};
const notify = (overrides: Partial<NotifyIncomingTransfer['data']> = {}): NotifyIncomingTransfer => ({
  type: 'NotifyIncomingTransfer',
  data: { ...transfer, partyOfAccount: 'P-HENGDA', actor: bank, at, ...overrides },
});
const paymentId = 'bank-payment:bank-icbc:ICBC-0001';
const matched: BankTransactionEvent = { type: 'BankPaymentMatched', data: { ...transfer, paymentId, partyId: 'P-HENGDA', receivedAt: at, at } };
const unmatched: BankTransactionEvent = {
  type: 'BankPaymentHeldUnmatched',
  data: { ...transfer, paymentId, reason: 'unknown_virtual_account', receivedAt: at, at },
};

const spec = deciderSpec(bankTransactionDecider);

describe('bank transaction decider', () => {
  it('books a transaction to the party of its virtual account once; a repeat with the same content changes nothing', () => {
    spec.given([]).when(notify()).then([matched]);
    spec
      .given([matched])
      .when(notify({ at: later, payerName: 'HENGDA STEEL CO' }))
      .then([]);
  });

  it('holds a payment to an unknown or malformed virtual account unmatched, and a manager assigns it', () => {
    spec
      .given([])
      .when(notify({ partyOfAccount: null }))
      .then([unmatched]);
    spec
      .given([])
      .when(notify({ virtualAccount: '880000000014', partyOfAccount: null }))
      .then([
        {
          type: 'BankPaymentHeldUnmatched',
          data: { ...transfer, virtualAccount: '880000000014', paymentId, reason: 'malformed_virtual_account', receivedAt: at, at },
        },
      ]);
    spec
      .given([unmatched])
      .when({ type: 'AssignUnmatchedPayment', data: { partyId: 'P-HENGDA', note: 'payer confirmed by phone', actor: manager, at: later } })
      .then([
        {
          type: 'BankPaymentMatched',
          data: { ...transfer, paymentId, partyId: 'P-HENGDA', receivedAt: at, assignedBy: manager, note: 'payer confirmed by phone', at: later },
        },
      ]);
    spec
      .given([matched])
      .when({ type: 'AssignUnmatchedPayment', data: { partyId: 'P-OTHER', note: 'x', actor: manager, at: later } })
      .thenRefusedWith('BANK_PAYMENT_ALREADY_MATCHED');
    spec
      .given([])
      .when({ type: 'AssignUnmatchedPayment', data: { partyId: 'P-OTHER', note: 'x', actor: manager, at: later } })
      .thenRefusedWith('BANK_PAYMENT_NOT_FOUND');
  });

  it('records a notification reusing a transaction id with different content as a conflict', () => {
    spec
      .given([matched])
      .when(notify({ amountFen: 1_234_57, at: later }))
      .then([
        {
          type: 'BankNotificationConflicted',
          data: {
            bankId: 'bank-icbc',
            bankTransactionId: 'ICBC-0001',
            recorded: transfer,
            notified: { ...transfer, amountFen: 1_234_57 },
            differs: ['amountFen'],
            at: later,
          },
        },
      ]);
  });

  it('refuses a zero amount, a bad date and a caller who is not a bank', () => {
    spec
      .given([])
      .when(notify({ amountFen: 0 }))
      .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
    spec
      .given([])
      .when(notify({ valueDate: '2026-13-01' }))
      .thenRefusedWith('INVALID_DATE');
    spec
      .given([])
      .when(notify({ actor: manager }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});
