import { ApiProperty } from '@nestjs/swagger';

/** One trading day's settlement price as published. */
export class SettlementPriceResponseDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity code' })
  commodity!: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the trading day settled' })
  tradingDay!: string;

  @ApiProperty({ type: String, example: 'rb2701', description: 'the contract the exchange named as the nearest month listed' })
  contract!: string;

  @ApiProperty({ type: 'integer', example: 365000, description: 'whole fen per tonne' })
  fenPerTonne!: number;
}

/** A commodity's settlement prices, by trading day. */
export class SettlementPricesResponseDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity code' })
  commodity!: string;

  @ApiProperty({ type: () => SettlementPriceResponseDto, isArray: true, description: 'every day published, oldest first' })
  prices!: SettlementPriceResponseDto[];
}
