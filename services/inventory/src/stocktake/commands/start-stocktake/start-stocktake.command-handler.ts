import { Inject, Injectable } from '@nestjs/common';
import { loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import type { Caller } from '@dw/platform';
import { locationDecider } from '../../../location/domain/location.decider';
import { lotDecider } from '../../../lot/domain/lot.decider';
import { authorisedOrder } from '../../../operation/floor-operations';
import type { OperationContext } from '../../../operation/operation-context';
import { stocktakeIdOf, streams } from '../../../shared/inventory.streams';
import type { BookEntry } from '../../domain/stocktake.commands';
import { StocktakeFloorWork } from '../stocktake-floor-work';

/**
 * Starts the stocktake of a stocktake order (workflow plan → count → reconcile → confirm), of the
 * order owner's goods in the locations named, at the order's count step. The book is snapshotted
 * from the location streams now: the count is measured against it, never by changing it.
 */
@Injectable()
export class StartStocktakeCommandHandler {
  constructor(@Inject(StocktakeFloorWork) private readonly stocktakes: StocktakeFloorWork) {}

  execute(orderId: string, request: { locationIds: string[]; toleranceBps?: number }, caller: Caller) {
    const context: OperationContext = { operation: 'count', subject: stocktakeIdOf(orderId), orderId };
    return this.stocktakes.floor.run(context, caller, async (tx, acting) => {
      const order = await authorisedOrder(tx, orderId, { operation: 'count', step: 'count' }, context);
      const book = await bookOf(tx, order.warehouse, order.owner, request.locationIds ?? []);
      const stocktakeId = stocktakeIdOf(orderId);
      const handled = await this.stocktakes.decide(
        tx,
        stocktakeId,
        {
          type: 'StartStocktake',
          data: {
            stocktakeId,
            orderId,
            warehouse: order.warehouse,
            owner: order.owner,
            locationIds: request.locationIds,
            book,
            toleranceBps: request.toleranceBps ?? null,
            actor: acting.actor.subject,
            at: acting.at,
          },
        },
        acting,
      );
      return { stocktakeId, version: handled.version, bookPieces: book.length };
    });
  }
}

/**
 * The owner's pieces in the locations, as their streams hold them now: the book the count is
 * measured against, each piece with its lot's weight tolerance.
 */
async function bookOf(tx: EventStoreTransaction, warehouse: string, owner: string, locationIds: readonly string[]): Promise<BookEntry[]> {
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
