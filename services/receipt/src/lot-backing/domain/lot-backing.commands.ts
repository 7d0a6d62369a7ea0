import { Command } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { CancellationPurpose } from '../../receipt/domain/receipt.events';
import { StockHoldKind } from './lot-backing.events';
import { LotFactsInput } from './lot-facts';

interface Stamp {
  readonly actor: Actor;
  readonly at: string;
}

/**
 * From the inventory service's LotBecameAvailable (system actor). The other commands are steps
 * of this service's own flows (issuance, split, merge, cancellation), sent by their handlers in
 * the same transaction as the decision that authorised them, with that decision's actor.
 */
export type RegisterAvailableLot = Command<'RegisterAvailableLot', Stamp & { readonly lot: LotFactsInput }>;
export type ReserveLotForIssuance = Command<'ReserveLotForIssuance', Stamp & { readonly applicationId: string }>;
export type ReleaseLotReservation = Command<'ReleaseLotReservation', Stamp & { readonly applicationId: string }>;
export type AssignLotBacking = Command<'AssignLotBacking', Stamp & { readonly applicationId: string; readonly receiptNumber: string }>;
export type ReassignLotBacking = Command<'ReassignLotBacking', Stamp & { readonly fromReceiptNumber: string; readonly toReceiptNumber: string }>;
/** The receipt was cancelled: for a pickup the lot waits under entitlement `entitlementId`; for a spot conversion it is the holder's plain stock. */
export type ReleaseLotBacking = Command<
  'ReleaseLotBacking',
  Stamp & { readonly receiptNumber: string; readonly entitledCard: string; readonly purpose: CancellationPurpose; readonly entitlementId: string }
>;
/**
 * From the inventory service's LotShippedOut (system actor): the lot's last pieces left the
 * warehouse. `entitlementId` is the one the outbound order carried ('' for goods no receipt backed);
 * `netKg` the scale's total over every load-out of the lot.
 */
export type RecordLotShipped = Command<'RecordLotShipped', Stamp & { readonly entitlementId: string; readonly netKg: number }>;
/** From the inventory service's StockHoldPlaced / StockHoldReleased (system actor). */
export type RecordStockHoldPlaced = Command<
  'RecordStockHoldPlaced',
  Stamp & { readonly holdId: string; readonly kind: StockHoldKind; readonly holder: string }
>;
export type RecordStockHoldReleased = Command<'RecordStockHoldReleased', Stamp & { readonly holdId: string }>;

export type LotBackingCommand =
  | RegisterAvailableLot
  | ReserveLotForIssuance
  | ReleaseLotReservation
  | AssignLotBacking
  | ReassignLotBacking
  | ReleaseLotBacking
  | RecordLotShipped
  | RecordStockHoldPlaced
  | RecordStockHoldReleased;
