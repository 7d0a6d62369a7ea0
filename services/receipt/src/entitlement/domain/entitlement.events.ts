import { DomainEvent } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';

interface Stamp {
  readonly entitlementId: string;
  readonly actor: Actor;
  readonly at: string;
}

/** One lot the entitlement releases for pickup, with the weight it grants (the lot's book weight). */
export interface EntitledLotWeight {
  readonly lotId: string;
  readonly weightKg: number;
}

/** A receipt cancelled for a pickup: its lots wait in store under this entitlement until they ship. */
export type OutboundEntitlementOpened = DomainEvent<
  'OutboundEntitlementOpened',
  Stamp & { readonly receiptNumber: string; readonly holderCard: string; readonly lots: readonly EntitledLotWeight[]; readonly grantedKg: number }
>;
/** One of its lots shipped out (inventory's LotShippedOut): `netKg` as weighed at load-out. */
export type EntitlementLotShippedOut = DomainEvent<'EntitlementLotShippedOut', Stamp & { readonly lotId: string; readonly netKg: number }>;
/** Every lot shipped out: the entitlement is closed with what it granted, what left, and the difference. */
export type OutboundEntitlementExhausted = DomainEvent<
  'OutboundEntitlementExhausted',
  Stamp & {
    readonly receiptNumber: string;
    readonly holderCard: string;
    readonly grantedKg: number;
    readonly shippedKg: number;
    /** shippedKg − grantedKg: positive over, negative short. */
    readonly overShortKg: number;
  }
>;

export type EntitlementEvent = OutboundEntitlementOpened | EntitlementLotShippedOut | OutboundEntitlementExhausted;
