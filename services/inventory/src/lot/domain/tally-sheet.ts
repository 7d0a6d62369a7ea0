import { standardNameOf } from '../../commodity/domain/standard-commodity';
import { Lot } from './lot.state';

/**
 * The tally sheet (码单) of a lot, derived from its scans and weighings, never typed: one line per
 * piece in scan order with its barcode and, once weighed, its weight.
 */
export interface TallySheet {
  readonly lotId: string;
  readonly orderId: string;
  readonly owner: string;
  readonly commodity: string;
  readonly lines: readonly {
    readonly line: number;
    readonly barcode: string;
    readonly kind: string;
    readonly productionDate: string;
    readonly netKg: number | null;
    readonly weighedAs: 'piece' | 'vehicle_share' | null;
    readonly readingId: string | null;
    readonly locationId: string | null;
  }[];
  readonly totals: { readonly pieces: number; readonly weighedPieces: number; readonly netKg: number };
}

export function tallySheetOf(lot: Lot): TallySheet {
  // rule INV-TALLY-SHEET-DERIVED
  const weighed = lot.pieces.filter((piece) => piece.netKg !== null);
  return {
    lotId: lot.lotId,
    orderId: lot.orderId,
    owner: lot.owner,
    commodity: standardNameOf(lot.commodity),
    lines: lot.pieces.map((piece, index) => ({
      line: index + 1,
      barcode: piece.barcode,
      kind: piece.kind,
      productionDate: piece.productionDate,
      netKg: piece.netKg,
      weighedAs: piece.weighedAs,
      readingId: piece.readingId,
      locationId: piece.locationId,
    })),
    totals: { pieces: lot.pieces.length, weighedPieces: weighed.length, netKg: weighed.reduce((sum, piece) => sum + piece.netKg!, 0) },
  };
}
