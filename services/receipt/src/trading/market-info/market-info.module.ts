import { Module } from '@nestjs/common';
import { ExchangeMarketInfoHttpController, MarketInfoHttpController } from './queries/market-info.http.controller';
import { MarketInfoReader } from './queries/market-info.reader';

/** The trading platform's market information: offers, trades and per-commodity quotes of a trading day. */
@Module({
  controllers: [MarketInfoHttpController, ExchangeMarketInfoHttpController],
  providers: [MarketInfoReader],
})
export class MarketInfoModule {}
