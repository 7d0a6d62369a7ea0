import { create } from '@bufbuild/protobuf';
import { LocalDateSchema, OrderType, orderWorkOrderTopic, PickupApplicationSchema, PickupCollectorSchema, WorkOrderOpenedSchema } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { CAMERA, GateTestApp, guard, manager, ops, depositor } from '../testing/gate-test-app.spec-helper';

/** Vehicles, drivers and the blacklist over HTTP on the real PostgreSQL: who may do what, refusals naming the field and writing nothing. */
describe('vehicles, drivers and the blacklist', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  let app: GateTestApp;

  beforeAll(async () => {
    app = await GateTestApp.start('vehicles', clock);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a manager registers vehicles in their classes and blacklists a plate with a reason; guards read the register', async () => {
    const shuttle = await app.as(manager, 'POST', '/vehicles', { plate: '沪a 12345', vehicleClass: 'internal', description: 'shuttle' });
    expect([shuttle.status, shuttle.body]).toEqual([
      201,
      { plate: '沪A12345', vehicleClass: 'internal', description: 'shuttle', blacklistReason: null, blacklistedBy: null },
    ]);
    const again = await app.as(manager, 'POST', '/vehicles', { plate: '沪A12345', vehicleClass: 'special' });
    expect([again.status, again.body.code]).toEqual([409, 'VEHICLE_ALREADY_REGISTERED']);
    const badPlate = await app.as(manager, 'POST', '/vehicles', { plate: 'AB-1234', vehicleClass: 'internal' });
    expect([badPlate.status, badPlate.body.code, badPlate.body.field]).toEqual([422, 'PLATE_NUMBER_INVALID', 'plate']);
    const badClass = await app.as(manager, 'POST', '/vehicles', { plate: '沪A54321', vehicleClass: 'vip' });
    expect(badClass.status).toBe(400);
    const unknownField = await app.as(manager, 'POST', '/vehicles', { plate: '沪A54321', vehicleClass: 'internal', colour: 'red' });
    expect(unknownField.status).toBe(400);
    const byGuard = await app.as(guard, 'POST', '/vehicles', { plate: '沪A54321', vehicleClass: 'internal' });
    expect(byGuard.status).toBe(403);

    const listed = await app.as(manager, 'POST', '/blacklist/plates', { plate: '苏E99999', reason: 'forged pickup papers' });
    expect([listed.status, listed.body]).toEqual([
      201,
      { plate: '苏E99999', vehicleClass: null, description: null, blacklistReason: 'forged pickup papers', blacklistedBy: manager.sub },
    ]);
    const twice = await app.as(manager, 'POST', '/blacklist/plates', { plate: '苏E99999', reason: 'again' });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_BLACKLISTED']);
    const noReason = await app.as(manager, 'POST', '/blacklist/plates', { plate: '苏E88888', reason: ' ' });
    expect([noReason.status, noReason.body.code, noReason.body.field]).toEqual([422, 'FIELD_REQUIRED', 'reason']);

    const all = await app.as(guard, 'GET', '/vehicles');
    expect(all.body.items.map((v: { plate: string }) => v.plate)).toEqual(['沪A12345', '苏E99999']);
    const black = await app.as(ops, 'GET', '/vehicles?blacklisted=true');
    expect(black.body.items).toEqual([expect.objectContaining({ plate: '苏E99999', blacklistReason: 'forged pickup papers' })]);
    const page = await app.as(guard, 'GET', '/vehicles?limit=1');
    expect(page.body.items).toHaveLength(1);
    const next = await app.as(guard, 'GET', `/vehicles?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`);
    expect(next.body.items.map((v: { plate: string }) => v.plate)).toEqual(['苏E99999']);
    expect((await app.as(depositor('P-1'), 'GET', '/vehicles')).status).toBe(403);
    const classes = await app.as(guard, 'GET', '/vehicle-classes');
    expect(classes.body.items.map((c: { vehicleClass: string; needsAppointment: boolean }) => [c.vehicleClass, c.needsAppointment])).toEqual([
      ['internal', false],
      ['temporary', true],
      ['special', false],
    ]);
  });

  it('a guard registers a driver with a checked ID number; a manager blacklists one; bad numbers are refused naming the field', async () => {
    const driver = await app.as(guard, 'POST', '/drivers', { residentIdNumber: '11010519491231002x', name: '张三', mobile: '13800138000' });
    expect([driver.status, driver.body]).toEqual([
      201,
      { residentIdNumber: '11010519491231002X', name: '张三', mobile: '13800138000', blacklistReason: null, blacklistedBy: null },
    ]);
    const wrongDigit = await app.as(guard, 'POST', '/drivers', { residentIdNumber: '110105194912310021', name: '李四', mobile: '13800138000' });
    expect([wrongDigit.status, wrongDigit.body.code, wrongDigit.body.field, wrongDigit.body.details.reason]).toEqual([
      422,
      'RESIDENT_ID_INVALID',
      'residentIdNumber',
      'check_digit',
    ]);
    const badMobile = await app.as(guard, 'POST', '/drivers', { residentIdNumber: '440524188001010014', name: '李四', mobile: '12345' });
    expect([badMobile.status, badMobile.body.code]).toEqual([422, 'MOBILE_NUMBER_INVALID']);
    const byGuard = await app.as(guard, 'POST', '/blacklist/drivers', { residentIdNumber: '11010519491231002X', reason: 'violence' });
    expect(byGuard.status).toBe(403);
    const listed = await app.as(manager, 'POST', '/blacklist/drivers', { residentIdNumber: '11010519491231002X', reason: 'violence at the gate' });
    expect([listed.status, listed.body.blacklistReason, listed.body.name]).toEqual([201, 'violence at the gate', '张三']);
    const drivers = await app.as(guard, 'GET', '/drivers?blacklisted=true');
    expect(drivers.body.items).toEqual([expect.objectContaining({ residentIdNumber: '11010519491231002X', blacklistedBy: manager.sub })]);
    // The refused registrations wrote nothing.
    expect((await app.as(guard, 'GET', '/drivers')).body.items).toHaveLength(1);
  });

  it('a manager lifts a blacklisting with a reason: the plate comes in again on its appointment, the list shows it cleared, and it can be blacklisted again', async () => {
    const collector = { residentIdNumber: '440524188001010014', name: '张三', mobile: '13800138000' };
    await app.publish(
      orderWorkOrderTopic,
      'work-order-WO-OUT-9',
      WorkOrderOpenedSchema,
      create(WorkOrderOpenedSchema, {
        orderId: 'WO-OUT-9',
        type: OrderType.OUTBOUND,
        ownerPartyId: 'P-HENGDA',
        pickup: create(PickupApplicationSchema, {
          pickupDate: create(LocalDateSchema, { value: '2026-12-08' }),
          pickupUntil: create(LocalDateSchema, { value: '2026-12-08' }),
          collector: create(PickupCollectorSchema, collector),
          vehiclePlates: ['沪C77777'],
        }),
      }),
    );
    await waitFor(async () => ((await app.db.query(`SELECT 1 FROM events WHERE stream_id = 'gate-order-WO-OUT-9'`)).rowCount ?? 0) > 0, {
      timeoutMs: 60_000,
      describe: 'the gate knows WO-OUT-9',
    });
    const slot = { gate: 'south', date: '2026-12-08', period: '08:00-10:00' };
    expect((await app.as(depositor('P-HENGDA'), 'POST', '/appointments', { orderId: 'WO-OUT-9', plate: '沪C77777', driver: collector, ...slot })).status).toBe(
      201,
    );
    expect((await app.as(manager, 'POST', '/blacklist/plates', { plate: '沪C77777', reason: 'overloaded on the yard road' })).status).toBe(201);
    clock.set(new Date('2026-12-08T00:30:00Z'));
    const barred = await app.signed(CAMERA, 'POST', '/integration/gate/plate-reads', { readId: 'lift-1', gate: 'south', plate: '沪C77777' });
    expect([barred.body.outcome, barred.body.reasons]).toEqual(['refused', ['blacklisted']]);

    const byGuard = await app.as(guard, 'POST', `/blacklist/plates/${encodeURIComponent('沪C77777')}/lift`, { reason: 'fine paid' });
    expect(byGuard.status).toBe(403);
    const noReason = await app.as(manager, 'POST', `/blacklist/plates/${encodeURIComponent('沪C77777')}/lift`, { reason: '' });
    expect([noReason.status, noReason.body.code, noReason.body.field]).toEqual([422, 'FIELD_REQUIRED', 'reason']);
    const lifted = await app.as(manager, 'POST', `/blacklist/plates/${encodeURIComponent('沪c 77777')}/lift`, { reason: 'fine paid, driver retrained' });
    expect([lifted.status, lifted.body]).toEqual([
      200,
      { plate: '沪C77777', vehicleClass: null, description: null, blacklistReason: null, blacklistedBy: null },
    ]);
    const twice = await app.as(manager, 'POST', `/blacklist/plates/${encodeURIComponent('沪C77777')}/lift`, { reason: 'again' });
    expect([twice.status, twice.body.code]).toEqual([409, 'NOT_BLACKLISTED']);
    const never = await app.as(manager, 'POST', `/blacklist/plates/${encodeURIComponent('沪D12345')}/lift`, { reason: 'x' });
    expect([never.status, never.body.code]).toEqual([409, 'NOT_BLACKLISTED']);
    const badPlate = await app.as(manager, 'POST', '/blacklist/plates/AB-1234/lift', { reason: 'x' });
    expect([badPlate.status, badPlate.body.code]).toEqual([422, 'PLATE_NUMBER_INVALID']);
    const lift = await app.db.query<{ data: { reason: string; by: string; at: string } }>(
      `SELECT data FROM events WHERE stream_id = $1 AND event_type = 'VehicleBlacklistingLifted'`,
      ['vehicle-沪C77777'],
    );
    expect(lift.rows.map((row) => [row.data.reason, row.data.by, row.data.at])).toEqual([
      ['fine paid, driver retrained', manager.sub, '2026-12-08T00:30:00.000Z'],
    ]);

    const admitted = await app.signed(CAMERA, 'POST', '/integration/gate/plate-reads', { readId: 'lift-2', gate: 'south', plate: '沪C77777' });
    expect([admitted.body.outcome, admitted.body.appointmentId]).toEqual(['admitted', 'WO-OUT-9-A1']);
    expect((await app.as(ops, 'GET', '/vehicles?blacklisted=true')).body.items.map((v: { plate: string }) => v.plate)).not.toContain('沪C77777');

    const again = await app.as(manager, 'POST', '/blacklist/plates', { plate: '沪C77777', reason: 'speeding in the yard' });
    expect([again.status, again.body.blacklistReason]).toEqual([201, 'speeding in the yard']);

    const driverLifted = await app.as(manager, 'POST', '/blacklist/drivers/11010519491231002X/lift', { reason: 'apologised in writing' });
    expect([driverLifted.status, driverLifted.body.blacklistReason, driverLifted.body.name]).toEqual([200, null, '张三']);
    const driverAgain = await app.as(manager, 'POST', '/blacklist/drivers/11010519491231002X/lift', { reason: 'again' });
    expect([driverAgain.status, driverAgain.body.code]).toEqual([409, 'NOT_BLACKLISTED']);
    expect((await app.as(guard, 'GET', '/drivers?blacklisted=true')).body.items).toEqual([]);
  });
});
