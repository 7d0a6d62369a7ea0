import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/**
 * A bank confirms it paid money out (a withdrawal from a warehouse account or from a trading
 * account): its transaction id, as its statement lists it, and the value date. One shape, so both
 * ledgers reconcile against the bank's statement the same way.
 */
export class BankPaidOutRequestDto {
  @ApiProperty({ type: String, example: 'ICBC20261207009001', description: 'the bank’s id of the payment out (on its statement)' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'bankTransactionId must be 1-64 letters, digits, ".", "_" or "-"' })
  bankTransactionId!: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the value date, Asia/Shanghai YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'valueDate must be a date YYYY-MM-DD' })
  valueDate!: string;
}
