import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@dw/event-store';
import type { CashMovement } from '../../domain/reconciliation';

/**
 * Our book of cash at one bank on one value date, as a statement is reconciled with it: every
 * incoming transaction the bank notified (matched to a party or held unmatched: the money is at
 * the bank either way), in positive fen.
 */
@Injectable()
export class CashAtBankBook {
  constructor(@Inject(Database) private readonly db: Database) {}

  async movementsOn(bankId: string, valueDate: string): Promise<CashMovement[]> {
    const { rows } = await this.db.query<{ bank_transaction_id: string; amount_fen: string }>(
      `SELECT bank_transaction_id, amount_fen FROM bank_payments WHERE bank_id = $1 AND value_date = $2`,
      [bankId, valueDate],
    );
    return rows.map((row) => ({ bankTransactionId: row.bank_transaction_id, amountFen: Number(row.amount_fen) }));
  }
}
