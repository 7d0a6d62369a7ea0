import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** The bank paid the withdrawal out. */
export class ConfirmWithdrawalRequestDto {
  @ApiProperty({ type: String, example: 'ICBC20261207009001', description: 'the bank’s id of the payment out (on its statement)' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'bankTransactionId must be 1-64 letters, digits, ".", "_" or "-"' })
  bankTransactionId!: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the value date, Asia/Shanghai YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'valueDate must be a date YYYY-MM-DD' })
  valueDate!: string;
}

/** The bank refused the withdrawal: nothing left the account. */
export class RefuseWithdrawalRequestDto {
  @ApiProperty({ type: String, maxLength: 500, example: 'payee account closed', description: 'why the bank refused it' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
