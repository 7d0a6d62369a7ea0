import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** The depository bank paid a trading withdrawal out to the trader's bank settlement account. */
export class ConfirmTradingWithdrawalRequestDto {
  @ApiProperty({ type: String, maxLength: 64, example: 'SC-0001', description: 'the trading account number the withdrawal was listed under' })
  @IsString()
  @MaxLength(64)
  accountNumber!: string;

  @ApiProperty({ type: String, example: 'ICBC20261207009001', description: 'the bank’s id of the payment out' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'bankTransactionId must be 1-64 letters, digits, ".", "_" or "-"' })
  bankTransactionId!: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the value date, Asia/Shanghai YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'valueDate must be a date YYYY-MM-DD' })
  valueDate!: string;
}

/** The depository bank could not pay it: the amount goes back to the balance. */
export class RefuseTradingWithdrawalRequestDto {
  @ApiProperty({ type: String, maxLength: 64, example: 'SC-0001', description: 'the trading account number the withdrawal was listed under' })
  @IsString()
  @MaxLength(64)
  accountNumber!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 500, example: 'payee account closed', description: 'why the bank refused it' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
