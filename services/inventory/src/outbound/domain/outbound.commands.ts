import { Command } from '@dw/kernel';
import type { WeighingReading } from '../../lot/domain/weighing';

/**
 * Outbound floor work under one outbound work order: pieces picked by barcode, the picked load
 * weighed on a scale, the weighed load shipped out. `actor` and `at` (ISO instant) come from the
 * caller and the Clock; the handler has already asked the order record whether the order
 * authorises the operation.
 */
interface Stamped {
  readonly orderId: string;
  readonly actor: string;
  readonly at: string;
}

/** The receipt entitlement an outbound order carries out: the lots a cancellation released. */
export interface Entitlement {
  readonly entitlementId: string;
  readonly receiptNumber: string;
  readonly lots: readonly { readonly lotId: string; readonly pieces: number; readonly netKg: number }[];
}

/** Opens the order's outbound record with what the order says (its first pick does it). */
export type OpenOutbound = Command<
  'OpenOutbound',
  Stamped & {
    readonly warehouse: string;
    /** The storage card whose goods leave. */
    readonly owner: string;
    readonly ownerParty: string;
    readonly commodity: string;
    /** Null for an outbound order no receipt cancellation opened. */
    readonly entitlement: Entitlement | null;
    /** The workflow's weigh step requires a scale reading: hand-typed weights are refused. */
    readonly scaleReadingRequired: boolean;
  }
>;

/** What the warehouse's records say about a scanned barcode: its lot and the piece's inbound weight; null when no piece has it. */
export interface PieceOnRecord {
  readonly lotId: string;
  readonly warehouse: string;
  readonly owner: string;
  /** The lot was received completely and is in stock. */
  readonly lotInStore: boolean;
  /** The piece's weight when it came in (the book weight). */
  readonly bookKg: number;
  /** The load-out it already left in, under whichever order. */
  readonly shipped: { readonly orderId: string; readonly loadNo: number } | null;
}

export type PickPiece = Command<'PickPiece', Stamped & { readonly barcode: string; readonly piece: PieceOnRecord | null }>;

/**
 * Returns a picked piece to stock before its load leaves (a wrong bundle picked, one damaged on
 * the forks, a vehicle that cannot take it), with the operator's reason. `piece` is what the
 * warehouse's records say about the barcode, so a piece that is not this order's is told apart.
 */
export type UnpickPiece = Command<'UnpickPiece', Stamped & { readonly barcode: string; readonly reason: string; readonly piece: PieceOnRecord | null }>;

/** Weighs the picked load (one vehicle): the reading must cover exactly the pieces picked. */
export type WeighLoad = Command<'WeighLoad', Stamped & { readonly reading: WeighingReading }>;

/**
 * The weighed load leaves. `onHand` is each lot's stock on hand in pieces before it leaves (from
 * the stock book), so the lot's last pieces leaving are known; `toleranceBps` is the weight
 * tolerance each lot carries (from the lot), passed on so the gate can weigh the vehicle against it.
 */
export type LoadOut = Command<
  'LoadOut',
  Stamped & { readonly vehicle: string | null; readonly onHand: Readonly<Record<string, number>>; readonly toleranceBps: Readonly<Record<string, number>> }
>;

export type OutboundCommand = OpenOutbound | PickPiece | UnpickPiece | WeighLoad | LoadOut;
