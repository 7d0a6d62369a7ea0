import { refuse } from '@dw/kernel';
import { LocationEvent } from './location.events';
import { locationDecider, LocationState } from './location.decider';

/**
 * A move between two locations under a move order, decided on both streams together: the goods
 * leave the source only if the target can take them. The handler appends both results in one
 * transaction, so no piece is ever out of one slot and in none.
 */
export function decideMove(
  source: LocationState,
  target: LocationState,
  move: { readonly orderId: string; readonly barcodes: readonly string[]; readonly actor: string; readonly at: string },
): { source: LocationEvent[]; target: LocationEvent[] } {
  // rules INV-LOCATION-SAME-WAREHOUSE, INV-MOVE-ATOMIC
  if (source.status === 'none' || target.status === 'none') throw refuse.notFound('LOCATION_NOT_FOUND', 'both locations of a move must exist');
  if (source.locationId === target.locationId) {
    throw refuse.invalid('MOVE_TO_SAME_LOCATION', `goods are already at ${source.locationId}`, 'toLocationId', { locationId: source.locationId });
  }
  if (source.warehouse !== target.warehouse) {
    throw refuse.conflict('LOCATION_IN_OTHER_WAREHOUSE', 'a move stays within one warehouse', {
      locationWarehouse: target.warehouse,
      warehouse: source.warehouse,
    });
  }
  const { orderId, barcodes, actor, at } = move;
  const out = locationDecider.decide(
    { type: 'MoveGoodsOut', data: { locationId: source.locationId, toLocationId: target.locationId, orderId, barcodes, actor, at } },
    source,
  );
  const pieces = out.flatMap((event) => (event.type === 'GoodsMovedOut' ? event.data.pieces : []));
  const into = locationDecider.decide(
    { type: 'MoveGoodsIn', data: { locationId: target.locationId, fromLocationId: source.locationId, orderId, pieces, actor, at } },
    target,
  );
  return { source: out, target: into };
}
