import { ApiProperty } from '@nestjs/swagger';

export class DraftWorkOrderResponseDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'the new work order' })
  orderId!: string;

  @ApiProperty({ enum: ['draft'], description: 'always draft: opening it pins its workflow' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'the order’s version, also its ETag' })
  version!: number;
}
