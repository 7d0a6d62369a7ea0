import { AreaKind } from '../../location/domain/location.commands';
import { StandardCommodity } from '../../commodity/domain/standard-commodity';
import { PieceKind } from './lot.commands';
import { LotEvent } from './lot.events';

export interface Piece {
  readonly barcode: string;
  readonly kind: PieceKind;
  readonly productionDate: string;
  /** Null until weighed; for a vehicle weighing, the piece's even share of the vehicle's net. */
  readonly netKg: number | null;
  readonly readingId: string | null;
  readonly weighedAs: 'piece' | 'vehicle_share' | null;
  readonly locationId: string | null;
  /** The kind of area of its location, when the put-away recorded it. */
  readonly areaKind?: AreaKind;
  readonly scannedBy: string;
  readonly scannedAt: string;
}

export interface Lot {
  readonly status: 'receiving' | 'available' | 'rejected';
  readonly lotId: string;
  readonly orderId: string;
  readonly warehouse: string;
  readonly owner: string;
  readonly commodity: StandardCommodity;
  readonly expectedPieces: number;
  readonly expectedKg: number;
  readonly scaleReadingRequired: boolean;
  readonly inspectionRequired: boolean;
  readonly toleranceBps: number;
  /** In the order they were scanned. */
  readonly pieces: readonly Piece[];
  readonly readingIds: readonly string[];
  readonly tallyFinished: boolean;
  readonly weighed: { readonly netKg: number; readonly withinTolerance: boolean } | null;
  readonly inspection: { readonly reportRef: string; readonly result: 'passed' | 'failed' } | null;
}

export type LotState = { readonly status: 'none' } | Lot;

export const initialLotState = (): LotState => ({ status: 'none' });

export function evolveLot(state: LotState, event: LotEvent): LotState {
  if (event.type === 'LotOpened') {
    const { lotId, orderId, warehouse, owner, commodity, expectedPieces, expectedKg, scaleReadingRequired, inspectionRequired, toleranceBps } = event.data;
    return {
      status: 'receiving',
      lotId,
      orderId,
      warehouse,
      owner,
      commodity,
      expectedPieces,
      expectedKg,
      scaleReadingRequired,
      inspectionRequired,
      toleranceBps,
      pieces: [],
      readingIds: [],
      tallyFinished: false,
      weighed: null,
      inspection: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PieceScanned': {
      const { barcode, kind, productionDate, actor, at } = event.data;
      const piece: Piece = { barcode, kind, productionDate, netKg: null, readingId: null, weighedAs: null, locationId: null, scannedBy: actor, scannedAt: at };
      return { ...state, pieces: [...state.pieces, piece] };
    }
    case 'TallyFinished':
      return { ...state, tallyFinished: true };
    case 'WeighingRecorded': {
      const shares = new Map(event.data.shares.map((share) => [share.barcode, share.netKg]));
      const weighedAs = event.data.subject.kind === 'piece' ? 'piece' : 'vehicle_share';
      return {
        ...state,
        readingIds: [...state.readingIds, event.data.readingId],
        pieces: state.pieces.map((piece) =>
          shares.has(piece.barcode) ? { ...piece, netKg: shares.get(piece.barcode)!, readingId: event.data.readingId, weighedAs } : piece,
        ),
      };
    }
    case 'LotWeighed':
      return { ...state, weighed: { netKg: event.data.netKg, withinTolerance: event.data.withinTolerance } };
    case 'WeightToleranceExceeded':
      return state; // an alarm; LotWeighed already carries the verdict
    case 'LotInspected':
      return { ...state, inspection: { reportRef: event.data.reportRef, result: event.data.result } };
    case 'PiecesPutAway': {
      const placed = new Set(event.data.pieces.map((piece) => piece.barcode));
      const { locationId, areaKind } = event.data;
      const at = areaKind ? { locationId, areaKind } : { locationId };
      return { ...state, pieces: state.pieces.map((piece) => (placed.has(piece.barcode) ? { ...piece, ...at } : piece)) };
    }
    case 'LotBecameAvailable':
      return { ...state, status: 'available' };
    case 'LotRejected':
      return { ...state, status: 'rejected' };
  }
}
