import type { Projection } from '@dw/projections';
import type { ReconciliationBreakRaised, ReconciliationBreakResolved } from '../domain/bank-statement.decider';

/** Every reconciliation break, open until a manager resolves it. */
export const reconciliationBreaksProjection: Projection<'reconciliation_breaks', ReconciliationBreakRaised | ReconciliationBreakResolved> = {
  name: 'reconciliation_breaks',
  tables: {
    reconciliation_breaks: (t) => `CREATE TABLE ${t} (
      break_id text PRIMARY KEY,
      bank_id text NOT NULL,
      statement_date date NOT NULL,
      kind text NOT NULL,
      bank_transaction_id text NOT NULL,
      statement_amount_fen bigint,
      book_amount_fen bigint,
      raised_at timestamptz NOT NULL,
      status text NOT NULL,
      resolution text,
      resolved_by text,
      resolved_at timestamptz
    )`,
  },
  eventTypes: ['ReconciliationBreakRaised', 'ReconciliationBreakResolved'],
  async apply(tx, events, tables) {
    for (const event of events) {
      if (event.type === 'ReconciliationBreakRaised') {
        const data = event.data;
        await tx.query(
          `INSERT INTO ${tables.reconciliation_breaks}
             (break_id, bank_id, statement_date, kind, bank_transaction_id, statement_amount_fen, book_amount_fen, raised_at, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open')`,
          [data.breakId, data.bankId, data.statementDate, data.kind, data.bankTransactionId, data.statementAmountFen, data.bookAmountFen, data.at],
        );
      } else {
        const data = event.data;
        await tx.query(
          `UPDATE ${tables.reconciliation_breaks} SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = $4 WHERE break_id = $1`,
          [data.breakId, data.resolution, data.actor.subject, data.at],
        );
      }
    }
  },
};
