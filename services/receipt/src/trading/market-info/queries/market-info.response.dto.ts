import { ApiProperty } from '@nestjs/swagger';

/** One commodity's market on one trading day (标准仓单交易管理办法 第六十九条). */
export class CommodityQuoteResponseDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity' })
  commodity!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the trading day' })
  tradingDay!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: '最新价: the price of the day’s last trade, fen per tonne; null before the first' })
  latestPriceFenPerTonne!: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: '昨收盘: the close of the prior trading day with a trade, defined as the price of that day’s last trade; null when there was none',
  })
  previousCloseFenPerTonne!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '涨跌: latest − previous close, fen per tonne; null when either is missing' })
  changeFenPerTonne!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '最高价: the day’s highest trade price' })
  highFenPerTonne!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '最低价: the day’s lowest trade price' })
  lowFenPerTonne!: number | null;

  @ApiProperty({ type: 'integer', description: '成交量: receipts traded (settled takes)' })
  volumeReceipts!: number;

  @ApiProperty({ type: 'integer', description: '成交量: kg traded' })
  volumeKg!: number;

  @ApiProperty({ type: 'integer', description: '成交金额: the trades’ proceeds in fen' })
  amountFen!: number;

  @ApiProperty({ type: 'integer', description: 'trades (settled takes) of the day' })
  trades!: number;
}

export class MarketQuotesResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'the trading day' })
  tradingDay!: string;

  @ApiProperty({ type: () => CommodityQuoteResponseDto, isArray: true, description: 'each commodity with a listing or a trade that day, by name' })
  commodities!: CommodityQuoteResponseDto[];
}

/** An offer on the day (当日挂牌信息: 申卖价, 申卖量). */
export class MarketOfferResponseDto {
  @ApiProperty({ type: String, description: 'the listing' })
  listingId!: string;

  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity' })
  commodity!: string;

  @ApiProperty({ type: String, description: 'the warehouse' })
  warehouse!: string;

  @ApiProperty({ type: String, description: 'the brand' })
  brand!: string;

  @ApiProperty({ type: String, description: 'the grade' })
  grade!: string;

  @ApiProperty({ enum: ['whole', 'partial'], description: 'whole or partial' })
  mode!: 'whole' | 'partial';

  @ApiProperty({ type: 'integer', nullable: true, description: 'a partial listing’s least take' })
  minTake!: number | null;

  @ApiProperty({ type: 'integer', description: 'the asking price, fen per tonne' })
  priceFenPerTonne!: number;

  @ApiProperty({ type: 'integer', description: 'receipts still available' })
  remainingReceipts!: number;

  @ApiProperty({ type: 'integer', description: 'their kg' })
  remainingKg!: number;
}

export class MarketOffersResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'the trading day' })
  tradingDay!: string;

  @ApiProperty({ type: () => MarketOfferResponseDto, isArray: true, description: 'open listings with receipts still available, cheapest first' })
  offers!: MarketOfferResponseDto[];
}

/** A trade of the day (当日摘牌信息, 成交情况). */
export class MarketTradeResponseDto {
  @ApiProperty({ type: String, description: 'the take' })
  takeId!: string;

  @ApiProperty({ type: String, description: 'the listing taken' })
  listingId!: string;

  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity' })
  commodity!: string;

  @ApiProperty({ type: 'integer', description: 'price, fen per tonne' })
  priceFenPerTonne!: number;

  @ApiProperty({ type: 'integer', description: 'receipts' })
  receipts!: number;

  @ApiProperty({ type: 'integer', description: 'kg' })
  weightKg!: number;

  @ApiProperty({ type: 'integer', description: 'proceeds in fen' })
  amountFen!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it settled' })
  settledAt!: string;
}

export class MarketTradesResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'the trading day' })
  tradingDay!: string;

  @ApiProperty({ type: () => MarketTradeResponseDto, isArray: true, description: 'the day’s trades in the order they settled' })
  trades!: MarketTradeResponseDto[];
}
