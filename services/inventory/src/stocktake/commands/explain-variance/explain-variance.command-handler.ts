import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import { StocktakeFloorWork } from '../stocktake-floor-work';

/** Why a variance happened, at the order's reconcile step: added to its explanations, never written over them. */
@Injectable()
export class ExplainVarianceCommandHandler {
  constructor(@Inject(StocktakeFloorWork) private readonly stocktakes: StocktakeFloorWork) {}

  execute(stocktakeId: string, varianceId: string, explanation: string, caller: Caller) {
    return this.stocktakes.onStocktake(
      stocktakeId,
      'reconcile',
      caller,
      (acting) => ({
        type: 'ExplainVariance',
        data: { stocktakeId, varianceId, explanation, actor: acting.actor.subject, at: acting.at },
      }),
      varianceId,
    );
  }
}
