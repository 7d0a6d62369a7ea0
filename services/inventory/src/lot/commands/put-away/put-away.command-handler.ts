import { Injectable } from '@nestjs/common';
import { handleCommandIn, loadAggregate } from '@dw/event-store';
import type { Caller } from '@dw/platform';
import { locationDecider } from '../../../location/domain/location.decider';
import { authorisedOrder, FloorOperations } from '../../../operation/floor-operations';
import type { OperationContext } from '../../../operation/operation-context';
import { onStream, streams } from '../../../shared/inventory.streams';
import type { Lot } from '../../domain/lot.state';
import { LotOperations, type LotCommandData } from '../../lot-operations';

/**
 * Places pieces of the lot at a location: the lot records where they are, the location checks its
 * capacity. One floor operation: the order's authorisation (at put_away, for the location's
 * warehouse and the lot's owner), the lot's decision and the location's in one transaction.
 */
@Injectable()
export class PutAwayCommandHandler {
  constructor(
    private readonly floor: FloorOperations,
    private readonly lots: LotOperations,
  ) {}

  execute(lotId: string, placement: LotCommandData<'PutAwayPieces'>, caller: Caller) {
    const context: OperationContext = { operation: 'put_away', subject: String(placement.locationId) };
    return this.floor.run(context, caller, async (tx, acting) => {
      const lot = await this.lots.lotOf(tx, lotId, context);
      const location = streams.location(String(placement.locationId));
      const { state: place } = await loadAggregate(tx, location.id, locationDecider);
      // The location's warehouse is the one the goods go into; the order must authorise that one.
      const warehouse = place.status === 'none' ? lot.warehouse : place.warehouse;
      await authorisedOrder(tx, lot.orderId, { operation: 'put_away', step: 'put_away', warehouse, owner: lot.owner }, context);
      const handled = await this.lots.decideIn(
        tx,
        lotId,
        {
          type: 'PutAwayPieces',
          // The area's kind goes with the pieces, so the lot's facts say how storage is priced (billing).
          data: { ...placement, lotId, ...(place.status === 'defined' ? { areaKind: place.area.kind } : {}), actor: acting.actor.subject, at: acting.at },
        },
        acting,
      );
      const placed = handled.appended!.events.flatMap((event) =>
        event.type === 'PiecesPutAway' ? (event.data as { pieces: { barcode: string; netKg: number }[] }).pieces : [],
      );
      await handleCommandIn(tx, {
        ...onStream(location),
        decider: locationDecider,
        command: {
          type: 'PutAwayGoods',
          data: {
            locationId: placement.locationId,
            warehouse: lot.warehouse,
            orderId: lot.orderId,
            lotId,
            pieces: placed,
            actor: acting.actor.subject,
            at: acting.at,
          },
        },
        metadata: acting.metadata,
      });
      const after = handled.state as Lot;
      return { lotId, version: handled.version, placed: placed.length, unplaced: after.pieces.filter((piece) => piece.locationId === null).length };
    });
  }
}
