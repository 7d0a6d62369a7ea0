import { Module } from '@nestjs/common';
import { StocktakeScaleReadingHttpController } from './commands/stocktake-scale-reading.http.controller';
import { StocktakeHttpController } from './commands/stocktake.http.controller';
import { StocktakesHttpController } from './queries/stocktakes.http.controller';
import { StocktakeCommandHandler } from './stocktake.command-handler';

/** Stocktakes under a stocktake order: counts (scale readings among them), variances, their explanations and approvals, and the corrections of the stock book they make. */
@Module({
  controllers: [StocktakeHttpController, StocktakeScaleReadingHttpController, StocktakesHttpController],
  providers: [StocktakeCommandHandler],
})
export class StocktakeModule {}
