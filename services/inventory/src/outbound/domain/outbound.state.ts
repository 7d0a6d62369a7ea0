import type { Entitlement } from './outbound.commands';
import type { LoadedOut, LoadWeighed, OutboundEvent } from './outbound.events';

export interface PickedPiece {
  readonly barcode: string;
  readonly lotId: string;
  readonly bookKg: number;
  readonly pickedBy: string;
  readonly pickedAt: string;
}

export interface Outbound {
  readonly status: 'open' | 'finished';
  readonly orderId: string;
  readonly warehouse: string;
  readonly owner: string;
  readonly ownerParty: string;
  readonly commodity: string;
  readonly entitlement: Entitlement | null;
  readonly scaleReadingRequired: boolean;
  /** The load being prepared: picked, not yet shipped, in pick order. */
  readonly picked: readonly PickedPiece[];
  /** The current load's weighing, once it has been on the scale. */
  readonly weighing: LoadWeighed['data'] | null;
  /** Every piece shipped under the order, with its load. */
  readonly shipped: readonly (PickedPiece & { readonly loadNo: number })[];
  readonly loads: readonly LoadedOut['data'][];
  /** Every reading recorded under the order, a voided one included: a reading is recorded once. */
  readonly readingIds: readonly string[];
}

export type OutboundState = { readonly status: 'none' } | Outbound;

export const initialOutboundState = (): OutboundState => ({ status: 'none' });

export function evolveOutbound(state: OutboundState, event: OutboundEvent): OutboundState {
  if (event.type === 'OutboundOpened') {
    const { orderId, warehouse, owner, ownerParty, commodity, entitlement, scaleReadingRequired } = event.data;
    return {
      status: 'open',
      orderId,
      warehouse,
      owner,
      ownerParty,
      commodity,
      entitlement,
      scaleReadingRequired,
      picked: [],
      weighing: null,
      shipped: [],
      loads: [],
      readingIds: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OutboundPiecePicked': {
      const { barcode, lotId, bookKg, actor, at } = event.data;
      return { ...state, picked: [...state.picked, { barcode, lotId, bookKg, pickedBy: actor, pickedAt: at }] };
    }
    case 'OutboundPieceUnpicked':
      return {
        ...state,
        picked: state.picked.filter((piece) => piece.barcode !== event.data.barcode),
        weighing: event.data.voidedWeighing ? null : state.weighing,
      };
    case 'LoadWeighed':
      return { ...state, weighing: event.data, readingIds: [...state.readingIds, event.data.readingId] };
    case 'LoadedOut':
      return {
        ...state,
        shipped: [...state.shipped, ...state.picked.map((piece) => ({ ...piece, loadNo: event.data.loadNo }))],
        picked: [],
        weighing: null,
        loads: [...state.loads, event.data],
      };
    case 'OutboundFinished':
      return { ...state, status: 'finished' };
  }
}
