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

/** One contract's settlement price of a trading day. */
export class ContractSettlementPriceResponseDto {
  @ApiProperty({ type: String, example: 'rb2705', description: 'the futures contract' })
  contract!: string;

  @ApiProperty({ type: 'integer', example: 366000, description: 'whole fen per tonne' })
  fenPerTonne!: number;

  @ApiProperty({ type: Boolean, description: 'whether the exchange named it the nearest month listed that day' })
  nearestMonth!: boolean;
}

/** Every contract's settlement price of a commodity on one trading day. */
export class ContractSettlementPricesResponseDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity code' })
  commodity!: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the trading day settled' })
  tradingDay!: string;

  @ApiProperty({ type: () => ContractSettlementPriceResponseDto, isArray: true, description: 'by contract code' })
  prices!: ContractSettlementPriceResponseDto[];
}
