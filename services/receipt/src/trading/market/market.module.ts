import { Module } from '@nestjs/common';
import { SetMarketCommandHandler } from './commands/set-market/set-market.command-handler';
import { SetMarketHttpController } from './commands/set-market/set-market.http.controller';
import { RecordReferencePriceWhenSettlementPricePublishedKafkaHandler } from './integration/record-reference-price-when-settlement-price-published.kafka-handler';
import { ExchangeMarketsHttpController, MarketsHttpController } from './queries/markets/markets.http.controller';

/** Each commodity's market as the exchange sets it, and the platform's copy of the exchange's settlement prices. */
@Module({
  controllers: [SetMarketHttpController, MarketsHttpController, ExchangeMarketsHttpController, RecordReferencePriceWhenSettlementPricePublishedKafkaHandler],
  providers: [SetMarketCommandHandler],
})
export class MarketModule {}
