import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@dw/platform';
import { StocktakeFloorWork } from '../stocktake-floor-work';

/** A manager's approval of a variance, with the reason: what lets a loss (or a weight typed by hand) change the book. */
@Injectable()
export class ApproveVarianceCommandHandler {
  constructor(@Inject(StocktakeFloorWork) private readonly stocktakes: StocktakeFloorWork) {}

  execute(stocktakeId: string, varianceId: string, reason: string, manager: Principal) {
    return this.stocktakes.onStocktake(
      stocktakeId,
      'reconcile',
      manager,
      (acting) => ({ type: 'ApproveVariance', data: { stocktakeId, varianceId, reason, actor: acting.actor, at: acting.at } }),
      varianceId,
    );
  }
}
