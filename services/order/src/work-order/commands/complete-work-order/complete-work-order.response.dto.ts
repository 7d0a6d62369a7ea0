import { ApiProperty } from '@nestjs/swagger';

export class CompleteWorkOrderResponseDto {
  @ApiProperty({ type: String, description: 'the work order' })
  orderId!: string;

  @ApiProperty({ enum: ['completed'], description: 'always completed' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'the order’s version after the change, also its ETag' })
  version!: number;
}
