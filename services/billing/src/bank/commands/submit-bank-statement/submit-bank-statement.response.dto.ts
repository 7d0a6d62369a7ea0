import { ApiProperty } from '@nestjs/swagger';

/** One break of a statement’s reconciliation and whether it is still open. */
export class StatementBreakResponseDto {
  @ApiProperty({ type: String, description: '<bankId>:<statementDate>:<bankTransactionId>' })
  breakId!: string;

  @ApiProperty({ type: Boolean, description: 'true until a manager resolves it' })
  open!: boolean;
}

/** A statement as received and reconciled. */
export class BankStatementResponseDto {
  @ApiProperty({ type: String, description: 'the bank (its integration client id)' })
  bankId!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the statement day' })
  statementDate!: string;

  @ApiProperty({ type: 'integer', description: 'lines on the statement' })
  lines!: number;

  @ApiProperty({ type: () => StatementBreakResponseDto, isArray: true, description: 'every break its reconciliation raised, by id' })
  breaks!: StatementBreakResponseDto[];
}
