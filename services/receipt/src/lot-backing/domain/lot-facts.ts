import { LocalDate, localDate, refuse, requireText } from '@dw/kernel';
import { assertWeightKg } from '../../common/domain/weight-kg';

/**
 * What the inventory service tells us about a lot when it becomes available (its
 * `LotBecameAvailable` event): standard commodity names, pieces, net weight, production dates,
 * where it lies and whose it is. A lot is whole for receipts: it backs one receipt or none.
 */
export interface LotFacts {
  readonly lotId: string;
  readonly commodity: string;
  readonly brand: string;
  /** '' when the commodity has no grades. */
  readonly grade: string;
  readonly warehouseId: string;
  readonly location: string;
  readonly pieces: number;
  readonly weightKg: number;
  /** Sorted, without repeats. */
  readonly productionDates: readonly LocalDate[];
  /** The storage card of the lot's owner. */
  readonly ownerCard: string;
  /** Inventory's inspection report (质检报告) of the lot; '' when its inbound workflow had no inspection. */
  readonly inspectionReportRef: string;
}

/** The same facts as received, dates still unvalidated text. */
export type LotFactsInput = Omit<LotFacts, 'productionDates'> & { readonly productionDates: readonly string[] };

export function assertLotFacts(input: LotFactsInput, field = 'lot'): LotFacts {
  // rule RCPT-LOT-FROM-INVENTORY
  const pieces = input.pieces;
  if (!Number.isSafeInteger(pieces) || pieces < 1) {
    throw refuse.invalid('INVALID_PIECES', `${field}.pieces must be a whole number, at least 1`, `${field}.pieces`, { value: pieces });
  }
  if (!Array.isArray(input.productionDates) || input.productionDates.length === 0) {
    throw refuse.invalid('PRODUCTION_DATES_REQUIRED', `${field} states the production dates of its goods`, `${field}.productionDates`);
  }
  const productionDates = [...new Set(input.productionDates.map((date, i) => localDate(date, `${field}.productionDates[${i}]`)))].sort();
  return {
    lotId: requireText(input.lotId, `${field}.lotId`),
    commodity: requireText(input.commodity, `${field}.commodity`),
    brand: requireText(input.brand, `${field}.brand`),
    // Inventory states '' for a commodity without grades: the lot is a fact all the same; it
    // simply cannot back a standard receipt, whose application names a grade (LOT_SPEC_MISMATCH).
    grade: optionalText(input.grade, `${field}.grade`),
    warehouseId: requireText(input.warehouseId, `${field}.warehouseId`),
    location: requireText(input.location, `${field}.location`),
    pieces,
    weightKg: assertWeightKg(input.weightKg, `${field}.weightKg`),
    productionDates,
    ownerCard: requireText(input.ownerCard, `${field}.ownerCard`),
    // '' is a fact too (an inbound without inspection); such a lot cannot back a receipt (LOT_NOT_INSPECTED).
    inspectionReportRef: optionalText(input.inspectionReportRef, `${field}.inspectionReportRef`),
  };
}

function optionalText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw refuse.invalid('FIELD_REQUIRED', `${field} must be text ('' when there is none)`, field);
  return value;
}
