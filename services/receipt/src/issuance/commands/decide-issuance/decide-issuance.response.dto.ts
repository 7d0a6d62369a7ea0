import { ApiProperty } from '@nestjs/swagger';

/** The answer to the exchange’s approval or rejection, and to the warehouse’s withdrawal. */
export class IssuanceDecisionResponseDto {
  @ApiProperty({ type: String, description: 'the application decided' })
  applicationId!: string;

  @ApiProperty({ enum: ['approved', 'rejected', 'withdrawn'], description: 'the application’s status after the decision' })
  status!: 'approved' | 'rejected' | 'withdrawn';

  @ApiProperty({
    type: [String],
    example: ['WR00000042'],
    description: 'the receipts issued on approval; empty when rejected or withdrawn (the held lots are free again)',
  })
  receiptNumbers!: string[];

  @ApiProperty({ type: 'integer', description: 'the application’s version after the decision' })
  version!: number;
}
