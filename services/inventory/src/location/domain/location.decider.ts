import { Decider, kg, refuse, requireDistinctList, requireOneOf, requirePositiveInteger, requireText, unhandledCommand } from '@dw/kernel';
import { validateBarcode } from '../../barcode/domain/barcode';
import { AREA_KINDS, AreaKind, LocationCommand, StoredPiece } from './location.commands';
import { LocationEvent } from './location.events';

export interface Location {
  readonly status: 'defined';
  readonly locationId: string;
  readonly warehouse: string;
  readonly area: { readonly kind: AreaKind; readonly name: string };
  readonly row: string;
  readonly slot: string;
  readonly capacityKg: number | null;
  readonly capacityPieces: number | null;
  /** barcode → piece, for the pieces at the location now. */
  readonly pieces: Readonly<Record<string, StoredPiece>>;
  readonly usedKg: number;
  readonly usedPieces: number;
}

export type LocationState = { readonly status: 'none' } | Location;

/**
 * One stream per location. Capacity is checked where goods arrive (put-away, move in), so a
 * location's used kg and pieces never exceed what it holds; a move is decided on both locations
 * at once (see decideMove) so goods never leave one slot for a slot that cannot take them.
 */
export const locationDecider: Decider<LocationCommand, LocationState, LocationEvent> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    if (event.type === 'LocationDefined') {
      const { locationId, warehouse, area, row, slot, capacityKg, capacityPieces } = event.data;
      return { status: 'defined', locationId, warehouse, area, row, slot, capacityKg, capacityPieces, pieces: {}, usedKg: 0, usedPieces: 0 };
    }
    if (state.status === 'none') return state;
    if (event.type === 'GoodsPutAway' || event.type === 'GoodsMovedIn') {
      const pieces = { ...state.pieces };
      for (const piece of event.data.pieces) pieces[piece.barcode] = piece;
      return { ...state, pieces, usedKg: state.usedKg + event.data.netKg, usedPieces: state.usedPieces + event.data.pieces.length };
    }
    const pieces = { ...state.pieces };
    for (const piece of event.data.pieces) delete pieces[piece.barcode];
    return { ...state, pieces, usedKg: state.usedKg - event.data.netKg, usedPieces: state.usedPieces - event.data.pieces.length };
  },

  decide(command, state) {
    const { actor, at } = command.data;
    if (command.type === 'DefineLocation') {
      if (state.status !== 'none') throw refuse.conflict('LOCATION_EXISTS', `location ${state.locationId} already exists`);
      // An absent capacity (undefined from JSON) means none in that unit, like null.
      const capacityKg = command.data.capacityKg ?? null;
      const capacityPieces = command.data.capacityPieces ?? null;
      // rule INV-LOCATION-CAPACITY: a location holds a known amount, in kg, pieces or both
      if (capacityKg === null && capacityPieces === null) {
        throw refuse.invalid('LOCATION_CAPACITY_REQUIRED', 'a location needs a capacity in kg, in pieces, or both', 'capacityKg');
      }
      return [
        {
          type: 'LocationDefined',
          data: {
            locationId: requireText(command.data.locationId, 'locationId'),
            warehouse: requireText(command.data.warehouse, 'warehouse'),
            area: { kind: requireOneOf(command.data.area?.kind, AREA_KINDS, 'area.kind'), name: requireText(command.data.area?.name, 'area.name') },
            row: requireText(command.data.row, 'row'),
            slot: requireText(command.data.slot, 'slot'),
            capacityKg: capacityKg === null ? null : requirePositiveInteger(capacityKg, 'capacityKg'),
            capacityPieces: capacityPieces === null ? null : requirePositiveInteger(capacityPieces, 'capacityPieces'),
            actor,
            at,
          },
        },
      ];
    }
    const location = defined(state);
    switch (command.type) {
      case 'PutAwayGoods': {
        // rule INV-LOCATION-SAME-WAREHOUSE
        if (requireText(command.data.warehouse, 'warehouse') !== location.warehouse) {
          throw refuse.conflict('LOCATION_IN_OTHER_WAREHOUSE', `location ${location.locationId} is in ${location.warehouse}`, {
            locationWarehouse: location.warehouse,
            warehouse: command.data.warehouse,
          });
        }
        const lotId = requireText(command.data.lotId, 'lotId');
        const pieces = arriving(
          location,
          command.data.pieces.map((piece) => ({ ...piece, lotId })),
        );
        return [
          {
            type: 'GoodsPutAway',
            data: { locationId: location.locationId, orderId: requireText(command.data.orderId, 'orderId'), lotId, pieces, netKg: totalKg(pieces), actor, at },
          },
        ];
      }
      case 'MoveGoodsIn': {
        const pieces = arriving(location, command.data.pieces);
        const fromLocationId = requireText(command.data.fromLocationId, 'fromLocationId');
        return [
          {
            type: 'GoodsMovedIn',
            data: {
              locationId: location.locationId,
              orderId: requireText(command.data.orderId, 'orderId'),
              fromLocationId,
              pieces,
              netKg: totalKg(pieces),
              actor,
              at,
            },
          },
        ];
      }
      case 'MoveGoodsOut': {
        const pieces = leaving(location, command.data.barcodes);
        const toLocationId = requireText(command.data.toLocationId, 'toLocationId');
        return [
          {
            type: 'GoodsMovedOut',
            data: {
              locationId: location.locationId,
              orderId: requireText(command.data.orderId, 'orderId'),
              toLocationId,
              pieces,
              netKg: totalKg(pieces),
              actor,
              at,
            },
          },
        ];
      }
      case 'RemoveGoods': {
        const pieces = leaving(location, command.data.barcodes);
        return [
          {
            type: 'GoodsRemoved',
            data: { locationId: location.locationId, orderId: requireText(command.data.orderId, 'orderId'), pieces, netKg: totalKg(pieces), actor, at },
          },
        ];
      }
      default:
        return unhandledCommand(command);
    }
  },
};

/** Validates arriving pieces and refuses them when the location cannot take them all. */
function arriving(location: Location, incoming: readonly StoredPiece[]): StoredPiece[] {
  requireDistinctList(
    (incoming ?? []).map((piece) => piece.barcode),
    'pieces',
  );
  const pieces = incoming.map((piece, i) => {
    const barcode = validateBarcode(piece.barcode, `pieces[${i}].barcode`);
    if (location.pieces[barcode]) {
      throw refuse.conflict('PIECE_ALREADY_AT_LOCATION', `piece ${barcode} is already at ${location.locationId}`, { barcode });
    }
    return {
      barcode,
      lotId: requireText(piece.lotId, `pieces[${i}].lotId`),
      netKg: requirePositiveInteger(kg(piece.netKg, { field: `pieces[${i}].netKg` }), `pieces[${i}].netKg`),
    };
  });
  checkCapacity(location, 'kg', location.capacityKg, location.usedKg, totalKg(pieces));
  checkCapacity(location, 'pieces', location.capacityPieces, location.usedPieces, pieces.length);
  return pieces;
}

function checkCapacity(location: Location, unit: 'kg' | 'pieces', capacity: number | null, used: number, asked: number): void {
  // rule INV-LOCATION-CAPACITY
  if (capacity !== null && used + asked > capacity) {
    throw refuse.conflict('LOCATION_CAPACITY_EXCEEDED', `location ${location.locationId} holds ${capacity} ${unit}, has ${used}, cannot take ${asked} more`, {
      locationId: location.locationId,
      unit,
      capacity,
      used,
      asked,
    });
  }
}

function leaving(location: Location, barcodes: readonly string[]): StoredPiece[] {
  return requireDistinctList(barcodes, 'barcodes').map((barcode) => {
    const piece = location.pieces[barcode];
    if (!piece)
      throw refuse.conflict('PIECE_NOT_AT_LOCATION', `piece ${barcode} is not at ${location.locationId}`, { barcode, locationId: location.locationId });
    return piece;
  });
}

function totalKg(pieces: readonly StoredPiece[]): number {
  return pieces.reduce((sum, piece) => sum + piece.netKg, 0);
}

function defined(state: LocationState): Location {
  if (state.status === 'none') throw refuse.notFound('LOCATION_NOT_FOUND', 'no such location');
  return state;
}
