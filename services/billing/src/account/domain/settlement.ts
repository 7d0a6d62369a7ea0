import type { LocalDate } from '@dw/kernel';
import type { FeeSettlement } from './account.events';
import { type AccountFee, type AccountState, outstandingFees, withdrawalsIn } from './account.state';

/** Oldest first: the day charged, then the day owed for, then the fee id (a total order, so replays agree). */
export function oldestFirst(a: AccountFee, b: AccountFee): number {
  return a.chargedOn.localeCompare(b.chargedOn) || a.serviceDate.localeCompare(b.serviceDate) || a.feeId.localeCompare(b.feeId);
}

/**
 * The fees the money held now settles: outstanding fees oldest first, each in full, stopping at
 * the first one the money left does not cover (a younger, smaller fee never jumps the queue).
 * Money reserved by a withdrawal request is not used. A fee is never settled in part: what is
 * not enough for the oldest fee stays in deposits held until more money comes.
 */
export function settlementsOf(state: AccountState): FeeSettlement[] {
  // rule BILL-SETTLE-OLDEST-FIRST
  const reserved = withdrawalsIn(state, 'requested').reduce((total, withdrawal) => total + withdrawal.amountFen, 0);
  let free = state.depositsHeldFen - reserved;
  const settlements: FeeSettlement[] = [];
  for (const fee of outstandingFees(state).sort(oldestFirst)) {
    if (fee.amountFen > free) break;
    free -= fee.amountFen;
    settlements.push({ feeId: fee.feeId, item: fee.item, amountFen: fee.amountFen });
  }
  return settlements;
}

/**
 * Per receipt, the last day d such that every storage fee of the party for that receipt owed
 * for a day up to d is settled; a receipt with no settled storage yet has none. Reversed fees
 * are not owed, so they neither count nor block.
 */
export function paidThroughByReceipt(state: AccountState): Map<string, LocalDate> {
  // rule BILL-PAID-THROUGH
  const byReceipt = new Map<string, AccountFee[]>();
  for (const fee of Object.values(state.fees)) {
    if (fee.item !== 'storage' || fee.reversed || fee.receiptNumber === '') continue;
    byReceipt.set(fee.receiptNumber, [...(byReceipt.get(fee.receiptNumber) ?? []), fee]);
  }
  const paidThrough = new Map<string, LocalDate>();
  for (const [receiptNumber, fees] of byReceipt) {
    let through: LocalDate | undefined;
    for (const fee of fees.sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.feeId.localeCompare(b.feeId))) {
      if (!fee.settled) break;
      through = fee.serviceDate;
    }
    if (through !== undefined) paidThrough.set(receiptNumber, through);
  }
  return paidThrough;
}
