import type { LocalDate } from '@dw/kernel';
import type { StatementLine, StatementLineKind, StatementTotals } from './statement-book.events';

/** A fact not yet on a statement: a statement line before it is numbered. */
export type PendingLine = Omit<StatementLine, 'lineNo'>;

const KIND_ORDER: Readonly<Record<StatementLineKind, number>> = { charge: 0, reversal: 1, payment: 2, withdrawal: 3 };

/** By date, then charges before reversals before payments before withdrawals, then by receipt, lot, item and reference. */
function compareLines(a: PendingLine, b: PendingLine): number {
  return (
    a.date.localeCompare(b.date) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.receiptNumber ?? '').localeCompare(b.receiptNumber ?? '') ||
    (a.lotId ?? '').localeCompare(b.lotId ?? '') ||
    (a.item ?? '').localeCompare(b.item ?? '') ||
    a.reference.localeCompare(b.reference)
  );
}

/**
 * A statement's lines in order and its figures: what the party owed at the start (the previous
 * statement's closing balance), the charges, reversals, payments and withdrawals paid out in
 * the period, and what it owes at the end. Every figure is a sum of whole-fen lines, so
 * closing = opening + charges − reversals − payments + withdrawals exactly.
 */
export function composeStatement(openingBalanceFen: number, pending: readonly PendingLine[]): { lines: StatementLine[]; totals: StatementTotals } {
  // rule BILL-STATEMENT-BALANCE
  const lines = [...pending].sort(compareLines).map((line, index) => ({ ...line, lineNo: index + 1 }));
  const sumOf = (kind: StatementLineKind) => lines.filter((line) => line.kind === kind).reduce((sum, line) => sum + Math.abs(line.amountFen), 0);
  // Charges are signed: a short at load-out credited to the party is a negative charge, netted here so the totals still add up.
  const chargesFen = lines.filter((line) => line.kind === 'charge').reduce((sum, line) => sum + line.amountFen, 0);
  const reversalsFen = sumOf('reversal');
  const paymentsFen = sumOf('payment');
  const withdrawalsFen = sumOf('withdrawal');
  const closingBalanceFen = openingBalanceFen + lines.reduce((sum, line) => sum + line.amountFen, 0);
  return { lines, totals: { openingBalanceFen, chargesFen, reversalsFen, paymentsFen, withdrawalsFen, closingBalanceFen } };
}

/** Lines that carry no rate: a reversal, a payment or a withdrawal. */
export function plainLine(kind: Exclude<StatementLineKind, 'charge'>, reference: string, date: LocalDate, amountFen: number): PendingLine {
  return {
    kind,
    reference,
    date,
    item: null,
    receiptNumber: null,
    lotId: null,
    serviceDate: null,
    weightKg: null,
    rateFen: null,
    rateSource: null,
    rateVersion: null,
    amountFen,
  };
}
