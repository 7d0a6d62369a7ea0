import type { LocalDate } from '@dw/kernel';
import type { AccountActor, AccountCommand } from './account.commands';
import type { AccountEvent, FeeItem, FeeSettlement } from './account.events';

export const system: AccountActor = { subject: 'billing', role: 'system' };
export const manager: AccountActor = { subject: 'mgr-qian', role: 'manager' };
export const depositor: AccountActor = { subject: 'dep-hengda', role: 'depositor', partyId: 'P-HENGDA' };
export const at = '2026-10-12T02:00:00Z';
export const d = (text: string) => text as LocalDate;

export const payee = { payeeAccountName: '恒达钢铁贸易有限公司', payeeAccountNumber: '6222 0000 1111', payeeBank: 'ICBC Shanghai Pudong' };

/** Commands with the fields the specs do not vary filled in. */
export const commands = {
  charge: (
    feeId: string,
    amountFen: number,
    dates: { serviceDate: string; chargedOn?: string },
    item: string = 'storage',
    receiptNumber = 'R-1',
  ): AccountCommand => ({
    type: 'ChargeFee',
    data: {
      feeId,
      item,
      receiptNumber,
      lotId: '',
      serviceDate: dates.serviceDate,
      chargedOn: dates.chargedOn ?? dates.serviceDate,
      amountFen,
      actor: system,
      at,
    },
  }),
  reverse: (feeId: string, amountFen: number): AccountCommand => ({
    type: 'ReverseFee',
    data: { feeId, amountFen, reason: 'the day belonged to the buyer', actor: system, at },
  }),
  pay: (paymentId: string, amountFen: number): AccountCommand => ({
    type: 'BookPayment',
    data: { paymentId, bankId: 'bank-icbc', bankTransactionId: `tx-${paymentId}`, amountFen, valueDate: '2026-10-12', actor: system, at },
  }),
  request: (withdrawalId: string, amountFen: number): AccountCommand => ({
    type: 'RequestWithdrawal',
    data: { withdrawalId, amountFen, ...payee, actor: depositor, at },
  }),
  approve: (withdrawalId: string): AccountCommand => ({ type: 'ApproveWithdrawal', data: { withdrawalId, actor: manager, at } }),
  reject: (withdrawalId: string): AccountCommand => ({
    type: 'RejectWithdrawal',
    data: { withdrawalId, reason: 'payee name does not match', actor: manager, at },
  }),
  complete: (withdrawalId: string, amountFen: number): AccountCommand => ({
    type: 'CompleteWithdrawal',
    data: { withdrawalId, amountFen, bankId: 'bank-icbc', bankTransactionId: `out-${withdrawalId}`, valueDate: '2026-10-12', actor: system, at },
  }),
  bankRefuses: (withdrawalId: string): AccountCommand => ({
    type: 'ReturnWithdrawal',
    data: { withdrawalId, bankId: 'bank-icbc', reason: 'payee account closed', actor: system, at },
  }),
};

/** The events those commands record. */
export const events = {
  charged: (
    feeId: string,
    amountFen: number,
    dates: { serviceDate: string; chargedOn?: string },
    item: FeeItem = 'storage',
    receiptNumber = 'R-1',
  ): AccountEvent => ({
    type: 'FeeCharged',
    data: { feeId, item, receiptNumber, lotId: '', serviceDate: d(dates.serviceDate), chargedOn: d(dates.chargedOn ?? dates.serviceDate), amountFen, at },
  }),
  reversed: (feeId: string, amountFen: number, refundedFen: number, item: FeeItem = 'storage'): AccountEvent => ({
    type: 'FeeChargeReversed',
    data: { feeId, item, amountFen, refundedFen, reason: 'the day belonged to the buyer', at },
  }),
  booked: (paymentId: string, amountFen: number): AccountEvent => ({
    type: 'PaymentBooked',
    data: { paymentId, bankId: 'bank-icbc', bankTransactionId: `tx-${paymentId}`, amountFen, valueDate: d('2026-10-12'), at },
  }),
  settled: (paymentId: string, settlements: FeeSettlement[]): AccountEvent => ({ type: 'FeesSettled', data: { paymentId, settlements, at } }),
  paidThrough: (receiptNumber: string, paidThrough: string, previous: string | null): AccountEvent => ({
    type: 'StoragePaidThroughAdvanced',
    data: { receiptNumber, paidThrough: d(paidThrough), previous: previous === null ? null : d(previous), at },
  }),
  requested: (withdrawalId: string, amountFen: number): AccountEvent => ({
    type: 'WithdrawalRequested',
    data: { withdrawalId, amountFen, ...payee, actor: depositor, at },
  }),
  approved: (withdrawalId: string, amountFen: number): AccountEvent => ({
    type: 'WithdrawalApproved',
    data: { withdrawalId, amountFen, ...payee, actor: manager, at },
  }),
  rejected: (withdrawalId: string, amountFen: number): AccountEvent => ({
    type: 'WithdrawalRejected',
    data: { withdrawalId, amountFen, reason: 'payee name does not match', actor: manager, at },
  }),
  completed: (withdrawalId: string, amountFen: number): AccountEvent => ({
    type: 'WithdrawalCompleted',
    data: { withdrawalId, amountFen, bankId: 'bank-icbc', bankTransactionId: `out-${withdrawalId}`, valueDate: d('2026-10-12'), at },
  }),
  returned: (withdrawalId: string, amountFen: number): AccountEvent => ({
    type: 'WithdrawalReturned',
    data: { withdrawalId, amountFen, bankId: 'bank-icbc', reason: 'payee account closed', at },
  }),
};

export const storage = (feeId: string, amountFen: number) => ({ feeId, item: 'storage' as const, amountFen });
