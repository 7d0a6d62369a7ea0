import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** A buyer takes receipts of a listing (摘牌, 标准仓单交易管理办法 第二十三条(二)). */
export class TakeListingRequestDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 200,
    example: 2,
    description:
      'how many receipts: a whole listing exactly all that remain; a partial one at least its minimum and at most what remains, or exactly what remains when fewer than the minimum are left (422 TRADE_TAKE_COUNT_INVALID)',
  })
  @IsInt()
  @Min(1)
  @Max(200)
  count!: number;
}
