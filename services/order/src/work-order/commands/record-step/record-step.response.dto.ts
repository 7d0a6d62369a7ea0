import { ApiProperty } from '@nestjs/swagger';

export class RecordStepResponseDto {
  @ApiProperty({ type: String, description: 'the work order' })
  orderId!: string;

  @ApiProperty({ enum: ['in_progress'], description: 'always in_progress once a step is recorded' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'the order’s version after the step, also its ETag' })
  version!: number;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the step’s place in the order’s history, from 1' })
  sequence!: number;
}
