import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { StocktakeScaleReadingHttpController } from './commands/stocktake-scale-reading.http.controller';
import { StocktakeHttpController } from './commands/stocktake.http.controller';
import { StocktakesHttpController } from './queries/stocktakes.http.controller';
import { StocktakeCommandHandler } from './stocktake.command-handler';

/** Stocktakes under a stocktake order: counts, variances and their explanations. */
@Module({
  imports: [StockModule],
  controllers: [StocktakeHttpController, StocktakeScaleReadingHttpController, StocktakesHttpController],
  providers: [StocktakeCommandHandler],
})
export class StocktakeModule {}
