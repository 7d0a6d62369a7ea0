import type { Projection } from '@dw/projections';
import type { BankPaymentHeldUnmatched, BankPaymentMatched } from '../domain/bank-transaction.decider';

/**
 * Every incoming bank transaction, matched or held unmatched: the unmatched list for managers and
 * the money in of our cash at each bank by value date, which a bank's statement is reconciled with.
 */
export const bankPaymentsProjection: Projection<'bank_payments', BankPaymentMatched | BankPaymentHeldUnmatched> = {
  name: 'bank_payments',
  tables: {
    bank_payments: (t) => `CREATE TABLE ${t} (
      payment_id text PRIMARY KEY,
      bank_id text NOT NULL,
      bank_transaction_id text NOT NULL,
      kind text NOT NULL,
      virtual_account text NOT NULL,
      amount_fen bigint NOT NULL,
      value_date date NOT NULL,
      payer_name text NOT NULL,
      status text NOT NULL,
      party_id text,
      unmatched_reason text,
      received_at timestamptz NOT NULL,
      UNIQUE (bank_id, bank_transaction_id)
    )`,
  },
  eventTypes: ['BankPaymentMatched', 'BankPaymentHeldUnmatched'],
  async apply(tx, events, tables) {
    for (const event of events) {
      const data = event.data;
      const matched = event.type === 'BankPaymentMatched';
      await tx.query(
        `INSERT INTO ${tables.bank_payments}
           (payment_id, bank_id, bank_transaction_id, kind, virtual_account, amount_fen, value_date, payer_name, status, party_id, unmatched_reason, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (payment_id) DO UPDATE SET status = EXCLUDED.status, party_id = EXCLUDED.party_id`,
        [
          data.paymentId,
          data.bankId,
          data.bankTransactionId,
          data.kind,
          data.virtualAccount,
          data.amountFen,
          data.valueDate,
          data.payerName,
          matched ? 'matched' : 'unmatched',
          matched ? event.data.partyId : null,
          matched ? null : event.data.reason,
          data.receivedAt,
        ],
      );
    }
  },
};
