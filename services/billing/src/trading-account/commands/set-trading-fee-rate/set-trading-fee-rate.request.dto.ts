import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** A commodity's trading fee (第四十条), as the exchange sets it. */
export class SetTradingFeeRateRequestDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity code' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'commodity must be 1-32 lower-case letters, digits, "_" or "-"' })
  commodity!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 1000000,
    example: 100,
    description: 'whole fen per tonne, charged to each side of a take (buyer and seller alike)',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  fenPerTonnePerSide!: number;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the first trading day it applies to, Asia/Shanghai YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;
}
