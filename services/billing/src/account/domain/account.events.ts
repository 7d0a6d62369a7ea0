import type { DomainEvent, LocalDate } from '@dw/kernel';
import type { AccountActor } from './account.commands';

import type { FeeItem } from '../../accrual/domain/holding.events';

/** Fee items are accrual's (billing.fee.v1); each has its own fees-income account. */
export { FEE_ITEMS, type FeeItem } from '../../accrual/domain/holding.events';

export interface Payee {
  readonly payeeAccountName: string;
  readonly payeeAccountNumber: string;
  readonly payeeBank: string;
}

export type FeeCharged = DomainEvent<
  'FeeCharged',
  {
    readonly feeId: string;
    readonly item: FeeItem;
    readonly receiptNumber: string;
    readonly lotId: string;
    readonly serviceDate: LocalDate;
    readonly chargedOn: LocalDate;
    readonly amountFen: number;
    readonly at: string;
  }
>;

/** A fee cancelled in full: `refundedFen` is what had been settled of it, back in deposits held. */
export type FeeChargeReversed = DomainEvent<
  'FeeChargeReversed',
  { readonly feeId: string; readonly item: FeeItem; readonly amountFen: number; readonly refundedFen: number; readonly reason: string; readonly at: string }
>;

export type PaymentBooked = DomainEvent<
  'PaymentBooked',
  {
    readonly paymentId: string;
    readonly bankId: string;
    readonly bankTransactionId: string;
    readonly amountFen: number;
    readonly valueDate: LocalDate;
    readonly at: string;
  }
>;

export interface FeeSettlement {
  readonly feeId: string;
  readonly item: FeeItem;
  readonly amountFen: number;
}

/** Deposits held paid these fees, oldest first, each in full; `paymentId` '' when money already held paid them. */
export type FeesSettled = DomainEvent<'FeesSettled', { readonly paymentId: string; readonly settlements: readonly FeeSettlement[]; readonly at: string }>;

export type StoragePaidThroughAdvanced = DomainEvent<
  'StoragePaidThroughAdvanced',
  { readonly receiptNumber: string; readonly paidThrough: LocalDate; readonly previous: LocalDate | null; readonly at: string }
>;

export type WithdrawalRequested = DomainEvent<
  'WithdrawalRequested',
  Payee & { readonly withdrawalId: string; readonly amountFen: number; readonly actor: AccountActor; readonly at: string }
>;

export type WithdrawalApproved = DomainEvent<
  'WithdrawalApproved',
  Payee & { readonly withdrawalId: string; readonly amountFen: number; readonly actor: AccountActor; readonly at: string }
>;

export type WithdrawalRejected = DomainEvent<
  'WithdrawalRejected',
  { readonly withdrawalId: string; readonly amountFen: number; readonly reason: string; readonly actor: AccountActor; readonly at: string }
>;

export type WithdrawalCompleted = DomainEvent<
  'WithdrawalCompleted',
  {
    readonly withdrawalId: string;
    readonly amountFen: number;
    readonly bankId: string;
    readonly bankTransactionId: string;
    readonly valueDate: LocalDate;
    readonly at: string;
  }
>;

export type WithdrawalReturned = DomainEvent<
  'WithdrawalReturned',
  { readonly withdrawalId: string; readonly amountFen: number; readonly bankId: string; readonly reason: string; readonly at: string }
>;

export type AccountEvent =
  | FeeCharged
  | FeeChargeReversed
  | PaymentBooked
  | FeesSettled
  | StoragePaidThroughAdvanced
  | WithdrawalRequested
  | WithdrawalApproved
  | WithdrawalRejected
  | WithdrawalCompleted
  | WithdrawalReturned;
