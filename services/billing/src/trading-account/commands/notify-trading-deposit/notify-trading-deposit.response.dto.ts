import { ApiProperty } from '@nestjs/swagger';

/** The deposit as booked. */
export class TradingDepositResponseDto {
  @ApiProperty({
    type: String,
    example: 'bank-payment:bank-icbc:ICBC20261207000456',
    description: 'the deposit’s id: bank-payment:<bankId>:<bankTransactionId>',
  })
  depositId!: string;

  @ApiProperty({ type: String, example: 'P-HENGDA', description: 'the trader it is booked to' })
  partyId!: string;

  @ApiProperty({ type: String, example: 'SC-0001', description: 'its trading account number' })
  accountNumber!: string;

  @ApiProperty({ type: 'integer', example: 10000000, description: 'fen booked' })
  amountFen!: number;

  @ApiProperty({ type: Boolean, description: 'true when this notice booked it; false when it was already booked (a repeat changes nothing)' })
  firstNotice!: boolean;
}
