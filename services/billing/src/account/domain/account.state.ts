import type { LocalDate } from '@dw/kernel';
import type { FeeItem, Payee } from './account.events';

export interface AccountFee {
  readonly feeId: string;
  readonly item: FeeItem;
  readonly receiptNumber: string;
  readonly serviceDate: LocalDate;
  readonly chargedOn: LocalDate;
  readonly amountFen: number;
  readonly settled: boolean;
  readonly reversed: boolean;
}

export const WITHDRAWAL_STATUSES = ['requested', 'approved', 'rejected', 'completed', 'returned'] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

export interface AccountWithdrawal extends Payee {
  readonly withdrawalId: string;
  readonly amountFen: number;
  readonly status: WithdrawalStatus;
}

/**
 * One party's account. `depositsHeldFen` is the party's money the warehouse holds and has not
 * applied: payments booked and credits (a short at load-out), less fees settled, less withdrawals approved, plus those returned
 * and fees reversed after they were paid. A withdrawal only requested is still in it, reserved.
 */
export interface AccountState {
  readonly fees: Readonly<Record<string, AccountFee>>;
  readonly paymentIds: Readonly<Record<string, true>>;
  /** The credits booked (negative FeeAccrued, by fee id), so a replay credits nothing again. */
  readonly creditIds: Readonly<Record<string, true>>;
  readonly depositsHeldFen: number;
  readonly withdrawals: Readonly<Record<string, AccountWithdrawal>>;
  /** The storage paid-through date last published per receipt. */
  readonly paidThrough: Readonly<Record<string, LocalDate>>;
}

export const emptyAccount = (): AccountState => ({ fees: {}, paymentIds: {}, creditIds: {}, depositsHeldFen: 0, withdrawals: {}, paidThrough: {} });

const sum = (amounts: readonly number[]) => amounts.reduce((total, amount) => total + amount, 0);

export const withdrawalsIn = (state: AccountState, status: WithdrawalStatus): AccountWithdrawal[] =>
  Object.values(state.withdrawals).filter((withdrawal) => withdrawal.status === status);

/** Fees charged and neither settled nor reversed. */
export const outstandingFees = (state: AccountState): AccountFee[] => Object.values(state.fees).filter((fee) => !fee.settled && !fee.reversed);

/** What the account's money amounts to, for the balance route and the withdrawal rule. */
export interface AccountFigures {
  readonly depositsHeldFen: number;
  readonly reservedFen: number;
  readonly inTransitFen: number;
  readonly outstandingFen: number;
  readonly availableFen: number;
}

export function figuresOf(state: AccountState): AccountFigures {
  const reservedFen = sum(withdrawalsIn(state, 'requested').map((withdrawal) => withdrawal.amountFen));
  const inTransitFen = sum(withdrawalsIn(state, 'approved').map((withdrawal) => withdrawal.amountFen));
  const outstandingFen = sum(outstandingFees(state).map((fee) => fee.amountFen));
  // Fees owed come before a withdrawal: a party cannot take out money it owes the warehouse.
  const availableFen = Math.max(0, state.depositsHeldFen - reservedFen - outstandingFen);
  return { depositsHeldFen: state.depositsHeldFen, reservedFen, inTransitFen, outstandingFen, availableFen };
}
