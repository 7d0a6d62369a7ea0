import { ApiProperty } from '@nestjs/swagger';

export class ProcessCancellationResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt cancelled (注销)' })
  receiptNumber!: string;

  @ApiProperty({ enum: ['cancelled'], description: 'always cancelled: the receipt has left circulation' })
  status!: 'cancelled';

  @ApiProperty({ enum: ['pickup', 'spot-conversion'], description: 'why, as the holder applied: to pick the goods up, or to turn them into spot goods' })
  purpose!: 'pickup' | 'spot-conversion';

  @ApiProperty({
    type: String,
    example: 'ENT-WR00000042',
    description: 'the outbound entitlement the goods now are; the order service opens the outbound order from it',
  })
  entitlementId!: string;

  @ApiProperty({ type: 'integer', description: 'the receipt’s version after cancellation, also its ETag' })
  version!: number;
}
