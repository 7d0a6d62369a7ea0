import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { StocktakeHttpController } from './commands/stocktake.http.controller';
import { StocktakesHttpController } from './queries/stocktakes.http.controller';
import { StocktakeCommandHandler } from './stocktake.command-handler';

/** Stocktakes under a stocktake order: counts, variances and their explanations. */
@Module({
  imports: [StockModule],
  controllers: [StocktakeHttpController, StocktakesHttpController],
  providers: [StocktakeCommandHandler],
})
export class StocktakeModule {}
