import type { LocalDate } from '@dw/kernel';

/** One line of a journal entry: a debit or a credit (the other is 0) on one ledger account. */
export interface JournalLine {
  readonly account: string;
  readonly debitFen: number;
  readonly creditFen: number;
  /** On the bank-cash lines only: the bank's transaction, which its daily statement lists. */
  readonly bankId: string | null;
  readonly bankTransactionId: string | null;
}

/** One event's balanced entry; `causeType` is the event's type, so each ledger narrows it to its own union. */
export interface JournalEntry<TCause extends string = string> {
  readonly postedOn: LocalDate;
  readonly causeType: TCause;
  readonly causeId: string;
  readonly lines: readonly JournalLine[];
}

/** The bank transaction a cash line moves, as the bank's statement names it. */
export interface BankReference {
  readonly bankId: string;
  readonly bankTransactionId: string;
}

export const debitLine = (account: string, fen: number, bank?: BankReference): JournalLine => ({
  account,
  debitFen: fen,
  creditFen: 0,
  bankId: bank?.bankId ?? null,
  bankTransactionId: bank?.bankTransactionId ?? null,
});

export const creditLine = (account: string, fen: number, bank?: BankReference): JournalLine => ({
  ...debitLine(account, 0, bank),
  creditFen: fen,
});
