import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import { StocktakeFloorWork } from '../stocktake-floor-work';

/** A manager's approval of a variance, with the reason: what lets a loss (or a weight typed by hand) change the book. */
@Injectable()
export class ApproveVarianceCommandHandler {
  constructor(@Inject(StocktakeFloorWork) private readonly stocktakes: StocktakeFloorWork) {}

  execute(stocktakeId: string, varianceId: string, reason: string, manager: Caller) {
    return this.stocktakes.onStocktake(
      stocktakeId,
      'reconcile',
      manager,
      (acting) => ({ type: 'ApproveVariance', data: { stocktakeId, varianceId, reason, actor: acting.actor.subject, at: acting.at } }),
      varianceId,
    );
  }
}
