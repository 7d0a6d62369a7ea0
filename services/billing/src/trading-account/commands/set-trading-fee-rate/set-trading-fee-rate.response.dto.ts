import { ApiProperty } from '@nestjs/swagger';

/** The rate as recorded. */
export class TradingFeeRateResponseDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity code' })
  commodity!: string;

  @ApiProperty({ type: 'integer', example: 100, description: 'whole fen per tonne per side' })
  fenPerTonnePerSide!: number;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the first trading day it applies to' })
  effectiveFrom!: string;
}
