import { deciderSpec } from '@dw/testing';
import { ApplyForPickup } from './entitlement.commands';
import { entitlementDecider } from './entitlement.decider';
import { EntitlementEvent, EntitlementExhausted, PickupApplied } from './entitlement.events';
import { validatePickupApplication } from './pickup-application';
import { application, entitlementKg, recorded, today } from './pickup.test-fixtures';

const spec = deciderSpec(entitlementDecider);
const at = '2026-03-10T03:00:00Z';
const apply = (applicantParty: string, cardParty: string | null = 'P-0001', entitlementId = 'ENT-WR-1'): ApplyForPickup => ({
  type: 'ApplyForPickup',
  data: { entitlementId, orderId: `out-${entitlementId}`, applicantParty, cardParty, today, application, actor: 'depositor-1', at },
});
const applied: PickupApplied = {
  type: 'PickupApplied',
  data: {
    entitlementId: 'ENT-WR-1',
    orderId: 'out-ENT-WR-1',
    application: validatePickupApplication(application, entitlementKg, today),
    actor: 'depositor-1',
    at,
  },
};
const exhausted: EntitlementExhausted = {
  type: 'EntitlementExhausted',
  data: { entitlementId: 'ENT-WR-1', grantedKg: 60_000, shippedKg: 60_040, overShortKg: 40, at },
};

describe('an outbound entitlement and its pickup application', () => {
  it('records a grant once; the same grant again records nothing', () => {
    spec.given([]).when({ type: 'RecordEntitlement', data: recorded.data }).then([recorded]);
    spec.given([recorded]).when({ type: 'RecordEntitlement', data: recorded.data }).then([]);
  });

  it('lets the holder of the entitlement’s card apply, naming the outbound order out-<entitlementId>', () => {
    spec.given([recorded]).when(apply('P-0001')).then([applied]);
    // The card's event not yet here: the holder the receipt service named applies.
    spec.given([recorded]).when(apply('P-0001', null)).then([applied]);
  });

  it('answers another party, and an unknown entitlement, alike: 404 ENTITLEMENT_NOT_FOUND', () => {
    spec.given([recorded]).when(apply('P-0009')).thenRefusedWith('ENTITLEMENT_NOT_FOUND', { entitlementId: 'ENT-WR-1' });
    spec.given([recorded]).when(apply('')).thenRefusedWith('ENTITLEMENT_NOT_FOUND');
    spec
      .given([])
      .when(apply('P-0001', null, 'ENT-WR-9'))
      .thenRefusedWith('ENTITLEMENT_NOT_FOUND', { entitlementId: 'ENT-WR-9' });
  });

  it('refuses a second application for the same entitlement, naming its order', () => {
    spec.given([recorded, applied]).when(apply('P-0001')).thenRefusedWith('PICKUP_ALREADY_APPLIED', { orderId: 'out-ENT-WR-1' });
  });

  it('refuses an application on an exhausted entitlement', () => {
    spec.given([recorded, exhausted]).when(apply('P-0001')).thenRefusedWith('ENTITLEMENT_EXHAUSTED');
  });

  it('takes an application on a spot conversion too: the goods stayed in store as the holder’s stock', () => {
    const spot: EntitlementEvent = { ...recorded, data: { ...recorded.data, purpose: 'spot_conversion' } };
    spec.given([spot]).when(apply('P-0001')).then([applied]);
  });

  it('records exhaustion once, and nothing for a redelivery', () => {
    spec.given([recorded, applied]).when({ type: 'RecordExhaustion', data: exhausted.data }).then([exhausted]);
    spec.given([recorded, applied, exhausted]).when({ type: 'RecordExhaustion', data: exhausted.data }).then([]);
  });
});
