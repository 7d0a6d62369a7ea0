import { Module } from '@nestjs/common';
import { ApproveVarianceCommandHandler } from './commands/approve-variance/approve-variance.command-handler';
import { ApproveVarianceHttpController } from './commands/approve-variance/approve-variance.http.controller';
import { CloseStocktakeCommandHandler } from './commands/close-stocktake/close-stocktake.command-handler';
import { CloseStocktakeHttpController } from './commands/close-stocktake/close-stocktake.http.controller';
import { CountPieceCommandHandler } from './commands/count-piece/count-piece.command-handler';
import { CountPieceHttpController } from './commands/count-piece/count-piece.http.controller';
import { ExplainVarianceCommandHandler } from './commands/explain-variance/explain-variance.command-handler';
import { ExplainVarianceHttpController } from './commands/explain-variance/explain-variance.http.controller';
import { FinishCountCommandHandler } from './commands/finish-count/finish-count.command-handler';
import { FinishCountHttpController } from './commands/finish-count/finish-count.http.controller';
import { RecordCountScaleReadingCommandHandler } from './commands/record-count-scale-reading/record-count-scale-reading.command-handler';
import { RecordCountScaleReadingHttpController } from './commands/record-count-scale-reading/record-count-scale-reading.http.controller';
import { StartStocktakeCommandHandler } from './commands/start-stocktake/start-stocktake.command-handler';
import { StartStocktakeHttpController } from './commands/start-stocktake/start-stocktake.http.controller';
import { StocktakeFloorWork } from './commands/stocktake-floor-work';
import { StocktakesHttpController } from './queries/stocktakes/stocktakes.http.controller';
import { StocktakesReadModel } from './queries/stocktakes/stocktakes.read-model';

/** Stocktakes under a stocktake order: counts (scale readings among them), variances, their explanations and approvals, and the corrections of the stock book they make. */
@Module({
  controllers: [
    StartStocktakeHttpController,
    CountPieceHttpController,
    RecordCountScaleReadingHttpController,
    FinishCountHttpController,
    ExplainVarianceHttpController,
    ApproveVarianceHttpController,
    CloseStocktakeHttpController,
    StocktakesHttpController,
  ],
  providers: [
    StocktakeFloorWork,
    StartStocktakeCommandHandler,
    CountPieceCommandHandler,
    RecordCountScaleReadingCommandHandler,
    FinishCountCommandHandler,
    ExplainVarianceCommandHandler,
    ApproveVarianceCommandHandler,
    CloseStocktakeCommandHandler,
    StocktakesReadModel,
  ],
})
export class StocktakeModule {}
