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

export class CountPieceRequestDto {
  @ApiProperty({ maxLength: 64, example: 'RB20-000001', description: 'the barcode label of the piece found' })
  @IsString()
  @MaxLength(64)
  barcode!: string;

  @ApiProperty({ maxLength: 100, example: 'SHED1-R01-S01', description: 'where it was found: one of the stocktake’s locations' })
  @IsString()
  @MaxLength(100)
  locationId!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000,
    example: 2_260,
    description:
      'its weight in integer kilograms (Kg), when the piece was put on a scale: compared with its booked net weight; left out, only its presence is counted',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  weighedKg?: number;
}

export class ExplainVarianceRequestDto {
  @ApiProperty({
    maxLength: 1000,
    example: 'bundle relabelled after damage in unloading',
    description: 'why the variance happened; a later explanation is added to, never written over, the first',
  })
  @IsString()
  @MaxLength(1000)
  explanation!: string;
}

export class ApproveVarianceRequestDto {
  @ApiProperty({
    maxLength: 1000,
    example: 'bundle confirmed missing after a second search of rows 1–3; written off against the insurer’s claim 2025-17',
    description: 'why the manager approves the change to the book (a write-off, or a weight typed by hand)',
  })
  @IsString()
  @MaxLength(1000)
  reason!: string;
}
