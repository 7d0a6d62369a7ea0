import { ApiProperty } from '@nestjs/swagger';

/** How the transaction stands: booked to a party, or held unmatched until a manager assigns it. */
export class IncomingTransferResponseDto {
  @ApiProperty({
    type: String,
    example: 'bank-payment:bank-icbc:ICBC20261207000123',
    description: 'the payment’s id: bank-payment:<bankId>:<bankTransactionId>',
  })
  paymentId!: string;

  @ApiProperty({ enum: ['matched', 'unmatched'], description: 'matched: booked to partyId; unmatched: held (an alarm) until a manager assigns it' })
  status!: 'matched' | 'unmatched';

  @ApiProperty({ type: String, nullable: true, description: 'the party it is booked to; null while unmatched' })
  partyId!: string | null;

  @ApiProperty({
    type: Boolean,
    description: 'true when this notice booked or held the transaction; false when it was already known (a repeat changes nothing)',
  })
  firstNotice!: boolean;
}
