import { ApiProperty } from '@nestjs/swagger';

export class ApplyForPickupResponseDto {
  @ApiProperty({ type: String, example: 'ENT-WR00000042', description: 'the entitlement applied on' })
  entitlementId!: string;

  @ApiProperty({ type: String, example: 'out-ENT-WR00000042', description: 'the outbound order opened from the application (GET /work-orders/:id)' })
  orderId!: string;

  @ApiProperty({ enum: ['open'], description: 'the order is open: the goods may be picked, weighed and loaded under it' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'the order’s version, also its ETag' })
  version!: number;
}
