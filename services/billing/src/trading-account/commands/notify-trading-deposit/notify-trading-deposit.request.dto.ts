import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** A depository bank's notice of money from a trader's bank settlement account into the exchange's trading settlement account. */
export class NotifyTradingDepositRequestDto {
  @ApiProperty({ type: String, example: 'ICBC20261207000456', description: 'the bank’s own id of the transaction: the deposit is booked once by it' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'bankTransactionId must be 1-64 letters, digits, ".", "_" or "-"' })
  bankTransactionId!: string;

  @ApiProperty({ type: String, maxLength: 64, example: 'SC-0001', description: 'the trader’s trading account number (its storage card number)' })
  @IsString()
  @MaxLength(64)
  accountNumber!: string;

  @ApiProperty({
    type: String,
    maxLength: 64,
    example: '6222020000001234',
    description: 'the account the money came from: it must be the trader’s bank settlement account on record',
  })
  @IsString()
  @MaxLength(64)
  payerAccountNumber!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 9007199254740991, example: 10000000, description: 'fen received, a whole number above 0' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the value date, Asia/Shanghai YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'valueDate must be a date YYYY-MM-DD' })
  valueDate!: string;
}
