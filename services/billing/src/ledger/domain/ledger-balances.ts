import type { JournalEntry } from '../../common/domain/journal';

/** Debits less credits per ledger account, after the entries given (the account_balances read model, as a pure fold). */
export function balancesAfter(entries: readonly JournalEntry[], from: ReadonlyMap<string, number> = new Map()): Map<string, number> {
  const balances = new Map(from);
  for (const entry of entries) {
    for (const line of entry.lines) balances.set(line.account, (balances.get(line.account) ?? 0) + line.debitFen - line.creditFen);
  }
  return balances;
}

/** Every account's debits less credits added up: zero while every entry is balanced. */
export const trialBalanceOf = (balances: ReadonlyMap<string, number>): number => [...balances.values()].reduce((total, balance) => total + balance, 0);

/** An entry is balanced when its debits equal its credits and no line is negative or both. */
export function isBalanced(entry: JournalEntry): boolean {
  const debits = entry.lines.reduce((total, line) => total + line.debitFen, 0);
  const credits = entry.lines.reduce((total, line) => total + line.creditFen, 0);
  const wellFormed = entry.lines.every((line) => line.debitFen >= 0 && line.creditFen >= 0 && (line.debitFen === 0) !== (line.creditFen === 0));
  return wellFormed && debits === credits && debits > 0;
}
