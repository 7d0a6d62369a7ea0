import { Global, Module } from '@nestjs/common';
import { EventStoreTradingLookups } from './event-store-trading-lookups';
import { TradingLookups } from './trading-lookups';

/** Binds TradingLookups for every trading feature (listings, takes, market information) to inject. */
@Global()
@Module({
  providers: [{ provide: TradingLookups, useClass: EventStoreTradingLookups }],
  exports: [TradingLookups],
})
export class TradingLookupsModule {}
