import { Command } from '@dw/kernel';
import type { WeighingReading } from '../../lot/domain/weighing';

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
  /**
   * The weight tolerance of the piece's lot (its commodity's, in force when the lot was opened);
   * absent in snapshots taken before lots carried it.
   */
  readonly toleranceBps?: number;
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
    /** The storage card whose goods are counted: the order's owner. */
    readonly owner: string;
    readonly locationIds: readonly string[];
    readonly book: readonly BookEntry[];
    /**
     * Weight differences within this many basis points of the book weight are scale noise; null
     * judges each piece by its own lot's tolerance (`BookEntry.toleranceBps`).
     */
    readonly toleranceBps: number | null;
  }
>;

/** One scan during the count; `weighedKg` when the piece was put on a scale, else null. */
export type CountPiece = Command<'CountPiece', Stamped & { readonly barcode: string; readonly locationId: string; readonly weighedKg: number | null }>;

/**
 * A signed scale's reading of a counted piece during the count (the platform verified the device
 * and the handler sets `deviceVerified`): the piece's counted weight becomes the scale's net, with
 * the reading as its evidence.
 */
export type RecordCountWeighing = Command<'RecordCountWeighing', Stamped & { readonly reading: WeighingReading }>;

export type FinishCount = Command<'FinishCount', Stamped>;

/** Records why a variance happened. A later explanation is added, never written over the first. */
export type ExplainVariance = Command<'ExplainVariance', Stamped & { readonly varianceId: string; readonly explanation: string }>;

/** A manager approves a variance with a reason (`actor` is the approver), so closing may apply it to the book. */
export type ApproveVariance = Command<'ApproveVariance', Stamped & { readonly varianceId: string; readonly reason: string }>;

export type CloseStocktake = Command<'CloseStocktake', Stamped>;

export type StocktakeCommand = StartStocktake | CountPiece | RecordCountWeighing | FinishCount | ExplainVariance | ApproveVariance | CloseStocktake;
