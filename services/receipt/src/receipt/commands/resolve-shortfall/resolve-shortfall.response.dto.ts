import { ApiProperty } from '@nestjs/swagger';

export class ResolveShortfallResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt' })
  receiptNumber!: string;

  @ApiProperty({ type: String, description: 'the stocktake variance whose shortfall is resolved' })
  varianceId!: string;

  @ApiProperty({ enum: ['replenished', 'settled'], description: 'how the warehouse answered for the goods' })
  outcome!: 'replenished' | 'settled';

  @ApiProperty({ type: 'integer', description: 'shortfalls still open on the receipt; at 0 it may move again' })
  openShortfalls!: number;

  @ApiProperty({ type: 'integer', description: 'the receipt’s version after the resolution, also its ETag' })
  version!: number;
}
