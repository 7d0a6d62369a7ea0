import { Command, LocalDate } from '@dw/kernel';
import { EntitlementExhausted, EntitlementGrant } from './entitlement.events';
import { PickupApplicationInput } from './pickup-application';

export type RecordEntitlement = Command<'RecordEntitlement', EntitlementGrant>;

/**
 * A depositor applies to pick up an entitlement's goods. `applicantParty` is the caller's party;
 * `cardParty` the party of the entitlement's storage card as the order desk's copy of the
 * registry has it (null while that card's event is still on its way); `today` the Asia/Shanghai
 * date from the Clock. The handler sets them, never the caller.
 */
export type ApplyForPickup = Command<
  'ApplyForPickup',
  {
    readonly entitlementId: string;
    readonly orderId: string;
    readonly applicantParty: string;
    readonly cardParty: string | null;
    readonly today: LocalDate;
    readonly application: PickupApplicationInput;
    readonly actor: string;
    readonly at: string;
  }
>;

export type RecordExhaustion = Command<'RecordExhaustion', EntitlementExhausted['data']>;

export type EntitlementCommand = RecordEntitlement | ApplyForPickup | RecordExhaustion;
