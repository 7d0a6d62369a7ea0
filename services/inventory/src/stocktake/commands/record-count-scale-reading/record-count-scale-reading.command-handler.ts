import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import type { WeighingReading } from '../../../lot/domain/weighing';
import { StocktakeFloorWork } from '../stocktake-floor-work';

/** A signed scale's reading of a counted piece, at the order's count step. */
@Injectable()
export class RecordCountScaleReadingCommandHandler {
  constructor(@Inject(StocktakeFloorWork) private readonly stocktakes: StocktakeFloorWork) {}

  /** The platform verified the device, so the reading is the piece's weight evidence. */
  execute(stocktakeId: string, reading: Omit<WeighingReading, 'source' | 'scaleId' | 'deviceVerified'>, scale: Caller) {
    // rule INV-VARIANCE-WEIGHT-EVIDENCE
    const signed: WeighingReading = { ...reading, source: 'scale', scaleId: scale.principal.subject, deviceVerified: true };
    return this.stocktakes.onStocktake(
      stocktakeId,
      'count',
      scale,
      (acting) => ({ type: 'RecordCountWeighing', data: { stocktakeId, reading: signed, actor: acting.actor.subject, at: acting.at } }),
      reading.readingId,
    );
  }
}
