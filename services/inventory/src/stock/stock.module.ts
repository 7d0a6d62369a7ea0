import { Module } from '@nestjs/common';
import { PlaceHoldCommandHandler } from './commands/place-hold/place-hold.command-handler';
import { PlaceHoldHttpController } from './commands/place-hold/place-hold.http.controller';
import { ReceiveStockCommandHandler } from './commands/receive-stock/receive-stock.command-handler';
import { ReleaseHoldCommandHandler } from './commands/release-hold/release-hold.command-handler';
import { IntegrationReleaseHoldHttpController, ReleaseHoldHttpController } from './commands/release-hold/release-hold.http.controller';
import { ShipOutCommandHandler } from './commands/ship-out/ship-out.command-handler';
import { StockHttpController } from './queries/stock.http.controller';
import { StockDecisions } from './stock-decisions';

/** Stock on hand per lot, holds on it, and the stock lists. */
@Module({
  controllers: [StockHttpController, PlaceHoldHttpController, ReleaseHoldHttpController, IntegrationReleaseHoldHttpController],
  providers: [StockDecisions, PlaceHoldCommandHandler, ReleaseHoldCommandHandler, ReceiveStockCommandHandler, ShipOutCommandHandler],
  // Stock is booked in by the work-order inbox (authority) and shipped out by the load-out (outbound), in their transactions.
  exports: [ReceiveStockCommandHandler, ShipOutCommandHandler],
})
export class StockModule {}
