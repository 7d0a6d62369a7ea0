import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { Roles } from '@dw/platform';
import { TrialBalanceResponseDto } from './trial-balance.response.dto';

/** The trial balance of the whole ledger, for the warehouse's managers. */
@Controller()
export class TrialBalanceHttpController {
  constructor(@Inject(Database) private readonly db: Database) {}

  @Get('ledger/trial-balance')
  @Roles('manager')
  @ApiOkResponse({ type: TrialBalanceResponseDto, description: 'every ledger account’s debits, credits and balance, and the totals (equal)' })
  async trialBalance(): Promise<TrialBalanceResponseDto> {
    const { rows } = await this.db.query<{ account: string; debit_fen: string; credit_fen: string }>(
      `SELECT account, debit_fen, credit_fen FROM account_balances ORDER BY account`,
    );
    const accounts = rows.map((row) => {
      const debitFen = Number(row.debit_fen);
      const creditFen = Number(row.credit_fen);
      return { account: row.account, debitFen, creditFen, balanceFen: debitFen - creditFen };
    });
    return {
      accounts,
      totalDebitFen: accounts.reduce((total, account) => total + account.debitFen, 0),
      totalCreditFen: accounts.reduce((total, account) => total + account.creditFen, 0),
    };
  }
}
