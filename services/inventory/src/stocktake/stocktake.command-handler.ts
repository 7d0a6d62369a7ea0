import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { handleCommandIn, loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { TopicNames, type Principal, type Acting } from '@dw/platform';
import { locationDecider } from '../location/domain/location.decider';
import { lotDecider } from '../lot/domain/lot.decider';
import { authorisedOrder, FloorOperations } from '../operation/floor-operations';
import type { OperationContext } from '../operation/operation-context';
import { stocktakeIdOf, streams } from '../shared/inventory.streams';
import { stockDecider } from '../stock/domain/stock.decider';
import { goodsUnderOf, lotTitleDecider } from '../registry/domain/lot-title.decider';
import type { WeighingReading } from '../lot/domain/weighing';
import type { BookEntry, StocktakeCommand } from './domain/stocktake.commands';
import { evidenceOf, stocktakeDecider, type Stocktake } from './domain/stocktake.decider';
import type { StocktakeEvent } from './domain/stocktake.events';
import { stocktakeOutbox } from './integration/stocktake-events.mapper';
import { stockVarianceOutbox } from './integration/stock-variance.mapper';

/**
 * A stocktake under a stocktake order (workflow plan → count → reconcile → confirm), of the
 * order owner's goods in the locations named. The book is snapshotted from the location streams
 * when the count starts; variances are facts of the stocktake, and only closing applies them to
 * the stock book, as new events with their explanations, never by overwriting it.
 */
@Injectable()
export class StocktakeCommandHandler {
  private readonly outbox: ReturnType<typeof stocktakeOutbox>;
  private readonly varianceOutboxFor: ReturnType<typeof stockVarianceOutbox>;

  constructor(
    private readonly floor: FloorOperations,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.outbox = stocktakeOutbox(topics, registry);
    this.varianceOutboxFor = stockVarianceOutbox(topics, registry);
  }

  start(orderId: string, request: { locationIds: string[]; toleranceBps?: number }, principal: Principal) {
    const context: OperationContext = { operation: 'count', subject: stocktakeIdOf(orderId), orderId };
    return this.floor.run(context, principal, async (tx, acting) => {
      const order = await authorisedOrder(tx, orderId, { operation: 'count', step: 'count' }, context);
      const book = await this.bookOf(tx, order.warehouse, order.owner, request.locationIds ?? []);
      const stocktakeId = stocktakeIdOf(orderId);
      const handled = await this.decide(
        tx,
        stocktakeId,
        {
          type: 'StartStocktake',
          data: {
            stocktakeId,
            orderId,
            warehouse: order.warehouse,
            locationIds: request.locationIds,
            book,
            toleranceBps: request.toleranceBps ?? null,
            actor: acting.actor,
            at: acting.at,
          },
        },
        acting,
      );
      return { stocktakeId, version: handled.version, bookPieces: book.length };
    });
  }

  count(stocktakeId: string, piece: { barcode: string; locationId: string; weighedKg: number | null }, principal: Principal) {
    return this.onStocktake(
      stocktakeId,
      'count',
      principal,
      (acting) => ({ type: 'CountPiece', data: { stocktakeId, ...piece, actor: acting.actor, at: acting.at } }),
      piece.barcode,
    );
  }

  /** A signed scale's reading of a counted piece: the platform verified the device, so the reading is the piece's weight evidence. */
  recordScaleReading(stocktakeId: string, reading: Omit<WeighingReading, 'source' | 'scaleId' | 'deviceVerified'>, scale: Principal) {
    // rule INV-VARIANCE-WEIGHT-EVIDENCE
    const signed: WeighingReading = { ...reading, source: 'scale', scaleId: scale.subject, deviceVerified: true };
    return this.onStocktake(
      stocktakeId,
      'count',
      scale,
      (acting) => ({ type: 'RecordCountWeighing', data: { stocktakeId, reading: signed, actor: acting.actor, at: acting.at } }),
      reading.readingId,
    );
  }

  finishCount(stocktakeId: string, principal: Principal) {
    return this.onStocktake(stocktakeId, 'count', principal, (acting) => ({ type: 'FinishCount', data: { stocktakeId, actor: acting.actor, at: acting.at } }));
  }

  explain(stocktakeId: string, varianceId: string, explanation: string, principal: Principal) {
    return this.onStocktake(
      stocktakeId,
      'reconcile',
      principal,
      (acting) => ({
        type: 'ExplainVariance',
        data: { stocktakeId, varianceId, explanation, actor: acting.actor, at: acting.at },
      }),
      varianceId,
    );
  }

  /** A manager's approval of a variance, with the reason: what lets a loss (or a weight typed by hand) change the book. */
  approve(stocktakeId: string, varianceId: string, reason: string, manager: Principal) {
    return this.onStocktake(
      stocktakeId,
      'reconcile',
      manager,
      (acting) => ({ type: 'ApproveVariance', data: { stocktakeId, varianceId, reason, actor: acting.actor, at: acting.at } }),
      varianceId,
    );
  }

  /**
   * Closes the stocktake and corrects the book in the same transaction: each variance with a
   * change to a lot's stock is applied with its explanations as the reason and published
   * (StockVarianceApplied, and StockShortfallDetected for a loss), and a missing piece
   * leaves its location. Only a variance with its evidence is applied (a loss approved by a
   * manager, a gain weighed on a signed scale or approved): closing is refused until each has it.
   * A loss larger than what is unheld is refused (INSUFFICIENT_AVAILABLE)
   * until the hold is released: the stocktake then stays open, its variances on record.
   */
  close(stocktakeId: string, principal: Principal) {
    const context: OperationContext = { operation: 'count', subject: stocktakeId };
    return this.floor.run(context, principal, async (tx, acting) => {
      const stocktake = await this.stocktakeOf(tx, stocktakeId, context);
      await authorisedOrder(tx, stocktake.orderId, { operation: 'count', step: 'reconcile' }, context);
      const handled = await this.decide(tx, stocktakeId, { type: 'CloseStocktake', data: { stocktakeId, actor: acting.actor, at: acting.at } }, acting);
      const found = (await tx.readStream<StocktakeEvent>(streams.stocktake(stocktakeId).id))
        .map((event) => ({ type: event.type, data: event.data }) as StocktakeEvent)
        .flatMap((event) => (event.type === 'StocktakeVarianceFound' ? [event.data] : []));
      for (const variance of found) {
        const known = stocktake.variances[variance.varianceId]!;
        if (variance.lotId && (variance.delta.pieces !== 0 || variance.delta.kg !== 0)) {
          const stock = streams.stock(variance.lotId);
          await handleCommandIn(tx, {
            streamId: stock.id,
            streamType: stock.type,
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
                actor: acting.actor,
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
            streamId: location.id,
            streamType: location.type,
            decider: locationDecider,
            command: {
              type: 'RemoveGoods',
              data: { locationId: variance.bookLocationId, orderId: stocktake.orderId, barcodes: [variance.barcode], actor: acting.actor, at: acting.at },
            },
            metadata: acting.metadata,
          });
        }
      }
      return { stocktakeId, version: handled.version, status: handled.state.status, variancesApplied: found.length };
    });
  }

  private onStocktake(
    stocktakeId: string,
    step: 'count' | 'reconcile',
    principal: Principal,
    command: (acting: Acting) => StocktakeCommand,
    subject = stocktakeId,
  ) {
    const context: OperationContext = { operation: 'count', subject };
    return this.floor.run(context, principal, async (tx, acting) => {
      const stocktake = await this.stocktakeOf(tx, stocktakeId, context);
      await authorisedOrder(tx, stocktake.orderId, { operation: 'count', step }, context);
      const handled = await this.decide(tx, stocktakeId, command(acting), acting);
      return { stocktakeId, version: handled.version, status: handled.state.status };
    });
  }

  private async stocktakeOf(tx: EventStoreTransaction, stocktakeId: string, context: OperationContext): Promise<Stocktake> {
    const { state } = await loadAggregate(tx, streams.stocktake(stocktakeId).id, stocktakeDecider);
    if (state.status === 'none') throw refuse.notFound('STOCKTAKE_NOT_FOUND', `no stocktake ${stocktakeId}`, { stocktakeId });
    Object.assign(context, { orderId: state.orderId, warehouse: state.warehouse });
    return state;
  }

  /**
   * The owner's pieces in the locations, as their streams hold them now: the book the count is
   * measured against, each piece with its lot's weight tolerance.
   */
  private async bookOf(tx: EventStoreTransaction, warehouse: string, owner: string, locationIds: readonly string[]): Promise<BookEntry[]> {
    const lots = new Map<string, { owner: string; toleranceBps?: number }>();
    const book: BookEntry[] = [];
    for (const locationId of locationIds) {
      const { state: location } = await loadAggregate(tx, streams.location(String(locationId)).id, locationDecider);
      if (location.status === 'none') throw refuse.notFound('LOCATION_NOT_FOUND', `no location ${locationId}`, { locationId });
      if (location.warehouse !== warehouse) {
        throw refuse.conflict('LOCATION_IN_OTHER_WAREHOUSE', `location ${locationId} is in ${location.warehouse}`, {
          locationWarehouse: location.warehouse,
          warehouse,
        });
      }
      for (const piece of Object.values(location.pieces)) {
        if (!lots.has(piece.lotId)) {
          const { state: lot } = await loadAggregate(tx, streams.lot(piece.lotId).id, lotDecider);
          lots.set(piece.lotId, lot.status === 'none' ? { owner: '' } : { owner: lot.owner, toleranceBps: lot.toleranceBps });
        }
        const lot = lots.get(piece.lotId)!;
        if (lot.owner === owner) {
          book.push({ barcode: piece.barcode, lotId: piece.lotId, owner, locationId: location.locationId, netKg: piece.netKg, toleranceBps: lot.toleranceBps });
        }
      }
    }
    return book;
  }

  private decide(tx: EventStoreTransaction, stocktakeId: string, command: StocktakeCommand, acting: Acting) {
    const stream = streams.stocktake(stocktakeId);
    return handleCommandIn(tx, {
      streamId: stream.id,
      streamType: stream.type,
      decider: stocktakeDecider,
      command,
      metadata: acting.metadata,
      outbox: this.outbox,
    });
  }
}
