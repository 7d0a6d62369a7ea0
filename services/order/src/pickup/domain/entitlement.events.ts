import { DomainEvent } from '@dw/kernel';
import { PickupApplication } from './pickup-application';

export const ENTITLEMENT_PURPOSES = ['pickup', 'spot_conversion'] as const;
export type EntitlementPurpose = (typeof ENTITLEMENT_PURPOSES)[number];

export interface EntitledLot {
  readonly lotId: string;
  readonly pieces: number;
  readonly netKg: number;
}

/** What the receipt service granted when it cancelled a receipt (注销): the holder's right to the lots. */
export interface EntitlementGrant {
  readonly entitlementId: string;
  readonly receiptNumber: string;
  readonly warehouse: string;
  readonly holderStorageCard: string;
  readonly holderParty: string;
  readonly commodity: string;
  readonly lots: readonly EntitledLot[];
  readonly totalKg: number;
  readonly purpose: EntitlementPurpose;
  readonly grantedAt: string;
}

/** The order service learned of an entitlement (receipt.entitlement.v1 OutboundEntitlementGranted). */
export type EntitlementRecorded = DomainEvent<'EntitlementRecorded', EntitlementGrant>;

/** The holder applied to pick the goods up; the outbound order `orderId` opened from it. */
export type PickupApplied = DomainEvent<
  'PickupApplied',
  { readonly entitlementId: string; readonly orderId: string; readonly application: PickupApplication; readonly actor: string; readonly at: string }
>;

/** Every lot of the entitlement has left (receipt.entitlement.v1 OutboundEntitlementExhausted). */
export type EntitlementExhausted = DomainEvent<
  'EntitlementExhausted',
  { readonly entitlementId: string; readonly grantedKg: number; readonly shippedKg: number; readonly overShortKg: number; readonly at: string }
>;

export type EntitlementEvent = EntitlementRecorded | PickupApplied | EntitlementExhausted;
