import { ApiProperty } from '@nestjs/swagger';

export class CancelWorkOrderResponseDto {
  @ApiProperty({ type: String, description: 'the work order' })
  orderId!: string;

  @ApiProperty({ enum: ['cancelled'], description: 'always cancelled' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'the order’s version after the change, also its ETag' })
  version!: number;
}
