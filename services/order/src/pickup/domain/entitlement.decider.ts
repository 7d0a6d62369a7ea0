import { Decider, refuse, requireNonNegativeInteger, requireOneOf, requireText, unhandledCommand } from '@dw/kernel';
import { ApplyForPickup, EntitlementCommand, RecordEntitlement, RecordExhaustion } from './entitlement.commands';
import { ENTITLEMENT_PURPOSES, EntitlementEvent, EntitlementGrant, EntitlementRecorded } from './entitlement.events';
import { PickupApplication, validatePickupApplication } from './pickup-application';

export type EntitlementState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'granted' | 'exhausted';
      readonly grant: EntitlementGrant;
      /** The application the outbound order opened from, once the holder made it. */
      readonly pickup: { readonly orderId: string; readonly application: PickupApplication } | null;
    };

/**
 * The order service's record of one outbound entitlement (stream `entitlement-<id>`): granted by
 * the receipt service, applied for by its holder, exhausted when every lot has shipped. The
 * holder's pickup application is decided here, so that one entitlement opens one outbound order.
 */
export const entitlementDecider: Decider<EntitlementCommand, EntitlementState, EntitlementEvent> = {
  initialState: () => ({ status: 'unknown' }),
  evolve(state, event) {
    switch (event.type) {
      case 'EntitlementRecorded':
        return { status: 'granted', grant: event.data, pickup: null };
      case 'PickupApplied':
        return state.status === 'unknown' ? state : { ...state, pickup: { orderId: event.data.orderId, application: event.data.application } };
      case 'EntitlementExhausted':
        return state.status === 'unknown' ? state : { ...state, status: 'exhausted' };
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'RecordEntitlement':
        return record(command, state);
      case 'ApplyForPickup':
        return apply(command, state);
      case 'RecordExhaustion':
        return exhaust(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

/** The same grant delivered again records nothing. */
function record(command: RecordEntitlement, state: EntitlementState): EntitlementEvent[] {
  if (state.status !== 'unknown') return [];
  const grant = command.data;
  const recorded: EntitlementRecorded = {
    type: 'EntitlementRecorded',
    data: {
      ...grant,
      entitlementId: requireText(grant.entitlementId, 'entitlementId'),
      holderStorageCard: requireText(grant.holderStorageCard, 'holderStorageCard'),
      purpose: requireOneOf(grant.purpose, ENTITLEMENT_PURPOSES, 'purpose'),
      totalKg: requireNonNegativeInteger(grant.totalKg, 'totalKg'),
    },
  };
  return [recorded];
}

function apply(command: ApplyForPickup, state: EntitlementState): EntitlementEvent[] {
  // rules ORD-PICKUP-BY-HOLDER, ORD-PICKUP-ONE-ORDER
  const { entitlementId, orderId, applicantParty, cardParty, today, application, actor, at } = command.data;
  // Another party's entitlement answers exactly as a missing one: its existence is the holder's business.
  const holderParty = state.status === 'unknown' ? null : (cardParty ?? state.grant.holderParty);
  if (state.status === 'unknown' || !applicantParty || applicantParty !== holderParty) {
    throw refuse.notFound('ENTITLEMENT_NOT_FOUND', `no entitlement ${entitlementId}`, { entitlementId });
  }
  if (state.status === 'exhausted') {
    throw refuse.conflict('ENTITLEMENT_EXHAUSTED', `every lot of entitlement ${entitlementId} has already left the warehouse`, { entitlementId });
  }
  if (state.pickup !== null) {
    throw refuse.conflict('PICKUP_ALREADY_APPLIED', `entitlement ${entitlementId} already has its outbound order ${state.pickup.orderId}`, {
      entitlementId,
      orderId: state.pickup.orderId,
    });
  }
  const checked = validatePickupApplication(application, state.grant.totalKg, today);
  return [{ type: 'PickupApplied', data: { entitlementId, orderId, application: checked, actor, at } }];
}

/** Exhaustion is recorded once; a redelivery, or one for an entitlement never seen, changes nothing here. */
function exhaust(command: RecordExhaustion, state: EntitlementState): EntitlementEvent[] {
  if (state.status !== 'granted') return [];
  return [{ type: 'EntitlementExhausted', data: command.data }];
}
