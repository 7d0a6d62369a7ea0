import type { DomainEvent } from '@dw/kernel';
import type { Projection, RecordedOf } from '@dw/projections';
import type { JournalEntry } from '../domain/journal';

/** Where one recorded event posts: the party its lines belong to and its entry; null when it posts nothing. */
export interface JournalPosting {
  readonly partyId: string;
  readonly entry: JournalEntry;
}

/**
 * A double-entry ledger as two read models: a lines table (one row per line of each event's
 * balanced entry, the schema billing's contract gives the bank reconciliation) and a balances
 * table (debits and credits per ledger account). Billing keeps two such ledgers, the warehouse's
 * and the trading platform's; they differ only in their tables, their events and how an event
 * posts, so both are built here. An entry's id is its event's place in its stream, so a rebuild
 * writes the same ids.
 */
export function journalProjection<TLines extends string, TBalances extends string, TEvent extends DomainEvent>(spec: {
  readonly name: string;
  readonly linesTable: TLines;
  readonly balancesTable: TBalances;
  /** The events that move money, so the runner skips the others without a call. */
  readonly eventTypes: readonly TEvent['type'][];
  readonly postingOf: (recorded: RecordedOf<TEvent>) => JournalPosting | null;
}): Projection<TLines | TBalances, TEvent> {
  const { linesTable, balancesTable } = spec;
  return {
    name: spec.name,
    tables: {
      [linesTable]: (t: string) => `CREATE TABLE ${t} (
      entry_id text NOT NULL,
      line_no integer NOT NULL,
      account text NOT NULL,
      debit_fen bigint NOT NULL,
      credit_fen bigint NOT NULL,
      posted_on date NOT NULL,
      cause_type text NOT NULL,
      cause_id text NOT NULL,
      bank_id text,
      bank_transaction_id text,
      party_id text NOT NULL,
      global_position bigint NOT NULL,
      PRIMARY KEY (entry_id, line_no)
    )`,
      [balancesTable]: (t: string) => `CREATE TABLE ${t} (
      account text PRIMARY KEY,
      debit_fen bigint NOT NULL,
      credit_fen bigint NOT NULL
    )`,
    } as Record<TLines | TBalances, (tableName: string) => string>,
    eventTypes: spec.eventTypes,
    async apply(tx, events, tables) {
      const lines = tables[linesTable];
      const balances = tables[balancesTable];
      for (const recorded of events) {
        const posting = spec.postingOf(recorded);
        if (!posting) continue;
        const { partyId, entry } = posting;
        const entryId = `${recorded.streamId}:${recorded.streamPosition}`;
        for (const [index, line] of entry.lines.entries()) {
          await tx.query(
            `INSERT INTO ${lines}
               (entry_id, line_no, account, debit_fen, credit_fen, posted_on, cause_type, cause_id, bank_id, bank_transaction_id, party_id, global_position)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            [
              entryId,
              index + 1,
              line.account,
              line.debitFen,
              line.creditFen,
              entry.postedOn,
              entry.causeType,
              entry.causeId,
              line.bankId,
              line.bankTransactionId,
              partyId,
              recorded.globalPosition,
            ],
          );
          await tx.query(
            `INSERT INTO ${balances} (account, debit_fen, credit_fen) VALUES ($1, $2, $3)
             ON CONFLICT (account) DO UPDATE SET debit_fen = ${balances}.debit_fen + EXCLUDED.debit_fen,
                                                 credit_fen = ${balances}.credit_fen + EXCLUDED.credit_fen`,
            [line.account, line.debitFen, line.creditFen],
          );
        }
      }
    },
  };
}
