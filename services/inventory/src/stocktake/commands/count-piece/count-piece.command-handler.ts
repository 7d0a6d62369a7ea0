import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import { StocktakeFloorWork } from '../stocktake-floor-work';

/** One scan during the count, at the order's count step; `weighedKg` when the piece was put on a scale (typed by hand), else null. */
@Injectable()
export class CountPieceCommandHandler {
  constructor(@Inject(StocktakeFloorWork) private readonly stocktakes: StocktakeFloorWork) {}

  execute(stocktakeId: string, piece: { barcode: string; locationId: string; weighedKg: number | null }, caller: Caller) {
    return this.stocktakes.onStocktake(
      stocktakeId,
      'count',
      caller,
      (acting) => ({ type: 'CountPiece', data: { stocktakeId, ...piece, actor: acting.actor.subject, at: acting.at } }),
      piece.barcode,
    );
  }
}
