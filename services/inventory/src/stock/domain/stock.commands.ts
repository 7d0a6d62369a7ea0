import { Command } from '@dw/kernel';
import type { VarianceEvidence } from '../../stocktake/domain/variance-evidence';
import { Quantity } from './quantity';

/** `actor` and `at` (ISO instant) come from the caller and the Clock. */
interface Stamped {
  readonly lotId: string;
  readonly actor: string;
  readonly at: string;
}

export const HOLD_KINDS = ['reservation', 'freeze'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/** Books a lot into stock when its receiving completes (from LotBecameAvailable). */
export type ReceiveStock = Command<
  'ReceiveStock',
  Stamped & {
    readonly orderId: string;
    readonly warehouse: string;
    readonly owner: string;
    readonly commodityCode: string;
    readonly quantity: Quantity;
  }
>;

/**
 * Holds part of a lot for someone: a reservation (goods promised, e.g. to back receipts or an
 * outbound order) or a freeze (goods blocked, e.g. pledged to a bank or under a court order).
 * `holder` is the party the hold is for; only it may release the hold.
 */
export type PlaceHold = Command<
  'PlaceHold',
  Stamped & {
    readonly holdId: string;
    readonly kind: HoldKind;
    readonly quantity: Quantity;
    readonly reason: string;
    readonly holder: string;
    /** The live receipt the lot backs (inventory's title record), or null: receipt goods are held through the receipt. */
    readonly backingReceipt: string | null;
  }
>;

/** Releases a hold; `holder` is the party asking, which must be the hold's holder. */
export type ReleaseHold = Command<'ReleaseHold', Stamped & { readonly holdId: string; readonly holder: string }>;

/**
 * Goods leave the warehouse under an outbound order. The handler adds what it read: the lot's
 * title (the live receipt it backs, the entitlement of a cancelled one) and the entitlement the
 * order carries.
 */
export type ShipOut = Command<
  'ShipOut',
  Stamped & {
    readonly orderId: string;
    readonly quantity: Quantity;
    readonly title: { readonly backingReceipt: string | null; readonly entitlementId: string | null };
    readonly orderEntitlementId: string | null;
  }
>;

/**
 * Corrects the book by a stocktake variance, with its explanation and the evidence behind it (a
 * signed scale reading, a manager's approval); never overwrites the book.
 */
export type ApplyStocktakeVariance = Command<
  'ApplyStocktakeVariance',
  Stamped & {
    readonly stocktakeId: string;
    readonly varianceId: string;
    readonly delta: Quantity;
    readonly reason: string;
    readonly evidence: VarianceEvidence;
    /** What the goods stood under when the variance was found (from the lot's title): the shortfall alarm names it. */
    readonly goodsUnder: GoodsUnder;
  }
>;

/** The live receipt a lot's goods back, if any, and the parties its receipt pledges protect. */
export interface GoodsUnder {
  readonly receiptNumber: string | null;
  readonly pledgedTo: readonly string[];
}

export type StockCommand = ReceiveStock | PlaceHold | ReleaseHold | ShipOut | ApplyStocktakeVariance;
