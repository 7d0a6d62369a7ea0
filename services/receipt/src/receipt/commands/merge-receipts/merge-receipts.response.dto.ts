import { ApiProperty } from '@nestjs/swagger';

export class MergeReceiptsResponseDto {
  @ApiProperty({
    type: String,
    example: 'WR00000043',
    description: 'the new receipt the parents were merged into; also in Location (/receipts/{receiptNumber})',
  })
  receiptNumber!: string;

  @ApiProperty({ type: [String], example: ['WR00000040', 'WR00000041'], description: 'the receipts merged, as requested; they have left circulation' })
  mergedFrom!: string[];

  @ApiProperty({ type: 'integer', description: 'the new receipt’s version, also its ETag' })
  version!: number;
}
