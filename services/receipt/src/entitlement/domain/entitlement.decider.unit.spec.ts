import { deciderSpec } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { EntitlementCommand } from './entitlement.commands';
import { entitlementDecider } from './entitlement.decider';
import { EntitlementEvent } from './entitlement.events';

const at = '2026-04-02T06:00:00Z';
const holder: Actor = { subject: 'user-li', role: 'depositor', partyId: 'party-hengda' };
const system: Actor = { subject: 'inventory-consumer', role: 'system' };
const entitlementId = 'ENT-WR00000042';
const lots = [
  { lotId: 'L-A', weightKg: 300_000 },
  { lotId: 'L-B', weightKg: 298_500 },
];

const opened: EntitlementEvent = {
  type: 'OutboundEntitlementOpened',
  data: { entitlementId, receiptNumber: 'WR00000042', holderCard: 'SC000007', lots, grantedKg: 598_500, actor: holder, at },
};
const openCommand = (overrides: Partial<{ lots: typeof lots }> = {}): EntitlementCommand => ({
  type: 'OpenOutboundEntitlement',
  data: { entitlementId, receiptNumber: 'WR00000042', holderCard: 'SC000007', lots, ...overrides, actor: holder, at },
});
const ship = (lotId: string, netKg: number): EntitlementCommand => ({ type: 'RecordEntitlementLotShipped', data: { lotId, netKg, actor: system, at } });
const shipped = (lotId: string, netKg: number): EntitlementEvent => ({
  type: 'EntitlementLotShippedOut',
  data: { entitlementId, lotId, netKg, actor: system, at },
});

/** The entitlement used up: what it granted against what was shipped, over/short = shipped − granted. */
const exhausted = (shippedKg: number, overShortKg: number): EntitlementEvent => ({
  type: 'OutboundEntitlementExhausted',
  data: { entitlementId, receiptNumber: 'WR00000042', holderCard: 'SC000007', grantedKg: 598_500, shippedKg, overShortKg, actor: system, at },
});

const spec = deciderSpec(entitlementDecider);

describe('outbound entitlement decider', () => {
  it('opens with what the cancelled receipt’s lots weigh', () => {
    // Granted = 300 000 + 298 500 = 598 500 kg, the entitled lots' weight.
    spec.given([]).when(openCommand()).then([opened]);
    spec.given([opened]).when(openCommand()).thenRefusedWith('ENTITLEMENT_ALREADY_OPEN');
    spec
      .given([])
      .when(openCommand({ lots: [] }))
      .thenRefusedWith('ENTITLEMENT_WITHOUT_LOTS');
  });

  it('is exhausted with its last lot: granted, shipped and over/short computed by hand', () => {
    spec
      .given([opened])
      .when(ship('L-A', 299_400))
      .then([shipped('L-A', 299_400)]);
    // Granted 598 500 kg; shipped 299 400 + 299 300 = 598 700 kg; over/short = 598 700 − 598 500 = +200 kg (over).
    spec
      .given([opened, shipped('L-A', 299_400)])
      .when(ship('L-B', 299_300))
      .then([shipped('L-B', 299_300), exhausted(598_700, 200)]);
  });

  it('states a shortfall as a negative over/short', () => {
    // Granted 598 500 kg; shipped 299 000 + 298 000 = 597 000 kg; over/short = 597 000 − 598 500 = −1 500 kg (short).
    spec
      .given([opened, shipped('L-A', 299_000)])
      .when(ship('L-B', 298_000))
      .then([shipped('L-B', 298_000), exhausted(597_000, -1_500)]);
  });

  it('counts each lot once: a redelivery, before or after exhaustion, changes nothing', () => {
    spec
      .given([opened, shipped('L-A', 299_400)])
      .when(ship('L-A', 299_400))
      .then([]);
    spec
      .given([opened, shipped('L-A', 299_400), shipped('L-B', 299_300), exhausted(598_700, 200)])
      .when(ship('L-B', 299_300))
      .then([]);
  });

  it('refuses a lot not under the entitlement, an unknown entitlement and a shipment without weight', () => {
    spec.given([opened]).when(ship('L-Z', 1_000)).thenRefusedWith('ENTITLEMENT_LOT_UNKNOWN', { lotId: 'L-Z' });
    spec.given([]).when(ship('L-A', 1_000)).thenRefusedWith('ENTITLEMENT_NOT_FOUND');
    spec.given([opened]).when(ship('L-A', 0)).thenRefusedWith('INVALID_WEIGHT');
  });
});
