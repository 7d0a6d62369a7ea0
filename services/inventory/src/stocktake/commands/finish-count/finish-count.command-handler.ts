import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import { StocktakeFloorWork } from '../stocktake-floor-work';

/** Finishes the count at the order's count step: the variances between book and count are found. */
@Injectable()
export class FinishCountCommandHandler {
  constructor(@Inject(StocktakeFloorWork) private readonly stocktakes: StocktakeFloorWork) {}

  execute(stocktakeId: string, caller: Caller) {
    return this.stocktakes.onStocktake(stocktakeId, 'count', caller, (acting) => ({
      type: 'FinishCount',
      data: { stocktakeId, actor: acting.actor.subject, at: acting.at },
    }));
  }
}
