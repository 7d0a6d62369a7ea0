import { Command } from '@dw/kernel';

/** `actor` and `at` (ISO instant) come from the caller and the Clock. */
interface Stamped {
  readonly stocktakeId: string;
  readonly actor: string;
  readonly at: string;
}

/** A piece as the book (the stock read model) says it is when the count starts. */
export interface BookEntry {
  readonly barcode: string;
  readonly lotId: string;
  readonly owner: string;
  readonly locationId: string;
  readonly netKg: number;
}

/**
 * Starts a count of `locationIds` under a stocktake order, freezing the book of those locations
 * as it stands now: variances are measured against this snapshot, never by changing it.
 */
export type StartStocktake = Command<
  'StartStocktake',
  Stamped & {
    readonly orderId: string;
    readonly warehouse: string;
    readonly locationIds: readonly string[];
    readonly book: readonly BookEntry[];
    /** Weight differences within this many basis points of the book weight are scale noise. */
    readonly toleranceBps: number;
  }
>;

/** One scan during the count; `weighedKg` when the piece was put on a scale, else null. */
export type CountPiece = Command<'CountPiece', Stamped & { readonly barcode: string; readonly locationId: string; readonly weighedKg: number | null }>;

export type FinishCount = Command<'FinishCount', Stamped>;

/** Records why a variance happened. A later explanation is added, never written over the first. */
export type ExplainVariance = Command<'ExplainVariance', Stamped & { readonly varianceId: string; readonly explanation: string }>;

export type CloseStocktake = Command<'CloseStocktake', Stamped>;

export type StocktakeCommand = StartStocktake | CountPiece | FinishCount | ExplainVariance | CloseStocktake;
