import { ApiProperty } from '@nestjs/swagger';

export class LedgerAccountBalanceResponseDto {
  @ApiProperty({ type: String, example: 'cash-at-bank:bank-icbc', description: 'the ledger account' })
  account!: string;

  @ApiProperty({ type: 'integer', description: 'whole fen debited, all time' })
  debitFen!: number;

  @ApiProperty({ type: 'integer', description: 'whole fen credited, all time' })
  creditFen!: number;

  @ApiProperty({
    type: 'integer',
    description: 'debits less credits: positive for assets (cash, receivables), negative for what the warehouse owes and its income',
  })
  balanceFen!: number;
}

/** Every ledger account's balance; debits and credits add up to the same total (rule BILL-LEDGER-BALANCED). */
export class TrialBalanceResponseDto {
  @ApiProperty({ type: () => LedgerAccountBalanceResponseDto, isArray: true, description: 'by account name' })
  accounts!: LedgerAccountBalanceResponseDto[];

  @ApiProperty({ type: 'integer', description: 'every debit of the ledger, whole fen' })
  totalDebitFen!: number;

  @ApiProperty({ type: 'integer', description: 'every credit of the ledger, whole fen: equal to the debits' })
  totalCreditFen!: number;
}
