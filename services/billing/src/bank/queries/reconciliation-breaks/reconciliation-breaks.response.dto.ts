import { ApiProperty } from '@nestjs/swagger';
import { BREAK_KINDS } from '../../domain/reconciliation';

/** One break between a bank’s statement and our book. */
export class ReconciliationBreakItemResponseDto {
  @ApiProperty({ type: String, description: '<bankId>:<statementDate>:<bankTransactionId>' })
  breakId!: string;

  @ApiProperty({ type: String, description: 'the bank (its integration client id)' })
  bankId!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the statement day' })
  statementDate!: string;

  @ApiProperty({ enum: BREAK_KINDS, description: 'line_without_entry, entry_without_line or amount_differs' })
  kind!: string;

  @ApiProperty({ type: String, description: 'the bank’s id of the transaction' })
  bankTransactionId!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the statement’s amount (signed fen); null when it has no such line' })
  statementAmountFen!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'our book’s amount (signed fen); null when we booked no such transaction' })
  bookAmountFen!: number | null;

  @ApiProperty({ enum: ['open', 'resolved'], description: 'open until a manager resolves it' })
  status!: string;

  @ApiProperty({ type: String, nullable: true, description: 'what explains it, once resolved' })
  resolution!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the manager who resolved it' })
  resolvedBy!: string | null;
}
