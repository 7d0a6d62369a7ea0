import { Decider, refuse, requireInstant, requireText, unhandledCommand } from '@dw/kernel';
import { assertWeightKg, totalKg } from '../../common/domain/weight-kg';
import { EntitlementCommand, OpenOutboundEntitlement, RecordEntitlementLotShipped } from './entitlement.commands';
import { EntitlementEvent, EntitledLotWeight } from './entitlement.events';

/**
 * One stream per outbound entitlement (`ENT-<receipt>`): what a cancellation for pickup granted,
 * and what has left under it. The lots' own streams say each lot is shipped; this stream adds
 * them up, so the entitlement is exhausted exactly once, when its last lot leaves.
 */
export type EntitlementState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open' | 'exhausted';
      readonly entitlementId: string;
      readonly receiptNumber: string;
      readonly holderCard: string;
      readonly lots: readonly EntitledLotWeight[];
      /** Net weight shipped out per lot, by lot id. */
      readonly shipped: Readonly<Record<string, number>>;
    };

type Opened = Exclude<EntitlementState, { status: 'none' }>;

function open(command: OpenOutboundEntitlement, state: EntitlementState): EntitlementEvent[] {
  const { actor, at, lots } = command.data;
  const entitlementId = requireText(command.data.entitlementId, 'entitlementId');
  if (state.status !== 'none') throw refuse.conflict('ENTITLEMENT_ALREADY_OPEN', `entitlement ${entitlementId} already exists`, { entitlementId });
  if (lots.length === 0) throw refuse.invalid('ENTITLEMENT_WITHOUT_LOTS', `entitlement ${entitlementId} names no lots`, 'lots');
  const checked = lots.map((lot, i) => ({ lotId: requireText(lot.lotId, `lots[${i}].lotId`), weightKg: assertWeightKg(lot.weightKg, `lots[${i}].weightKg`) }));
  return [
    {
      type: 'OutboundEntitlementOpened',
      data: {
        entitlementId,
        receiptNumber: requireText(command.data.receiptNumber, 'receiptNumber'),
        holderCard: requireText(command.data.holderCard, 'holderCard'),
        lots: checked,
        grantedKg: totalKg(checked.map((lot) => lot.weightKg)),
        actor,
        at,
      },
    },
  ];
}

/**
 * A lot of the entitlement shipped out; when it is the last, the entitlement is exhausted with
 * granted = the entitled lots' weight, shipped = the scale's net over them, over/short = shipped −
 * granted. A repeat for a lot already counted changes nothing.
 */
function recordShipped(command: RecordEntitlementLotShipped, state: EntitlementState): EntitlementEvent[] {
  // rule RCPT-ENTITLEMENT-EXHAUSTED
  const { actor, at } = command.data;
  const current = opened(state);
  const lotId = requireText(command.data.lotId, 'lotId');
  const netKg = assertWeightKg(command.data.netKg, 'netKg');
  const { entitlementId } = current;
  if (!current.lots.some((lot) => lot.lotId === lotId)) {
    throw refuse.conflict('ENTITLEMENT_LOT_UNKNOWN', `lot ${lotId} is not under entitlement ${entitlementId}`, { entitlementId, lotId });
  }
  if (lotId in current.shipped) return [];
  const events: EntitlementEvent[] = [{ type: 'EntitlementLotShippedOut', data: { entitlementId, lotId, netKg, actor, at } }];
  const shipped = { ...current.shipped, [lotId]: netKg };
  if (current.lots.every((lot) => lot.lotId in shipped)) {
    const grantedKg = totalKg(current.lots.map((lot) => lot.weightKg));
    const shippedKg = totalKg(Object.values(shipped));
    events.push({
      type: 'OutboundEntitlementExhausted',
      data: {
        entitlementId,
        receiptNumber: current.receiptNumber,
        holderCard: current.holderCard,
        grantedKg,
        shippedKg,
        overShortKg: shippedKg - grantedKg,
        actor,
        at,
      },
    });
  }
  return events;
}

function opened(state: EntitlementState): Opened {
  if (state.status === 'none') throw refuse.notFound('ENTITLEMENT_NOT_FOUND', 'no such outbound entitlement');
  return state;
}

export const entitlementDecider: Decider<EntitlementCommand, EntitlementState, EntitlementEvent> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    switch (event.type) {
      case 'OutboundEntitlementOpened': {
        const { entitlementId, receiptNumber, holderCard, lots } = event.data;
        return { status: 'open', entitlementId, receiptNumber, holderCard, lots, shipped: {} };
      }
      case 'EntitlementLotShippedOut':
        return state.status === 'none' ? state : { ...state, shipped: { ...state.shipped, [event.data.lotId]: event.data.netKg } };
      case 'OutboundEntitlementExhausted':
        return state.status === 'none' ? state : { ...state, status: 'exhausted' };
    }
  },

  decide(command, state) {
    requireInstant(command.data.at, 'at');
    switch (command.type) {
      case 'OpenOutboundEntitlement':
        return open(command, state);
      case 'RecordEntitlementLotShipped':
        return recordShipped(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};
