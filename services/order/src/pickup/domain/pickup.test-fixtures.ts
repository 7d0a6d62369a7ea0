import { LocalDate } from '@dw/kernel';
import { EntitlementRecorded } from './entitlement.events';
import { PickupApplicationInput } from './pickup-application';

/** Shared givens for the pickup specs: an entitlement of two lots, 30,120 kg + 29,880 kg = 60,000 kg, for SC-0001 of P-0001. */
export const today = '2026-03-10' as LocalDate;
export const entitlementKg = 60_000;

export const application: PickupApplicationInput = {
  pickupDate: '2026-03-16',
  pickupUntil: '2026-03-17',
  method: 'self_collect',
  dailyPlan: [
    { date: '2026-03-17', kg: 25_000 },
    { date: '2026-03-16', kg: 35_000 },
  ],
  collector: { name: '张伟', residentId: '11010519491231002X', mobile: '13812345678' },
  vehicles: ['沪A12345', '苏ED12345'],
};

export const recorded: EntitlementRecorded = {
  type: 'EntitlementRecorded',
  data: {
    entitlementId: 'ENT-WR-1',
    receiptNumber: 'WR-1',
    warehouse: 'WH-SH-01',
    holderStorageCard: 'SC-0001',
    holderParty: 'P-0001',
    commodity: 'rebar',
    lots: [
      { lotId: 'lot-1', pieces: 12, netKg: 30_120 },
      { lotId: 'lot-2', pieces: 12, netKg: 29_880 },
    ],
    totalKg: entitlementKg,
    purpose: 'pickup',
    grantedAt: '2026-03-09T02:00:00Z',
  },
};
