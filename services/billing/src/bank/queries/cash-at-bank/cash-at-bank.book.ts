import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@dw/event-store';
import type { CashMovement } from '../../domain/reconciliation';

/**
 * Our book of cash at one bank on one value date, as a statement is reconciled with it: the
 * ledger's `cash-at-bank:<bankId>` lines posted that day (debit in, credit out: payments booked to
 * a party's account, withdrawals the bank paid), and the incoming payments this part holds
 * unmatched (at the bank, but in no party's account until a manager assigns them; each is an
 * alarm of its own already, not a break).
 */
@Injectable()
export class CashAtBankBook {
  constructor(@Inject(Database) private readonly db: Database) {}

  async movementsOn(bankId: string, valueDate: string): Promise<CashMovement[]> {
    const { rows } = await this.db.query<{ bank_transaction_id: string; amount_fen: string }>(
      `SELECT bank_transaction_id, debit_fen - credit_fen AS amount_fen
         FROM journal_lines WHERE account = $1 AND posted_on = $2 AND bank_transaction_id IS NOT NULL
       UNION ALL
       SELECT bank_transaction_id, amount_fen
         FROM bank_payments WHERE bank_id = $3 AND value_date = $2 AND status = 'unmatched'`,
      [`cash-at-bank:${bankId}`, valueDate, bankId],
    );
    return rows.map((row) => ({ bankTransactionId: row.bank_transaction_id, amountFen: Number(row.amount_fen) }));
  }
}
