import type { Projection } from '@dw/projections';
import type { AccountEvent } from '../../account/domain/account.events';
import { journalEntryOf } from '../domain/journal';

const ACCOUNT_STREAM = 'account-';

/** The events that move money, so the runner skips the others without a call. */
const MONEY_EVENTS: readonly AccountEvent['type'][] = [
  'FeeCharged',
  'FeeChargeReversed',
  'PaymentBooked',
  'FeesSettled',
  'WithdrawalApproved',
  'WithdrawalCompleted',
  'WithdrawalReturned',
];

/**
 * The double-entry ledger as read models: `journal_lines`, one row per line of each event's
 * balanced entry (the schema billing's contract gives the bank reconciliation), and
 * `account_balances`, debits and credits per ledger account. An entry's id is its event's place in
 * its stream, so a rebuild writes the same ids.
 */
export const journalProjection: Projection<'journal_lines' | 'account_balances', AccountEvent> = {
  name: 'journal',
  tables: {
    journal_lines: (t) => `CREATE TABLE ${t} (
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
    account_balances: (t) => `CREATE TABLE ${t} (
      account text PRIMARY KEY,
      debit_fen bigint NOT NULL,
      credit_fen bigint NOT NULL
    )`,
  },
  eventTypes: MONEY_EVENTS,
  async apply(tx, events, tables) {
    for (const recorded of events) {
      if (!recorded.streamId.startsWith(ACCOUNT_STREAM)) continue;
      const partyId = recorded.streamId.slice(ACCOUNT_STREAM.length);
      const entry = journalEntryOf(partyId, recorded);
      if (!entry) continue;
      const entryId = `${recorded.streamId}:${recorded.streamPosition}`;
      for (const [index, line] of entry.lines.entries()) {
        await tx.query(
          `INSERT INTO ${tables.journal_lines}
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
          `INSERT INTO ${tables.account_balances} (account, debit_fen, credit_fen) VALUES ($1, $2, $3)
           ON CONFLICT (account) DO UPDATE SET debit_fen = ${tables.account_balances}.debit_fen + EXCLUDED.debit_fen,
                                               credit_fen = ${tables.account_balances}.credit_fen + EXCLUDED.credit_fen`,
          [line.account, line.debitFen, line.creditFen],
        );
      }
    }
  },
};
