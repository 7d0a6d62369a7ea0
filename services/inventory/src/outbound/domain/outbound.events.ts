import { DomainEvent } from '@dw/kernel';
import type { Entitlement } from './outbound.commands';

interface Stamped {
  readonly orderId: string;
  readonly actor: string;
  readonly at: string;
}

export type OutboundOpened = DomainEvent<
  'OutboundOpened',
  Stamped & {
    readonly warehouse: string;
    readonly owner: string;
    readonly ownerParty: string;
    readonly commodity: string;
    readonly entitlement: Entitlement | null;
    readonly scaleReadingRequired: boolean;
  }
>;

export type OutboundPiecePicked = DomainEvent<'OutboundPiecePicked', Stamped & { readonly barcode: string; readonly lotId: string; readonly bookKg: number }>;

/**
 * A picked piece returned to stock before its load left, with the operator's reason and the pick
 * it undoes. When the load had been weighed, that weighing no longer covers the load: it is voided
 * and the load is weighed again before it leaves.
 */
export type OutboundPieceUnpicked = DomainEvent<
  'OutboundPieceUnpicked',
  Stamped & {
    readonly barcode: string;
    readonly lotId: string;
    readonly bookKg: number;
    readonly reason: string;
    readonly pickedBy: string;
    readonly pickedAt: string;
    readonly voidedWeighing: { readonly loadNo: number; readonly readingId: string } | null;
  }
>;

/** The picked load on the scale: its net against the book weight of the same pieces. */
export type LoadWeighed = DomainEvent<
  'LoadWeighed',
  Stamped & {
    readonly loadNo: number;
    readonly readingId: string;
    readonly source: 'scale' | 'manual';
    readonly scaleId: string | null;
    readonly deviceVerified: boolean;
    readonly vehicle: string | null;
    readonly barcodes: readonly string[];
    readonly grossKg: number;
    readonly tareKg: number;
    readonly netKg: number;
    readonly bookKg: number;
    /** net − book: positive over, negative short. */
    readonly overShortKg: number;
    readonly weighedAt: string;
  }
>;

/** One lot's part of a load-out. `lotTotals` is set when these were the lot's last pieces in store. */
export interface LotLoadOut {
  readonly lotId: string;
  readonly pieces: readonly { readonly barcode: string; readonly bookKg: number }[];
  readonly bookKg: number;
  /** The lot's part of the load's weighed net, in proportion to its book weight. */
  readonly netKg: number;
  readonly overShortKg: number;
  /** The weight tolerance the lot carries, in basis points; absent on load-outs recorded before it was carried. */
  readonly toleranceBps?: number;
  readonly lotTotals: { readonly pieces: number; readonly bookKg: number; readonly netKg: number; readonly overShortKg: number } | null;
}

/** The weighed load left the warehouse, with its load-out note (出库单) and the note's SHA-256. */
export type LoadedOut = DomainEvent<
  'LoadedOut',
  Stamped & {
    readonly loadNo: number;
    readonly noteId: string;
    readonly noteSha256: string;
    readonly warehouse: string;
    readonly owner: string;
    readonly ownerParty: string;
    readonly commodity: string;
    readonly entitlementId: string | null;
    readonly receiptNumber: string | null;
    readonly vehicle: string | null;
    readonly readingId: string;
    readonly scaleId: string | null;
    readonly grossKg: number;
    readonly tareKg: number;
    readonly lots: readonly LotLoadOut[];
    readonly pieces: number;
    readonly bookKg: number;
    readonly netKg: number;
    readonly overShortKg: number;
    /** Asia/Shanghai date of the load-out. */
    readonly shippedOn: string;
  }
>;

/**
 * Every entitled piece is out (or, for an order with no entitlement, its load left): the pick,
 * weigh and load steps of the order are done, with the scale readings as the weigh step's evidence.
 */
export type OutboundFinished = DomainEvent<
  'OutboundFinished',
  Stamped & {
    readonly entitlementId: string | null;
    readonly loads: number;
    readonly pieces: number;
    readonly bookKg: number;
    readonly netKg: number;
    readonly overShortKg: number;
    readonly readingIds: readonly string[];
    readonly scaleReadingRequired: boolean;
  }
>;

export type OutboundEvent = OutboundOpened | OutboundPiecePicked | OutboundPieceUnpicked | LoadWeighed | LoadedOut | OutboundFinished;
