import type { Projection } from '@dw/projections';
import type { TradingAccountEvent } from '../domain/trading-account.events';
import { tradingJournalEntryOf } from '../domain/trading-journal';
import { partyOfTradingAccountStream } from '../trading-streams';

/** The trading account events that move money. */
const MONEY_EVENTS: readonly TradingAccountEvent['type'][] = [
  'TradingDepositBooked',
  'TakePaymentDebited',
  'TakeProceedsCredited',
  'InvoiceDepositReleased',
  'TradingWithdrawalApproved',
  'TradingWithdrawalPaid',
  'TradingWithdrawalReturned',
  'SettlementReportIssued',
];

/**
 * The trading platform's double-entry ledger, in the same shape as the warehouse ledger's
 * `journal_lines` / `account_balances` (the ledger's `JournalLine`): one row per line of each
 * event's balanced entry, and debits and credits per ledger account. An entry's id is its event's
 * place in its stream, so a rebuild writes the same ids.
 */
export const tradingJournalProjection: Projection<'trading_journal_lines' | 'trading_ledger_balances', TradingAccountEvent> = {
  name: 'trading_journal',
  tables: {
    trading_journal_lines: (t) => `CREATE TABLE ${t} (
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
    trading_ledger_balances: (t) => `CREATE TABLE ${t} (
      account text PRIMARY KEY,
      debit_fen bigint NOT NULL,
      credit_fen bigint NOT NULL
    )`,
  },
  eventTypes: MONEY_EVENTS,
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const partyId = partyOfTradingAccountStream(recorded.streamId);
      if (partyId === null) continue;
      const entry = tradingJournalEntryOf(partyId, recorded);
      if (!entry) continue;
      const entryId = `${recorded.streamId}:${recorded.streamPosition}`;
      for (const [index, line] of entry.lines.entries()) {
        await tx.query(
          `INSERT INTO ${tables.trading_journal_lines}
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
          `INSERT INTO ${tables.trading_ledger_balances} (account, debit_fen, credit_fen) VALUES ($1, $2, $3)
           ON CONFLICT (account) DO UPDATE SET debit_fen = ${tables.trading_ledger_balances}.debit_fen + EXCLUDED.debit_fen,
                                               credit_fen = ${tables.trading_ledger_balances}.credit_fen + EXCLUDED.credit_fen`,
          [line.account, line.debitFen, line.creditFen],
        );
      }
    }
  },
};
