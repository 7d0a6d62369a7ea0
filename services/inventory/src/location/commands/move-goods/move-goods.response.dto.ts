import { ApiProperty } from '@nestjs/swagger';

export class MoveGoodsResponseDto {
  @ApiProperty({ type: String, description: 'the move work order it was done under' })
  orderId!: string;

  @ApiProperty({ type: 'integer', description: 'pieces moved: every barcode sent' })
  moved!: number;

  @ApiProperty({ type: String, example: 'SHED1-R01-S01', description: 'the location they left' })
  fromLocationId!: string;

  @ApiProperty({ type: String, example: 'SHED1-R02-S04', description: 'the location they now lie at' })
  toLocationId!: string;
}
