import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class CancelReceiptRequestDto {
  /** pickup: take the goods out under the receipt; spot-conversion: the goods become spot goods (the only way out once expired). */
  @ApiProperty({
    enum: ['pickup', 'spot-conversion'],
    description:
      'pickup: take the goods out under the receipt (an outbound work order is opened for the holder); spot-conversion: the goods become spot goods, no order is opened (the only way out once the receipt has expired)',
  })
  @IsIn(['pickup', 'spot-conversion'])
  purpose!: 'pickup' | 'spot-conversion';
}
