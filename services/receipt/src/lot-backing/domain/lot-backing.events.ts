import { DomainEvent } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { CancellationPurpose } from '../../receipt/domain/receipt.events';
import { LotFacts } from './lot-facts';

interface Stamp {
  readonly lotId: string;
  readonly actor: Actor;
  readonly at: string;
}

export type LotRegistered = DomainEvent<'LotRegistered', { readonly lot: LotFacts; readonly actor: Actor; readonly at: string }>;
export type LotReservedForIssuance = DomainEvent<'LotReservedForIssuance', Stamp & { readonly applicationId: string }>;
export type LotReservationReleased = DomainEvent<'LotReservationReleased', Stamp & { readonly applicationId: string }>;
/** The lot now backs this receipt: the inventory service keeps its goods from any other outbound order. */
export type LotBackingAssigned = DomainEvent<
  'LotBackingAssigned',
  Stamp & { readonly applicationId: string; readonly receiptNumber: string; readonly weightKg: number }
>;
/** A split or merge moved the lot to a successor receipt. */
export type LotBackingReassigned = DomainEvent<'LotBackingReassigned', Stamp & { readonly fromReceiptNumber: string; readonly toReceiptNumber: string }>;
/**
 * The receipt was cancelled: the lot backs nothing and belongs to the entitled card's owner, under
 * the entitlement `entitlementId` until it ships (pickup) or as plain stock in store (spot-conversion).
 */
export type LotBackingReleased = DomainEvent<
  'LotBackingReleased',
  Stamp & {
    readonly receiptNumber: string;
    readonly entitledCard: string;
    readonly weightKg: number;
    readonly purpose: CancellationPurpose;
    readonly entitlementId: string;
  }
>;
/** The lot's goods have all left the warehouse (inventory's LotShippedOut); `entitlementId` is null for goods no entitlement covered. */
export type LotShipped = DomainEvent<'LotShipped', Stamp & { readonly entitlementId: string | null; readonly netKg: number; readonly weightKg: number }>;

/** Inventory's kinds of stock hold: reservation (promised, e.g. to an outbound order) or freeze (pledged as stock or under a court order). */
export const STOCK_HOLD_KINDS = ['reservation', 'freeze'] as const;
export type StockHoldKind = (typeof STOCK_HOLD_KINDS)[number];
/** Inventory placed a hold on the lot's goods as stock (its StockHoldPlaced); `holder` is the party it is for. */
export type LotStockHoldPlaced = DomainEvent<'LotStockHoldPlaced', Stamp & { readonly holdId: string; readonly kind: StockHoldKind; readonly holder: string }>;
/** Inventory released that hold (its StockHoldReleased). */
export type LotStockHoldReleased = DomainEvent<
  'LotStockHoldReleased',
  Stamp & { readonly holdId: string; readonly kind: StockHoldKind; readonly holder: string }
>;

export type LotBackingEvent =
  | LotRegistered
  | LotReservedForIssuance
  | LotReservationReleased
  | LotBackingAssigned
  | LotBackingReassigned
  | LotBackingReleased
  | LotShipped
  | LotStockHoldPlaced
  | LotStockHoldReleased;
