/**
 * Line-by-line reconciliation of a bank's daily statement with our book of the same account
 * and day. Amounts are signed fen from the warehouse's side: positive money in (a payment, a
 * top-up), negative money out (a withdrawal paid). Both sides are keyed by the bank's own
 * transaction id, which every line of cash at bank carries.
 */
export interface CashMovement {
  readonly bankTransactionId: string;
  readonly amountFen: number;
}

export const BREAK_KINDS = ['line_without_entry', 'entry_without_line', 'amount_differs'] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

export interface ReconciliationBreak {
  readonly kind: BreakKind;
  readonly bankTransactionId: string;
  /** The statement's amount; null when the statement has no such line. */
  readonly statementAmountFen: number | null;
  /** Our book's amount; null when we booked no such transaction. */
  readonly bookAmountFen: number | null;
}

/**
 * Every break between a statement and the book, in bank transaction id order: a line with no
 * entry, an entry with no line, and the same transaction at a different amount. Several book
 * entries of one transaction add up (our book may split one bank movement across lines).
 */
export function reconcile(statement: readonly CashMovement[], book: readonly CashMovement[]): ReconciliationBreak[] {
  // rule BILL-BANK-RECONCILIATION-BREAKS
  const stated = totalsById(statement);
  const booked = totalsById(book);
  const ids = [...new Set([...stated.keys(), ...booked.keys()])].sort();
  return ids.flatMap((bankTransactionId): ReconciliationBreak[] => {
    const statementAmountFen = stated.get(bankTransactionId) ?? null;
    const bookAmountFen = booked.get(bankTransactionId) ?? null;
    if (bookAmountFen === null) return [{ kind: 'line_without_entry', bankTransactionId, statementAmountFen, bookAmountFen }];
    if (statementAmountFen === null) return [{ kind: 'entry_without_line', bankTransactionId, statementAmountFen, bookAmountFen }];
    if (statementAmountFen !== bookAmountFen) return [{ kind: 'amount_differs', bankTransactionId, statementAmountFen, bookAmountFen }];
    return [];
  });
}

function totalsById(movements: readonly CashMovement[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { bankTransactionId, amountFen } of movements) totals.set(bankTransactionId, (totals.get(bankTransactionId) ?? 0) + amountFen);
  return totals;
}
