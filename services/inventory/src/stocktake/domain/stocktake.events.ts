import { DomainEvent } from '@dw/kernel';
import { Quantity } from '../../stock/domain/quantity';
import { PieceShare } from '../../lot/domain/weighing';
import { BookEntry } from './stocktake.commands';
import { ScaleEvidence } from './variance-evidence';

interface Stamped {
  readonly stocktakeId: string;
  readonly orderId: string;
  readonly actor: string;
  readonly at: string;
}

export type StocktakeStarted = DomainEvent<
  'StocktakeStarted',
  Stamped & {
    readonly warehouse: string;
    /** The storage card whose goods are counted (the order's owner); absent in events recorded before stocktakes named it. */
    readonly owner?: string;
    readonly locationIds: readonly string[];
    readonly book: readonly BookEntry[];
    readonly toleranceBps: number | null;
  }
>;

export type PieceCounted = DomainEvent<'PieceCounted', Stamped & { readonly barcode: string; readonly locationId: string; readonly weighedKg: number | null }>;

/** A signed scale weighed counted pieces: each one's counted weight is its share of the net. */
export type CountedPiecesWeighed = DomainEvent<
  'CountedPiecesWeighed',
  Stamped & { readonly readingId: string; readonly scaleId: string; readonly pieces: readonly PieceShare[]; readonly weighedAt: string }
>;

export type StocktakeCountFinished = DomainEvent<
  'StocktakeCountFinished',
  Stamped & { readonly bookPieces: number; readonly countedPieces: number; readonly variances: number }
>;

export const VARIANCE_KINDS = ['missing_piece', 'unexpected_piece', 'misplaced_piece', 'weight_variance'] as const;
export type VarianceKind = (typeof VARIANCE_KINDS)[number];

/**
 * A difference between book and count, as found. `reason` says what was observed; `delta` is
 * what the lot's stock book would change by if the variance is applied (nothing for a piece in
 * the wrong slot, nor for a piece no lot knows until it is identified).
 */
export type StocktakeVarianceFound = DomainEvent<
  'StocktakeVarianceFound',
  Stamped & {
    readonly varianceId: string;
    readonly kind: VarianceKind;
    readonly reason: 'not_counted' | 'not_in_book' | 'counted_elsewhere' | 'weight_outside_tolerance';
    readonly barcode: string;
    readonly lotId: string | null;
    readonly owner: string | null;
    readonly bookLocationId: string | null;
    readonly countedLocationId: string | null;
    readonly bookKg: number | null;
    readonly countedKg: number | null;
    readonly delta: Quantity;
    /** The signed scale reading the counted weight came from; null (or absent, in older events) when typed by hand or not weighed. */
    readonly reading?: ScaleEvidence | null;
  }
>;

export type StocktakeVarianceExplained = DomainEvent<'StocktakeVarianceExplained', Stamped & { readonly varianceId: string; readonly explanation: string }>;

/** A manager approved a variance (`actor`), with the reason; the approval is what lets a loss leave the book. */
export type StocktakeVarianceApproved = DomainEvent<'StocktakeVarianceApproved', Stamped & { readonly varianceId: string; readonly reason: string }>;

export type StocktakeClosed = DomainEvent<'StocktakeClosed', Stamped & { readonly variances: number }>;

export type StocktakeEvent =
  | StocktakeStarted
  | PieceCounted
  | CountedPiecesWeighed
  | StocktakeCountFinished
  | StocktakeVarianceFound
  | StocktakeVarianceExplained
  | StocktakeVarianceApproved
  | StocktakeClosed;
