import { Command } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { EntitledLotWeight } from './entitlement.events';

interface Stamp {
  readonly actor: Actor;
  readonly at: string;
}

/** Internal step of a cancellation for pickup, in the same transaction as the ReceiptCancelled that authorised it. */
export type OpenOutboundEntitlement = Command<
  'OpenOutboundEntitlement',
  Stamp & { readonly entitlementId: string; readonly receiptNumber: string; readonly holderCard: string; readonly lots: readonly EntitledLotWeight[] }
>;
/** From inventory's LotShippedOut, once the lot's own stream recorded it shipped under this entitlement. */
export type RecordEntitlementLotShipped = Command<'RecordEntitlementLotShipped', Stamp & { readonly lotId: string; readonly netKg: number }>;

export type EntitlementCommand = OpenOutboundEntitlement | RecordEntitlementLotShipped;
