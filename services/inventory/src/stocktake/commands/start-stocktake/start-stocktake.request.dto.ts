import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class StartStocktakeRequestDto {
  @ApiProperty({
    maxLength: 100,
    example: '0190f6a2-7c1e-7d4b-9a55-3f1c2b8e4d10',
    description: 'the open stocktake work order it is done under; it names the storage card whose pieces are counted',
  })
  @IsString()
  @MaxLength(100)
  orderId!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 200,
    example: ['SHED1-R01-S01', 'SHED1-R01-S02'],
    description: 'the locations counted; the book snapshot is taken of them at the start',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  locationIds!: string[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 10_000,
    example: 30,
    description:
      'weight differences within this many basis points of the book are scale noise, not variances; left out, each piece is judged by its lot’s tolerance (its commodity’s, in force when the lot was opened)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  toleranceBps?: number;
}
