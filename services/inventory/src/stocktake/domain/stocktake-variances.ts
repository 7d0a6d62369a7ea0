import { judgeWeight } from '../../lot/domain/weight-tolerance';
import { BookEntry } from './stocktake.commands';
import { StocktakeVarianceFound } from './stocktake.events';
import { ScaleEvidence } from './variance-evidence';

export interface CountedPiece {
  readonly barcode: string;
  readonly locationId: string;
  readonly weighedKg: number | null;
  /** The signed scale reading `weighedKg` came from; null when typed by hand (or not weighed). */
  readonly reading?: ScaleEvidence | null;
}

type Variance = Omit<StocktakeVarianceFound['data'], 'stocktakeId' | 'orderId' | 'actor' | 'at'>;

/**
 * Compares the count with the book snapshot, piece by piece:
 * - in the book, not counted                    → missing_piece (book −1 piece, −its kg)
 * - counted, not in the book                    → unexpected_piece (no lot to book it to yet)
 * - counted in another slot than the book says  → misplaced_piece (stock unchanged; a move fixes it)
 * - weighed outside tolerance of the book kg    → weight_variance (book ± the difference), with the
 *   scale reading it was weighed by, if any
 * The tolerance is the stocktake's own when it names one, else the piece's lot's.
 * A piece can be both misplaced and off-weight. Variance ids are `<kind>:<barcode>`, unique
 * within a stocktake. Book pieces come first in book order, then unexpected ones in count order.
 */
export function findVariances(book: readonly BookEntry[], counted: readonly CountedPiece[], toleranceBps: number | null): Variance[] {
  // rule INV-STOCKTAKE-VARIANCES
  const counts = new Map(counted.map((piece) => [piece.barcode, piece]));
  const inBook = new Set(book.map((entry) => entry.barcode));
  const variances: Variance[] = [];
  const variance = (kind: Variance['kind'], reason: Variance['reason'], fields: Partial<Variance> & { barcode: string }): Variance => ({
    varianceId: `${kind}:${fields.barcode}`,
    kind,
    reason,
    lotId: null,
    owner: null,
    bookLocationId: null,
    countedLocationId: null,
    bookKg: null,
    countedKg: null,
    delta: { pieces: 0, kg: 0 },
    reading: null,
    ...fields,
  });
  for (const entry of book) {
    const { barcode, lotId, owner, locationId: bookLocationId, netKg: bookKg } = entry;
    const count = counts.get(barcode);
    if (!count) {
      variances.push(variance('missing_piece', 'not_counted', { barcode, lotId, owner, bookLocationId, bookKg, delta: { pieces: -1, kg: -bookKg } }));
      continue;
    }
    const seen = { barcode, lotId, owner, bookLocationId, countedLocationId: count.locationId, bookKg, countedKg: count.weighedKg };
    if (count.locationId !== bookLocationId) variances.push(variance('misplaced_piece', 'counted_elsewhere', seen));
    // validateBook makes every entry carry its lot's tolerance when the stocktake names none
    const tolerance = toleranceBps ?? entry.toleranceBps!;
    if (count.weighedKg !== null && !judgeWeight(bookKg, count.weighedKg, tolerance).withinTolerance) {
      const delta = { pieces: 0, kg: count.weighedKg - bookKg };
      variances.push(variance('weight_variance', 'weight_outside_tolerance', { ...seen, delta, reading: count.reading ?? null }));
    }
  }
  for (const count of counted) {
    if (!inBook.has(count.barcode)) {
      variances.push(variance('unexpected_piece', 'not_in_book', { barcode: count.barcode, countedLocationId: count.locationId, countedKg: count.weighedKg }));
    }
  }
  return variances;
}
