import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, MaxLength } from 'class-validator';
import { INCOMING_KINDS, type IncomingKind } from '../../domain/bank-transaction.decider';

/** A bank’s notice of money in to the warehouse’s collection account; the same transaction may be notified again, in any order. */
export class NotifyIncomingTransferRequestDto {
  @ApiProperty({
    type: String,
    example: 'ICBC20261207000123',
    description: 'the bank’s own id of the transaction, unique at that bank: the transaction is booked once by it',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'bankTransactionId must be 1-64 letters, digits, ".", "_" or "-"' })
  bankTransactionId!: string;

  @ApiProperty({ enum: INCOMING_KINDS, description: 'payment (paying fees) or top_up (money into a prepaid account)' })
  @IsIn(INCOMING_KINDS)
  kind!: IncomingKind;

  @ApiProperty({
    type: String,
    maxLength: 64,
    example: '880000000013',
    description: 'the virtual account the payer paid to; a malformed or unknown one holds the payment unmatched',
  })
  @IsString()
  @MaxLength(64)
  virtualAccount!: string;

  @ApiProperty({ type: 'integer', example: 123456, description: 'fen received, a whole number above 0' })
  @IsInt()
  amountFen!: number;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-12-07',
    description: 'the value date (起息日), Asia/Shanghai YYYY-MM-DD: the statement day the money appears on',
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'valueDate must be a date YYYY-MM-DD' })
  valueDate!: string;

  @ApiProperty({
    type: String,
    maxLength: 200,
    example: '衡达钢铁有限公司',
    description: 'the payer’s account name as the bank has it (shown to a manager matching by hand; not compared between notices)',
  })
  @IsString()
  @MaxLength(200)
  payerName!: string;
}
