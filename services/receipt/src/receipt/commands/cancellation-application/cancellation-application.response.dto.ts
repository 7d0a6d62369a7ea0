import { ApiProperty } from '@nestjs/swagger';
import { CancellationApplicationResponseDto } from '../../../common/http/receipt-parts.response.dto';

export class CancellationApplicationOutcomeResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt' })
  receiptNumber!: string;

  @ApiProperty({
    enum: ['outstanding', 'expired'],
    description: 'the receipt’s status, unchanged: it stays in circulation (and the holder’s) until the warehouse processes the application',
  })
  status!: string;

  @ApiProperty({
    type: () => CancellationApplicationResponseDto,
    nullable: true,
    description: 'the pending application after the change; null once withdrawn or rejected (the receipt is free again)',
  })
  cancellationApplication!: CancellationApplicationResponseDto | null;

  @ApiProperty({ type: 'integer', description: 'the receipt’s version after the change, also its ETag' })
  version!: number;
}
