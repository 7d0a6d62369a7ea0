import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class StartStocktakeRequestDto {
  @IsString()
  @MaxLength(100)
  orderId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  locationIds!: string[];

  @ApiPropertyOptional({ description: 'weight differences within this many basis points of the book are scale noise (default 30)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  toleranceBps?: number;
}

export class CountPieceRequestDto {
  @IsString()
  @MaxLength(64)
  barcode!: string;

  @IsString()
  @MaxLength(100)
  locationId!: string;

  @ApiPropertyOptional({ description: 'integer kg when the piece was put on a scale' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  weighedKg?: number;
}

export class ExplainVarianceRequestDto {
  @IsString()
  @MaxLength(1000)
  explanation!: string;
}
