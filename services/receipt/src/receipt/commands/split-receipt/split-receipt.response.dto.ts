import { ApiProperty } from '@nestjs/swagger';

export class SplitReceiptResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt split' })
  receiptNumber!: string;

  @ApiProperty({ enum: ['split'], description: 'always split: the parent has left circulation' })
  status!: 'split';

  @ApiProperty({
    type: [String],
    example: ['WR00000043', 'WR00000044'],
    description: 'the child receipts issued in its place, in the order of the requested parts',
  })
  children!: string[];

  @ApiProperty({ type: 'integer', description: 'the parent receipt’s version after the split, also its ETag' })
  version!: number;
}
