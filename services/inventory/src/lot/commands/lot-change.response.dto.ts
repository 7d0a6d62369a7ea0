import { ApiProperty } from '@nestjs/swagger';

/** What a step on a lot being received answers (finish tally or weighing, a weighing, an inspection). */
export class LotChangeResponseDto {
  @ApiProperty({ type: String, description: 'the lot' })
  lotId!: string;

  @ApiProperty({ type: 'integer', description: 'the lot’s version after the step' })
  version!: number;

  @ApiProperty({
    enum: ['receiving', 'available', 'rejected'],
    description: 'the lot’s status: receiving until its inbound order completes (then available) or it is rejected',
  })
  status!: string;
}
