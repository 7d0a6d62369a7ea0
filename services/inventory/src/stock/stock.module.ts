import { Module } from '@nestjs/common';
import { HoldsHttpController, IntegrationHoldsHttpController } from './commands/holds/holds.http.controller';
import { StockHttpController } from './queries/stock.http.controller';
import { StockCommandHandler } from './stock.command-handler';

/** Stock on hand per lot, holds on it, and the stock lists. */
@Module({
  controllers: [StockHttpController, HoldsHttpController, IntegrationHoldsHttpController],
  providers: [StockCommandHandler],
  exports: [StockCommandHandler],
})
export class StockModule {}
