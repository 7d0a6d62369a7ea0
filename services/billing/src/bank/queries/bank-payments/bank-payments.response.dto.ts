import { ApiProperty } from '@nestjs/swagger';

/** One incoming bank transaction as booked. */
export class BankPaymentItemResponseDto {
  @ApiProperty({ type: String, description: 'bank-payment:<bankId>:<bankTransactionId>' })
  paymentId!: string;

  @ApiProperty({ type: String, description: 'the bank (its integration client id)' })
  bankId!: string;

  @ApiProperty({ type: String, description: 'the bank’s id of the transaction' })
  bankTransactionId!: string;

  @ApiProperty({ enum: ['payment', 'top_up'], description: 'as the bank notified it' })
  kind!: string;

  @ApiProperty({ type: String, description: 'the virtual account the payer paid to, as notified' })
  virtualAccount!: string;

  @ApiProperty({ type: 'integer', description: 'fen received' })
  amountFen!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the value date' })
  valueDate!: string;

  @ApiProperty({ type: String, description: 'the payer’s account name as the bank has it' })
  payerName!: string;

  @ApiProperty({ enum: ['matched', 'unmatched'], description: 'matched: booked to partyId; unmatched: held until a manager assigns it' })
  status!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the party it is booked to; null while unmatched' })
  partyId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'why it was held: malformed_virtual_account or unknown_virtual_account; null when matched on arrival',
  })
  unmatchedReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'when the bank first notified it' })
  receivedAt!: string;
}
