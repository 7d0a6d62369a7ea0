import type { Projection } from '@dw/projections';
import type { StatementBookEvent } from '../domain/statement-book.events';

/**
 * The parties with billing facts (the period-end run issues their statements) and the latest
 * version of every statement, for lists and the PDF; a statement's lines are kept as issued.
 */
export const statementsProjection: Projection<'statement_parties' | 'statements', StatementBookEvent> = {
  name: 'statements',
  tables: {
    statement_parties: (t) => `CREATE TABLE ${t} (party_id text PRIMARY KEY)`,
    statements: (t) => `CREATE TABLE ${t} (
      statement_id text PRIMARY KEY,
      party_id text NOT NULL,
      period text NOT NULL,
      version integer NOT NULL,
      status text NOT NULL,
      trigger text NOT NULL,
      opening_balance_fen bigint NOT NULL,
      charges_fen bigint NOT NULL,
      reversals_fen bigint NOT NULL,
      payments_fen bigint NOT NULL,
      withdrawals_fen bigint NOT NULL,
      closing_balance_fen bigint NOT NULL,
      lines jsonb NOT NULL,
      issued_at timestamptz NOT NULL,
      objection text,
      resolution text,
      UNIQUE (party_id, period)
    )`,
  },
  eventTypes: [
    'FeeChargeRecorded',
    'FeeReversalRecorded',
    'PaymentRecorded',
    'WithdrawalPaidOutRecorded',
    'StatementIssued',
    'StatementAccepted',
    'StatementObjected',
    'StatementObjectionResolved',
  ],
  async apply(tx, events, tables) {
    for (const event of events) {
      switch (event.type) {
        case 'FeeChargeRecorded':
        case 'FeeReversalRecorded':
        case 'PaymentRecorded':
        case 'WithdrawalPaidOutRecorded':
          await tx.query(`INSERT INTO ${tables.statement_parties} (party_id) VALUES ($1) ON CONFLICT DO NOTHING`, [event.data.partyId]);
          break;
        case 'StatementIssued': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.statements} (statement_id, party_id, period, version, status, trigger, opening_balance_fen, charges_fen, reversals_fen,
                payments_fen, withdrawals_fen, closing_balance_fen, lines, issued_at)
             VALUES ($1, $2, $3, $4, 'issued', $5, $6, $7, $8, $9, $10, $11, $12, $13)
             ON CONFLICT (statement_id) DO UPDATE SET version = EXCLUDED.version, status = 'issued', trigger = EXCLUDED.trigger,
               opening_balance_fen = EXCLUDED.opening_balance_fen, charges_fen = EXCLUDED.charges_fen, reversals_fen = EXCLUDED.reversals_fen,
               payments_fen = EXCLUDED.payments_fen, withdrawals_fen = EXCLUDED.withdrawals_fen, closing_balance_fen = EXCLUDED.closing_balance_fen,
               lines = EXCLUDED.lines, issued_at = EXCLUDED.issued_at, objection = NULL, resolution = NULL`,
            [
              d.statementId,
              d.partyId,
              d.period,
              d.version,
              d.trigger,
              d.openingBalanceFen,
              d.chargesFen,
              d.reversalsFen,
              d.paymentsFen,
              d.withdrawalsFen,
              d.closingBalanceFen,
              JSON.stringify(d.lines),
              d.issuedAt,
            ],
          );
          break;
        }
        case 'StatementAccepted':
          await tx.query(`UPDATE ${tables.statements} SET status = 'accepted' WHERE statement_id = $1`, [event.data.statementId]);
          break;
        case 'StatementObjected':
          await tx.query(`UPDATE ${tables.statements} SET status = 'objected', objection = $2 WHERE statement_id = $1`, [
            event.data.statementId,
            event.data.reason,
          ]);
          break;
        case 'StatementObjectionResolved':
          // A reissue follows in the same append and resets the row; without one the statement stays resolved.
          await tx.query(`UPDATE ${tables.statements} SET status = 'resolved', resolution = $2 WHERE statement_id = $1`, [
            event.data.statementId,
            event.data.note,
          ]);
          break;
        default:
          break;
      }
    }
  },
};
