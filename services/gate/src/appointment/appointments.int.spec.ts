import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  InboundNoticeSchema,
  LocalDateSchema,
  OrderType,
  orderWorkOrderTopic,
  PickupApplicationSchema,
  PickupCollectorSchema,
  PickupMethod,
  WorkOrderCancelledSchema,
  WorkOrderOpenedSchema,
} from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { NoShowSweep } from './commands/no-show-sweep/no-show-sweep';
import { depositor, GateTestApp, guard, manager } from '../testing/gate-test-app.spec-helper';

/**
 * Appointments over HTTP on the real PostgreSQL, authorised by work orders the order service
 * publishes on the real Kafka topic. Monday 2026-12-07, 10:00 in Shanghai.
 */
describe('appointments tied to work orders', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  let app: GateTestApp;
  const hengda = depositor('P-HENGDA');
  const collector = { residentIdNumber: '440524188001010014', name: '张三', mobile: '13800138000' };
  const date = (value: string) => create(LocalDateSchema, { value });

  const known = (orderId: string) =>
    waitFor(async () => ((await app.db.query(`SELECT 1 FROM events WHERE stream_id = $1`, [`gate-order-${orderId}`])).rowCount ?? 0) > 0, {
      timeoutMs: 60_000,
      describe: `the gate knows order ${orderId}`,
    });

  beforeAll(async () => {
    app = await GateTestApp.start('appointments', clock);
    await app.publish(
      orderWorkOrderTopic,
      'work-order-WO-OUT-1',
      WorkOrderOpenedSchema,
      create(WorkOrderOpenedSchema, {
        orderId: 'WO-OUT-1',
        type: OrderType.OUTBOUND,
        ownerPartyId: 'P-HENGDA',
        ownerStorageCard: 'SC-HENGDA',
        pickup: create(PickupApplicationSchema, {
          method: PickupMethod.SELF_COLLECT,
          pickupDate: date('2026-12-08'),
          pickupUntil: date('2026-12-10'),
          collector: create(PickupCollectorSchema, { name: collector.name, residentIdNumber: collector.residentIdNumber, mobile: collector.mobile }),
          vehiclePlates: ['沪A12345', '沪B67890'],
        }),
      }),
    );
    await app.publish(
      orderWorkOrderTopic,
      'work-order-WO-IN-1',
      WorkOrderOpenedSchema,
      create(WorkOrderOpenedSchema, {
        orderId: 'WO-IN-1',
        type: OrderType.INBOUND,
        ownerPartyId: 'P-HENGDA',
        ownerStorageCard: 'SC-HENGDA',
        // 2026-12-08 00:00 to 2026-12-09 23:00 in Shanghai.
        notice: create(InboundNoticeSchema, {
          arrivalFrom: timestampFromDate(new Date('2026-12-07T16:00:00Z')),
          arrivalTo: timestampFromDate(new Date('2026-12-09T15:00:00Z')),
        }),
      }),
    );
    await known('WO-OUT-1');
    await known('WO-IN-1');
  });
  afterAll(async () => {
    await app?.close();
  });

  const slot = { gate: 'south', date: '2026-12-08', period: '08:00-10:00' };

  it('books a pickup’s vehicle and collector; refuses an unknown or another party’s order, a vehicle or driver not on the application, a day outside it, a blacklisted plate', async () => {
    const booked = await app.as(hengda, 'POST', '/appointments', { orderId: 'WO-OUT-1', plate: '沪A12345', driver: collector, ...slot });
    expect([booked.status, booked.body]).toEqual([
      201,
      {
        appointmentId: 'WO-OUT-1-A1',
        orderId: 'WO-OUT-1',
        purpose: 'pickup',
        plate: '沪A12345',
        driverName: '张三',
        gate: 'south',
        date: '2026-12-08',
        period: '08:00-10:00',
        status: 'booked',
      },
    ]);
    const refused = async (body: Record<string, unknown>, person = hengda) => {
      const answer = await app.as(person, 'POST', '/appointments', { orderId: 'WO-OUT-1', plate: '沪B67890', driver: collector, ...slot, ...body });
      return [answer.status, answer.body.code, answer.body.field];
    };
    expect(await refused({ orderId: 'WO-NOPE' })).toEqual([404, 'ORDER_NOT_KNOWN', undefined]);
    expect(await refused({}, depositor('P-OTHER'))).toEqual([404, 'ORDER_NOT_KNOWN', undefined]);
    expect(await refused({ plate: '沪C11111' })).toEqual([422, 'VEHICLE_NOT_ON_APPLICATION', 'plate']);
    expect(await refused({ driver: { residentIdNumber: '11010519491231002X', name: '李四', mobile: '13900139000' } })).toEqual([
      422,
      'DRIVER_NOT_ON_APPLICATION',
      'driver.residentIdNumber',
    ]);
    expect(await refused({ date: '2026-12-11' })).toEqual([422, 'DATE_OUTSIDE_ORDER_WINDOW', 'date']);
    expect(await refused({ gate: 'east' })).toEqual([422, 'SLOT_UNKNOWN', 'gate']);
    expect(await refused({ date: '2026-13-01' })).toEqual([422, 'INVALID_DATE', 'date']);
    expect((await app.as(guard, 'POST', '/appointments', { orderId: 'WO-OUT-1', plate: '沪B67890', driver: collector, ...slot })).status).toBe(403);
    expect((await app.as(manager, 'POST', '/blacklist/plates', { plate: '沪B67890', reason: 'forged papers' })).status).toBe(201);
    expect(await refused({})).toEqual([422, 'BLACKLISTED', 'plate']);
    // Nothing refused was written.
    const list = await app.as(guard, 'GET', '/appointments?date=2026-12-08');
    expect(list.body.items.map((a: { appointmentId: string }) => a.appointmentId)).toEqual(['WO-OUT-1-A1']);
    expect((await app.as(depositor('P-OTHER'), 'GET', '/appointments')).body.items).toEqual([]);
  });

  it('fills a slot to its capacity (the north gate’s morning takes 3), refuses the fourth, and a reschedule gives the place back', async () => {
    const north = { gate: 'north', date: '2026-12-09', period: '08:00-12:00' };
    const driver = (n: number) => ({ residentIdNumber: collector.residentIdNumber, name: `司机${n}`, mobile: '13800138000' });
    const deliveries = [];
    for (const [n, plate] of ['沪D10001', '沪D10002', '沪D10003', '沪D10004'].entries()) {
      deliveries.push(await app.as(manager, 'POST', '/appointments', { orderId: 'WO-IN-1', plate, driver: driver(n), ...north }));
    }
    expect(deliveries.map((answer) => answer.status)).toEqual([201, 201, 201, 409]);
    expect(deliveries[3]!.body).toMatchObject({ code: 'SLOT_FULL', details: { capacity: 3, taken: 3 } });
    // The refused booking left no appointment behind (the order's stream and the slot's are one transaction).
    expect((await app.as(manager, 'GET', '/appointments?gate=north')).body.items).toHaveLength(3);

    const moved = await app.as(hengda, 'POST', `/appointments/${deliveries[0]!.body.appointmentId}/reschedule`, {
      gate: 'north',
      date: '2026-12-09',
      period: '13:00-17:00',
    });
    expect([moved.status, moved.body.period]).toEqual([200, '13:00-17:00']);
    const fourth = await app.as(manager, 'POST', '/appointments', { orderId: 'WO-IN-1', plate: '沪D10004', driver: driver(4), ...north });
    expect(fourth.status).toBe(201);
    const unknown = await app.as(manager, 'POST', '/appointments/WO-IN-1-A99/reschedule', north);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'APPOINTMENT_NOT_FOUND']);
  });

  it('two bookings racing for a slot’s last place: one wins, the other is refused, and the slot never holds more than its capacity', async () => {
    const north = { gate: 'north', date: '2026-12-08', period: '13:00-17:00' };
    const driver = { residentIdNumber: collector.residentIdNumber, name: '王五', mobile: '13800138000' };
    for (const plate of ['沪G20001', '沪G20002']) {
      expect((await app.as(manager, 'POST', '/appointments', { orderId: 'WO-IN-1', plate, driver, ...north })).status).toBe(201);
    }
    const racing = await Promise.all(
      ['沪G20003', '沪G20004'].map((plate) => app.as(manager, 'POST', '/appointments', { orderId: 'WO-IN-1', plate, driver, ...north })),
    );
    expect(racing.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const held = (await app.as(manager, 'GET', '/appointments?date=2026-12-08&gate=north')).body.items;
    expect(held).toHaveLength(3);
  });

  it('closes the booked appointments of a cancelled order, and records a no-show when a slot ends with nobody arrived', async () => {
    await app.publish(
      orderWorkOrderTopic,
      'work-order-WO-IN-1',
      WorkOrderCancelledSchema,
      create(WorkOrderCancelledSchema, { orderId: 'WO-IN-1', reason: 'depositor withdrew the notice' }),
    );
    await waitFor(
      async () => {
        const items = (await app.as(manager, 'GET', '/appointments?gate=north&date=2026-12-09')).body.items as { status: string }[];
        return items.length === 4 && items.every((item) => item.status === 'closed');
      },
      { timeoutMs: 60_000, describe: 'the cancelled order’s appointments closed' },
    );
    const late = await app.as(manager, 'POST', '/appointments', {
      orderId: 'WO-IN-1',
      plate: '沪D10009',
      driver: collector,
      gate: 'south',
      date: '2026-12-08',
      period: '10:00-12:00',
    });
    expect([late.status, late.body.code]).toEqual([409, 'ORDER_CLOSED']);

    // WO-OUT-1-A1 is south 2026-12-08 08:00-10:00: it ends at 02:00 UTC. A minute before, the sweep records nothing.
    clock.set(new Date('2026-12-08T01:59:00Z'));
    await app.app.get(NoShowSweep).tick();
    expect((await app.as(guard, 'GET', '/appointments?status=no_show')).body.items).toEqual([]);
    clock.set(new Date('2026-12-08T02:00:00Z'));
    await app.app.get(NoShowSweep).tick();
    await waitFor(
      async () => {
        const items = (await app.as(guard, 'GET', '/appointments?status=no_show')).body.items as { appointmentId: string }[];
        return items.length === 1 && items[0]!.appointmentId === 'WO-OUT-1-A1';
      },
      { timeoutMs: 30_000, describe: 'the no-show recorded' },
    );
  });
});
