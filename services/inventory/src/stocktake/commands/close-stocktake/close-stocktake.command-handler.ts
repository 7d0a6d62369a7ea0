import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { handleCommandIn, loadAggregate } from '@dw/event-store';
import { TopicNames, type Caller } from '@dw/platform';
import { locationDecider } from '../../../location/domain/location.decider';
import { authorisedOrder } from '../../../operation/floor-operations';
import type { OperationContext } from '../../../operation/operation-context';
import { goodsUnderOf, lotTitleDecider } from '../../../registry/domain/lot-title.decider';
import { onStream, streams } from '../../../shared/inventory.streams';
import { stockDecider } from '../../../stock/domain/stock.decider';
import { evidenceOf } from '../../domain/stocktake.decider';
import type { StocktakeEvent } from '../../domain/stocktake.events';
import { stockVarianceOutbox } from '../../integration/stock-variance.mapper';
import { StocktakeFloorWork } from '../stocktake-floor-work';

/**
 * Closes the stocktake at the order's reconcile step and corrects the book in the same
 * transaction: each variance with a change to a lot's stock is applied with its explanations as
 * the reason and published (StockVarianceApplied, and StockShortfallDetected for a loss), and a
 * missing piece leaves its location. Variances are facts of the stocktake; only closing applies
 * them to the stock book, as new events, never by overwriting it. Only a variance with its
 * evidence is applied (a loss approved by a manager, a gain weighed on a signed scale or
 * approved): closing is refused until each has it. A loss larger than what is unheld is refused
 * (INSUFFICIENT_AVAILABLE) until the hold is released: the stocktake then stays open, its
 * variances on record.
 */
@Injectable()
export class CloseStocktakeCommandHandler {
  private readonly varianceOutboxFor: ReturnType<typeof stockVarianceOutbox>;

  constructor(
    @Inject(StocktakeFloorWork) private readonly stocktakes: StocktakeFloorWork,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.varianceOutboxFor = stockVarianceOutbox(topics, registry);
  }

  execute(stocktakeId: string, caller: Caller) {
    const context: OperationContext = { operation: 'count', subject: stocktakeId };
    return this.stocktakes.floor.run(context, caller, async (tx, acting) => {
      const stocktake = await this.stocktakes.stocktakeOf(tx, stocktakeId, context);
      await authorisedOrder(tx, stocktake.orderId, { operation: 'count', step: 'reconcile' }, context);
      const handled = await this.stocktakes.decide(
        tx,
        stocktakeId,
        { type: 'CloseStocktake', data: { stocktakeId, actor: acting.actor.subject, at: acting.at } },
        acting,
      );
      const found = (await tx.readStream<StocktakeEvent>(streams.stocktake(stocktakeId).id))
        .map((event) => ({ type: event.type, data: event.data }) as StocktakeEvent)
        .flatMap((event) => (event.type === 'StocktakeVarianceFound' ? [event.data] : []));
      for (const variance of found) {
        const known = stocktake.variances[variance.varianceId]!;
        if (variance.lotId && (variance.delta.pieces !== 0 || variance.delta.kg !== 0)) {
          const stock = streams.stock(variance.lotId);
          await handleCommandIn(tx, {
            ...onStream(stock),
            decider: stockDecider,
            command: {
              type: 'ApplyStocktakeVariance',
              data: {
                lotId: variance.lotId,
                stocktakeId,
                varianceId: variance.varianceId,
                delta: variance.delta,
                reason: `${variance.kind}: ${known.explanations.join('; ')}`,
                evidence: evidenceOf(known),
                goodsUnder: goodsUnderOf((await loadAggregate(tx, streams.lotTitle(variance.lotId).id, lotTitleDecider)).state),
                actor: acting.actor.subject,
                at: acting.at,
              },
            },
            metadata: acting.metadata,
            outboxFor: this.varianceOutboxFor,
          });
        }
        if (variance.kind === 'missing_piece' && variance.bookLocationId) {
          const location = streams.location(variance.bookLocationId);
          await handleCommandIn(tx, {
            ...onStream(location),
            decider: locationDecider,
            command: {
              type: 'RemoveGoods',
              data: {
                locationId: variance.bookLocationId,
                orderId: stocktake.orderId,
                barcodes: [variance.barcode],
                actor: acting.actor.subject,
                at: acting.at,
              },
            },
            metadata: acting.metadata,
          });
        }
      }
      return { stocktakeId, version: handled.version, status: handled.state.status, variancesApplied: found.length };
    });
  }
}
