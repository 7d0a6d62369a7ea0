import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** The party a payment held unmatched belongs to, and how the manager knows. */
export class AssignUnmatchedPaymentRequestDto {
  @ApiProperty({ type: String, example: 'P-HENGDA', description: 'the depositor’s party the payment is booked to' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'partyId must be 1-64 letters, digits, ".", "_" or "-"' })
  partyId!: string;

  @ApiProperty({
    type: String,
    maxLength: 500,
    example: 'payer confirmed by phone; paid to an old account number',
    description: 'why it is this party’s (kept with the booking)',
  })
  @IsString()
  @MaxLength(500)
  note!: string;
}
