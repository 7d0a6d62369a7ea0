import { deciderSpec, refusalOf } from '@dw/testing';
import { foldEvents } from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import { gateOrderDecider, type GateOrderEvent, type OrderAuthority } from './gate-order.decider';
import { slotDecider, type SlotEvent } from './slot.decider';
import { SLOT_PLAN, slotPeriodOf } from './slot-plan';

const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const holder: Actor = { subject: 'dep-p-hengda', role: 'depositor', partyId: 'P-HENGDA' };
const stranger: Actor = { subject: 'dep-p-other', role: 'depositor', partyId: 'P-OTHER' };
// Monday 2026-12-07, 10:00 in Shanghai.
const at = '2026-12-07T02:00:00.000Z';
const collector = { residentIdNumber: '440524188001010014', name: '张三', mobile: '13800138000' };
const pickup: OrderAuthority = {
  orderId: 'WO-OUT-1',
  purpose: 'pickup',
  ownerPartyId: 'P-HENGDA',
  collector,
  plates: ['沪A12345', '沪B67890'],
  from: '2026-12-08',
  until: '2026-12-10',
};
const authorised: GateOrderEvent = { type: 'OrderAuthorised', data: { ...pickup, at } };
const morning = slotPeriodOf(SLOT_PLAN, 'south', '08:00-10:00');
const book = (patch: Record<string, unknown> = {}) => ({
  type: 'BookAppointment' as const,
  data: {
    orderId: 'WO-OUT-1',
    plate: '沪A12345',
    driver: collector,
    gate: 'south',
    date: '2026-12-08',
    period: morning,
    plateBlacklisted: null,
    driverBlacklisted: null,
    actor: holder,
    at,
    ...patch,
  },
});

describe('slots', () => {
  it('takes places up to the period’s capacity and refuses the next: the north gate’s morning takes 3', () => {
    const north = slotPeriodOf(SLOT_PLAN, 'north', '08:00-12:00');
    expect(north.capacity).toBe(3);
    const taken = (n: number): SlotEvent[] =>
      Array.from({ length: n }, (_, i) => ({ type: 'PlaceTaken' as const, data: { slot: 's', appointmentId: `A${i + 1}`, at } }));
    // Two of three taken: the third place is free.
    deciderSpec(slotDecider)
      .given(taken(2))
      .when({ type: 'TakePlace', data: { slot: 's', appointmentId: 'A3', capacity: north.capacity, at } })
      .then([{ type: 'PlaceTaken', data: { slot: 's', appointmentId: 'A3', at } }]);
    // Three of three taken: full, and it says so.
    deciderSpec(slotDecider)
      .given(taken(3))
      .when({ type: 'TakePlace', data: { slot: 's', appointmentId: 'A4', capacity: 3, at } })
      .thenRefusedWith('SLOT_FULL', { slot: 's', capacity: 3, taken: 3 });
    // One given back (3 - 1 = 2 held): a place is free again.
    deciderSpec(slotDecider)
      .given([...taken(3), { type: 'PlaceReleased', data: { slot: 's', appointmentId: 'A2', at } }])
      .when({ type: 'TakePlace', data: { slot: 's', appointmentId: 'A4', capacity: 3, at } })
      .then([{ type: 'PlaceTaken', data: { slot: 's', appointmentId: 'A4', at } }]);
    // The same appointment again holds its one place.
    deciderSpec(slotDecider)
      .given(taken(3))
      .when({ type: 'TakePlace', data: { slot: 's', appointmentId: 'A3', capacity: 3, at } })
      .then([]);
  });

  it('knows only the gates and periods of the plan', () => {
    expect(refusalOf(() => slotPeriodOf(SLOT_PLAN, 'east', '08:00-10:00'))).toMatchObject({ code: 'SLOT_UNKNOWN', field: 'gate' });
    expect(refusalOf(() => slotPeriodOf(SLOT_PLAN, 'south', '08:00-12:00'))).toMatchObject({ code: 'SLOT_UNKNOWN', field: 'period' });
  });
});

describe('appointments under a work order', () => {
  it('books the application’s vehicle and collector into a slot within the pickup period', () => {
    const [booked] = gateOrderDecider.decide(book(), foldEvents(gateOrderDecider, [authorised]));
    expect(booked).toEqual({
      type: 'AppointmentBooked',
      data: {
        appointmentId: 'WO-OUT-1-A1',
        orderId: 'WO-OUT-1',
        purpose: 'pickup',
        ownerPartyId: 'P-HENGDA',
        plate: '沪A12345',
        driver: collector,
        gate: 'south',
        date: '2026-12-08',
        period: '08:00-10:00',
        // 08:00 and 10:00 in Shanghai (UTC+8) are 00:00 and 02:00 UTC.
        startsAt: '2026-12-08T00:00:00.000Z',
        endsAt: '2026-12-08T02:00:00.000Z',
        actor: holder,
        at,
      },
    });
  });

  it('refuses what the order does not authorise: unknown or another party’s, closed, a vehicle or driver not on the application, outside the period, blacklisted', () => {
    deciderSpec(gateOrderDecider).given([]).when(book()).thenRefusedWith('ORDER_NOT_KNOWN');
    deciderSpec(gateOrderDecider)
      .given([authorised])
      .when(book({ actor: stranger }))
      .thenRefusedWith('ORDER_NOT_KNOWN');
    deciderSpec(gateOrderDecider)
      .given([authorised, { type: 'OrderClosed', data: { orderId: 'WO-OUT-1', outcome: 'cancelled', at } }])
      .when(book())
      .thenRefusedWith('ORDER_CLOSED');
    deciderSpec(gateOrderDecider)
      .given([authorised])
      .when(book({ plate: '沪C11111' }))
      .thenRefusedWith('VEHICLE_NOT_ON_APPLICATION');
    deciderSpec(gateOrderDecider)
      .given([authorised])
      .when(book({ driver: { residentIdNumber: '11010519491231002X', name: '李四', mobile: '13900139000' } }))
      .thenRefusedWith('DRIVER_NOT_ON_APPLICATION');
    deciderSpec(gateOrderDecider)
      .given([authorised])
      .when(book({ date: '2026-12-11' }))
      .thenRefusedWith('DATE_OUTSIDE_ORDER_WINDOW');
    deciderSpec(gateOrderDecider)
      .given([authorised])
      .when(book({ plateBlacklisted: { reason: 'forged papers', by: 'mgr-qian', at } }))
      .thenRefusedWith('BLACKLISTED', { reason: 'forged papers' });
    deciderSpec(gateOrderDecider)
      .given([authorised])
      .when(book({ driverBlacklisted: { reason: 'violence', by: 'mgr-qian', at } }))
      .thenRefusedWith('BLACKLISTED', { reason: 'violence' });
    // 2026-12-08 08:00-10:00 ends at 02:00 UTC that day; at 02:00 UTC it is over.
    deciderSpec(gateOrderDecider)
      .given([authorised])
      .when(book({ at: '2026-12-08T02:00:00.000Z' }))
      .thenRefusedWith('SLOT_OVER');
  });

  it('reschedules a booked appointment, records a no-show only after the slot’s end, and closes booked ones with the order', () => {
    const booked = gateOrderDecider.decide(book(), foldEvents(gateOrderDecider, [authorised]));
    const history = [authorised, ...booked];
    const afternoon = slotPeriodOf(SLOT_PLAN, 'south', '13:00-15:00');
    const [moved] = gateOrderDecider.decide(
      { type: 'RescheduleAppointment', data: { appointmentId: 'WO-OUT-1-A1', gate: 'south', date: '2026-12-09', period: afternoon, actor: manager, at } },
      foldEvents(gateOrderDecider, history),
    );
    // 13:00 and 15:00 in Shanghai are 05:00 and 07:00 UTC.
    expect(moved).toMatchObject({ type: 'AppointmentRescheduled', data: { date: '2026-12-09', period: '13:00-15:00', endsAt: '2026-12-09T07:00:00.000Z' } });
    const after = [...history, moved!];
    // One millisecond before the slot ends: not yet a no-show.
    deciderSpec(gateOrderDecider)
      .given(after)
      .when({ type: 'MarkNoShow', data: { appointmentId: 'WO-OUT-1-A1', at: '2026-12-09T06:59:59.999Z' } })
      .then([]);
    deciderSpec(gateOrderDecider)
      .given(after)
      .when({ type: 'MarkNoShow', data: { appointmentId: 'WO-OUT-1-A1', at: '2026-12-09T07:00:00.000Z' } })
      .then([
        {
          type: 'AppointmentMissed',
          data: {
            appointmentId: 'WO-OUT-1-A1',
            orderId: 'WO-OUT-1',
            slot: { gate: 'south', date: '2026-12-09', period: '13:00-15:00', startsAt: '2026-12-09T05:00:00.000Z', endsAt: '2026-12-09T07:00:00.000Z' },
            at: '2026-12-09T07:00:00.000Z',
          },
        },
      ]);
    const closed = gateOrderDecider.decide(
      { type: 'CloseOrder', data: { orderId: 'WO-OUT-1', outcome: 'completed', at } },
      foldEvents(gateOrderDecider, after),
    );
    expect(closed.map((event) => event.type)).toEqual(['OrderClosed', 'AppointmentClosed']);
    deciderSpec(gateOrderDecider)
      .given([...after, ...closed])
      .when({ type: 'RescheduleAppointment', data: { appointmentId: 'WO-OUT-1-A1', gate: 'south', date: '2026-12-10', period: morning, actor: holder, at } })
      .thenRefusedWith('ORDER_CLOSED');
  });
});
