import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsString, Matches } from 'class-validator';
import { Nested } from '@dw/platform';

/** One movement on the bank’s statement, signed from the warehouse’s side. */
export class StatementLineDto {
  @ApiProperty({ type: String, example: 'ICBC20261207000123', description: 'the bank’s id of the transaction, as it notified it' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'bankTransactionId must be 1-64 letters, digits, ".", "_" or "-"' })
  bankTransactionId!: string;

  @ApiProperty({ type: 'integer', example: 123456, description: 'fen, positive for money in (credit), negative for money out (debit); never 0' })
  @IsInt()
  amountFen!: number;
}

/** The bank’s statement of the warehouse’s account for one day. */
export class SubmitBankStatementRequestDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the statement day, Asia/Shanghai YYYY-MM-DD (value dates)' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'statementDate must be a date YYYY-MM-DD' })
  statementDate!: string;

  @ApiProperty({
    maxItems: 100_000,
    type: () => StatementLineDto,
    isArray: true,
    description: 'every movement of the day, one line per bank transaction (may be empty)',
  })
  @IsArray()
  @ArrayMaxSize(100_000)
  @Nested(() => StatementLineDto, { each: true })
  lines!: StatementLineDto[];
}
