import { ApiProperty } from '@nestjs/swagger';

export class PickPieceResponseDto {
  @ApiProperty({ type: String, description: 'the outbound order' })
  orderId!: string;

  @ApiProperty({ type: String, description: 'the lot the piece belongs to' })
  lotId!: string;

  @ApiProperty({ type: 'integer', description: 'pieces picked for the load being prepared, this one included' })
  picked!: number;

  @ApiProperty({ type: 'integer', description: 'the order’s outbound record version after the pick' })
  version!: number;
}
