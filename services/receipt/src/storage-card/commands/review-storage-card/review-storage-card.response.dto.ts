import { ApiProperty } from '@nestjs/swagger';

export class StorageCardDecisionResponseDto {
  @ApiProperty({ type: String, example: 'SC000042', description: 'the card decided on' })
  cardNumber!: string;

  @ApiProperty({
    enum: ['approved', 'rejected', 'suspended', 'closed'],
    description: 'the card’s status after the decision: approved (approve, reinstate), rejected, suspended or closed',
  })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'the card’s version after the decision, also its ETag' })
  version!: number;
}
