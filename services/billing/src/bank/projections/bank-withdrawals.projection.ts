import type { Projection } from '@dw/projections';
import type { BankWithdrawalEvent } from '../domain/bank-withdrawal.decider';

/**
 * Withdrawals on their way to the bank: the sender's queue (status `to_send`, due at
 * `next_attempt_at`) and, once the bank paid one, its money out of our cash at that bank.
 */
export const bankWithdrawalsProjection: Projection<'bank_withdrawals', BankWithdrawalEvent> = {
  name: 'bank_withdrawals',
  tables: {
    bank_withdrawals: (t) => `CREATE TABLE ${t} (
      withdrawal_id text PRIMARY KEY,
      party_id text NOT NULL,
      bank_id text NOT NULL,
      amount_fen bigint NOT NULL,
      status text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      bank_transaction_id text,
      value_date date,
      refusal_reason text
    )`,
  },
  eventTypes: ['WithdrawalQueuedForBank', 'WithdrawalSendFailed', 'WithdrawalSentToBank', 'WithdrawalConfirmedByBank', 'WithdrawalRefusedByBank'],
  async apply(tx, events, tables) {
    const t = tables.bank_withdrawals;
    for (const event of events) {
      switch (event.type) {
        case 'WithdrawalQueuedForBank': {
          const d = event.data;
          await tx.query(`INSERT INTO ${t} (withdrawal_id, party_id, bank_id, amount_fen, status, next_attempt_at) VALUES ($1, $2, $3, $4, 'to_send', $5)`, [
            d.withdrawalId,
            d.partyId,
            d.bankId,
            d.amountFen,
            d.nextAttemptAt,
          ]);
          break;
        }
        case 'WithdrawalSendFailed':
          await tx.query(`UPDATE ${t} SET attempts = $2, next_attempt_at = $3 WHERE withdrawal_id = $1`, [
            event.data.withdrawalId,
            event.data.attempt,
            event.data.nextAttemptAt,
          ]);
          break;
        case 'WithdrawalSentToBank':
          await tx.query(
            `UPDATE ${t} SET attempts = $2, next_attempt_at = NULL, status = CASE WHEN status = 'to_send' THEN 'sent' ELSE status END WHERE withdrawal_id = $1`,
            [event.data.withdrawalId, event.data.attempt],
          );
          break;
        case 'WithdrawalConfirmedByBank':
          await tx.query(`UPDATE ${t} SET status = 'confirmed', next_attempt_at = NULL, bank_transaction_id = $2, value_date = $3 WHERE withdrawal_id = $1`, [
            event.data.withdrawalId,
            event.data.bankTransactionId,
            event.data.valueDate,
          ]);
          break;
        case 'WithdrawalRefusedByBank':
          await tx.query(`UPDATE ${t} SET status = 'refused', next_attempt_at = NULL, refusal_reason = $2 WHERE withdrawal_id = $1`, [
            event.data.withdrawalId,
            event.data.reason,
          ]);
          break;
      }
    }
  },
};
