import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class ApplyForCancellationRequestDto {
  @ApiProperty({
    enum: ['pickup', 'spot-conversion'],
    description:
      'pickup: take the goods out under the receipt (once processed, an outbound work order is opened for the holder); spot-conversion: the goods become spot goods in store, no order is opened (the only purpose an expired receipt may apply for)',
  })
  @IsIn(['pickup', 'spot-conversion'])
  purpose!: 'pickup' | 'spot-conversion';
}
