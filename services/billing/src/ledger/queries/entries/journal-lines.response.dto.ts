import { ApiProperty } from '@nestjs/swagger';

/** One line of a balanced journal entry (the `journal_lines` read model). */
export class JournalLineResponseDto {
  @ApiProperty({ type: String, description: 'the entry: the account event’s stream and position' })
  entryId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the line’s place in its entry, from 1' })
  lineNo!: number;

  @ApiProperty({
    type: String,
    example: 'deposits-held:P-HENGDA',
    description: 'cash-at-bank:<bank>, receivable:<party>, deposits-held:<party>, withdrawals-in-transit:<party> or fees-income:<item>',
  })
  account!: string;

  @ApiProperty({ type: 'integer', description: 'whole fen; 0 on a credit line' })
  debitFen!: number;

  @ApiProperty({ type: 'integer', description: 'whole fen; 0 on a debit line' })
  creditFen!: number;

  @ApiProperty({ type: String, format: 'date', description: 'Asia/Shanghai: the value date of bank movements, the day charged of a fee, else the day booked' })
  postedOn!: string;

  @ApiProperty({ type: String, example: 'PaymentBooked', description: 'the account event the entry books' })
  causeType!: string;

  @ApiProperty({ type: String, description: 'its fee, payment or withdrawal id (the fees settled, comma-separated)' })
  causeId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'on cash-at-bank lines: the bank' })
  bankId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'on cash-at-bank lines: the bank’s transaction' })
  bankTransactionId!: string | null;
}
