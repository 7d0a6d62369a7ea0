import { ApiProperty } from '@nestjs/swagger';

export class TradingSessionResponseDto {
  @ApiProperty({ type: String, example: '09:00', description: 'opens (inclusive), Asia/Shanghai HH:MM' })
  opens!: string;

  @ApiProperty({ type: String, example: '11:30', description: 'closes (exclusive), Asia/Shanghai HH:MM' })
  closes!: string;
}

/** A commodity's market as the exchange set it. */
export class MarketResponseDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity' })
  commodity!: string;

  @ApiProperty({ type: Boolean, description: 'the exchange lists it on the platform (第四条)' })
  tradable!: boolean;

  @ApiProperty({ type: 'integer', example: 100, description: 'price tick, whole fen per tonne (第二十一条)' })
  tickFenPerTonne!: number;

  @ApiProperty({ type: () => TradingSessionResponseDto, isArray: true, description: 'the sessions of each trading day, in order' })
  sessions!: TradingSessionResponseDto[];

  @ApiProperty({ type: String, example: 'rb2605', description: 'the reference futures contract (第五十八条)' })
  referenceContract!: string;

  @ApiProperty({ type: 'integer', example: 500, description: 'the band’s maximum rise, basis points of the base price (第五十九条)' })
  maxUpBasisPoints!: number;

  @ApiProperty({ type: 'integer', example: 500, description: 'the band’s maximum fall, basis points of the base price (第五十九条)' })
  maxDownBasisPoints!: number;

  @ApiProperty({ type: Boolean, description: 'the exchange suspended trading in it (abnormal situation, 第六十七条)' })
  suspended!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'why trading is suspended; null when it is not' })
  suspensionReason!: string | null;

  @ApiProperty({ type: 'integer', description: 'the market stream’s version, also its ETag' })
  version!: number;
}

/** A market with its last change: what, why, by whom and when. */
export class MarketItemResponseDto extends MarketResponseDto {
  @ApiProperty({
    enum: ['MarketSettingsChanged', 'MarketSessionsChanged', 'MarketPriceBandChanged', 'MarketTradingSuspended', 'MarketTradingResumed'],
    description: 'the last change',
  })
  lastChange!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the reason given with the last change; null for a settings change' })
  lastReason!: string | null;

  @ApiProperty({ type: String, description: 'who made the last change (the exchange’s client id)' })
  changedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when' })
  changedAt!: string;
}
