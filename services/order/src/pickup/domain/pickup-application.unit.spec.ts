import { refusalOf } from '@dw/testing';
import { PickupApplicationInput, validatePickupApplication } from './pickup-application';
import { application, entitlementKg, today } from './pickup.test-fixtures';

const refused = (change: Partial<PickupApplicationInput>) => refusalOf(() => validatePickupApplication({ ...application, ...change }, entitlementKg, today));

describe('a pickup application’s content (ORD-PICKUP-APPLICATION)', () => {
  it('takes the whole entitlement by default, and a plan of 35,000 kg + 25,000 kg = 60,000 kg, sorted by day', () => {
    expect(validatePickupApplication(application, entitlementKg, today)).toEqual({
      quantityKg: 60_000,
      pickupDate: '2026-03-16',
      pickupUntil: '2026-03-17',
      method: 'self_collect',
      deliveryAddress: null,
      dailyPlan: [
        { date: '2026-03-16', kg: 35_000 },
        { date: '2026-03-17', kg: 25_000 },
      ],
      collector: { name: '张伟', residentId: '11010519491231002X', mobile: '13812345678' },
      vehicles: ['沪A12345', '苏ED12345'],
    });
  });

  it('takes less than the entitlement when the holder says so, never more', () => {
    const part = validatePickupApplication({ ...application, quantityKg: 40_000, dailyPlan: [{ date: '2026-03-16', kg: 40_000 }] }, entitlementKg, today);
    expect(part.quantityKg).toBe(40_000);
    expect(refused({ quantityKg: 60_001, dailyPlan: [{ date: '2026-03-16', kg: 60_001 }] })).toMatchObject({
      code: 'PICKUP_QUANTITY_EXCEEDS_ENTITLEMENT',
      details: { quantityKg: 60_001, entitlementKg: 60_000 },
    });
  });

  it('refuses a plan that does not sum to the quantity: 35,000 + 24,999 = 59,999 kg of 60,000', () => {
    expect(
      refused({
        dailyPlan: [
          { date: '2026-03-16', kg: 35_000 },
          { date: '2026-03-17', kg: 24_999 },
        ],
      }),
    ).toMatchObject({ code: 'PICKUP_PLAN_SUM_MISMATCH', field: 'dailyPlan', details: { plannedKg: 59_999, quantityKg: 60_000 } });
  });

  it('refuses a plan day outside the period, a day planned twice, and a period that ends before it starts', () => {
    expect(refused({ dailyPlan: [{ date: '2026-03-18', kg: 60_000 }] })).toMatchObject({ code: 'PICKUP_PLAN_OUTSIDE_PERIOD', field: 'dailyPlan[0].date' });
    expect(
      refused({
        dailyPlan: [
          { date: '2026-03-16', kg: 30_000 },
          { date: '2026-03-16', kg: 30_000 },
        ],
      }),
    ).toMatchObject({ code: 'LIST_HAS_REPEATS' });
    expect(refused({ pickupUntil: '2026-03-15' })).toMatchObject({ code: 'PICKUP_PERIOD_INVALID', field: 'pickupUntil' });
    expect(refused({ dailyPlan: [] })).toMatchObject({ code: 'LIST_EMPTY', field: 'dailyPlan' });
  });

  it('refuses a pickup date before today in Asia/Shanghai, and takes today itself', () => {
    expect(refused({ pickupDate: '2026-03-09', dailyPlan: [{ date: '2026-03-09', kg: 60_000 }] })).toMatchObject({
      code: 'PICKUP_DATE_PAST',
      field: 'pickupDate',
      details: { today: '2026-03-10' },
    });
    const sameDay = { ...application, pickupDate: '2026-03-10', pickupUntil: null, dailyPlan: [{ date: '2026-03-10', kg: 60_000 }] };
    expect(validatePickupApplication(sameDay, entitlementKg, today).pickupUntil).toBe('2026-03-10');
    expect(refused({ pickupDate: '2026-02-30' })).toMatchObject({ code: 'INVALID_DATE', field: 'pickupDate' });
  });

  it('refuses a bad ID number, a bad mobile and a bad plate, naming the field', () => {
    expect(refused({ collector: { ...application.collector, residentId: '110105194912310021' } })).toMatchObject({
      code: 'RESIDENT_ID_INVALID',
      field: 'collector.residentId',
    });
    expect(refused({ collector: { ...application.collector, mobile: '1381234567' } })).toMatchObject({
      code: 'MOBILE_NUMBER_INVALID',
      field: 'collector.mobile',
    });
    expect(refused({ vehicles: ['沪A12345', 'AB-1234'] })).toMatchObject({ code: 'PLATE_NUMBER_INVALID', field: 'vehicles[1]' });
  });

  it('needs vehicles to self-collect and an address to be delivered to', () => {
    expect(refused({ vehicles: [] })).toMatchObject({ code: 'LIST_EMPTY', field: 'vehicles' });
    expect(refused({ method: 'warehouse_delivery', vehicles: [] })).toMatchObject({ code: 'FIELD_REQUIRED', field: 'deliveryAddress' });
    const delivered = validatePickupApplication(
      { ...application, method: 'warehouse_delivery', deliveryAddress: '上海市宝山区', vehicles: [] },
      entitlementKg,
      today,
    );
    expect([delivered.method, delivered.deliveryAddress, delivered.vehicles]).toEqual(['warehouse_delivery', '上海市宝山区', []]);
    expect(refused({ method: 'courier' })).toMatchObject({ code: 'VALUE_NOT_ALLOWED', field: 'method' });
  });
});
