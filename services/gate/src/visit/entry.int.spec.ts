import { create, fromBinary } from '@bufbuild/protobuf';
import {
  EntryMethod,
  gateVisitTopic,
  LocalDateSchema,
  OrderType,
  orderWorkOrderTopic,
  PickupApplicationSchema,
  PickupCollectorSchema,
  topicName,
  VehicleAdmittedSchema,
  VehicleRefusedSchema,
  VisitPurpose,
  WorkOrderOpenedSchema,
} from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { signRequest } from '@dw/platform';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { BANK, CAMERA, depositor, GateTestApp, guard, manager } from '../testing/gate-test-app.spec-helper';

/**
 * Entry over the signed device API and the guard's route, on the real PostgreSQL and Kafka:
 * Tuesday 2026-12-08, 08:30 in Shanghai, the pickup's slot south 08:00-10:00.
 */
describe('entry at the gate', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  let app: GateTestApp;
  let recorder: TopicRecorder;
  const collector = { residentIdNumber: '440524188001010014', name: '张三', mobile: '13800138000' };

  beforeAll(async () => {
    app = await GateTestApp.start('entry', clock);
    recorder = await new TopicRecorder(testMessageBus(), [topicName(gateVisitTopic, app.prefix)]).start();
    await app.publish(
      orderWorkOrderTopic,
      'work-order-WO-OUT-7',
      WorkOrderOpenedSchema,
      create(WorkOrderOpenedSchema, {
        orderId: 'WO-OUT-7',
        type: OrderType.OUTBOUND,
        ownerPartyId: 'P-HENGDA',
        pickup: create(PickupApplicationSchema, {
          pickupDate: create(LocalDateSchema, { value: '2026-12-08' }),
          pickupUntil: create(LocalDateSchema, { value: '2026-12-08' }),
          collector: create(PickupCollectorSchema, collector),
          vehiclePlates: ['沪A12345'],
        }),
      }),
    );
    await waitFor(async () => ((await app.db.query(`SELECT 1 FROM events WHERE stream_id = 'gate-order-WO-OUT-7'`)).rowCount ?? 0) > 0, {
      timeoutMs: 60_000,
      describe: 'the gate knows WO-OUT-7',
    });
    const booked = await app.as(depositor('P-HENGDA'), 'POST', '/appointments', {
      orderId: 'WO-OUT-7',
      plate: '沪A12345',
      driver: collector,
      gate: 'south',
      date: '2026-12-08',
      period: '08:00-10:00',
    });
    expect(booked.status).toBe(201);
    expect((await app.as(manager, 'POST', '/vehicles', { plate: '沪F11111', vehicleClass: 'special', description: 'fire brigade' })).status).toBe(201);
    expect((await app.as(manager, 'POST', '/blacklist/plates', { plate: '沪E66666', reason: 'forged pickup papers' })).status).toBe(201);
    clock.set(new Date('2026-12-08T00:30:00Z'));
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  const published = (typeName: string, count: number) =>
    waitFor(
      () => {
        const found = recorder.messages.filter((message) => message.headers.ce_type === typeName);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs: 60_000, describe: `${count} ${typeName} on gate.visit.v1` },
    );

  it('a camera’s signed read lets the booked pickup in on its appointment and a repeat answers the same; the visit is published with who let it in', async () => {
    const read = { readId: 'r-0001', gate: 'south', plate: '沪A 12345' };
    const first = await app.signed(CAMERA, 'POST', '/integration/gate/plate-reads', read, { idempotencyKey: 'cam-r-0001' });
    expect([first.status, first.body]).toEqual([
      200,
      {
        visitId: 'cam-south-1-r-0001',
        plate: '沪A12345',
        vehicleClass: 'temporary',
        gate: 'south',
        outcome: 'admitted',
        reasons: [],
        appointmentId: 'WO-OUT-7-A1',
        purpose: 'pickup',
        needsWeighbridge: true,
        decidedBy: CAMERA.id,
      },
    ]);
    // The camera sends the read again under a new key: the visit decides once.
    const again = await app.signed(CAMERA, 'POST', '/integration/gate/plate-reads', read);
    expect([again.status, again.body.outcome, again.body.appointmentId]).toEqual([200, 'admitted', 'WO-OUT-7-A1']);
    const [message] = await published(VehicleAdmittedSchema.typeName, 1);
    expect(message!.key).toBe('cam-south-1-r-0001');
    expect(fromBinary(VehicleAdmittedSchema, message!.value)).toMatchObject({
      visitId: 'cam-south-1-r-0001',
      plate: '沪A12345',
      purpose: VisitPurpose.PICKUP,
      method: EntryMethod.PLATE_CAMERA,
      appointmentId: 'WO-OUT-7-A1',
      orderId: 'WO-OUT-7',
      needsWeighbridge: true,
      deviceId: CAMERA.id,
      admittedBy: { subject: CAMERA.id, role: 'device' },
    });
    const appointments = await app.as(guard, 'GET', '/appointments?date=2026-12-08');
    expect(appointments.body.items).toEqual([expect.objectContaining({ appointmentId: 'WO-OUT-7-A1', status: 'arrived' })]);
    // Arrived once: the same plate read again later is refused, the appointment is used.
    const later = await app.signed(CAMERA, 'POST', '/integration/gate/plate-reads', { ...read, readId: 'r-0002' });
    expect([later.body.outcome, later.body.reasons]).toEqual(['refused', ['no_appointment']]);
  });

  it('refuses and records a blacklisted plate and a special vehicle read by the camera; a guard releases the special vehicle with a reason', async () => {
    const black = await app.signed(CAMERA, 'POST', '/integration/gate/plate-reads', { readId: 'r-0100', gate: 'south', plate: '沪E66666' });
    expect([black.status, black.body.outcome, black.body.reasons]).toEqual([200, 'refused', ['blacklisted', 'no_appointment']]);
    const fire = await app.signed(CAMERA, 'POST', '/integration/gate/plate-reads', { readId: 'r-0101', gate: 'south', plate: '沪F11111' });
    expect([fire.body.outcome, fire.body.reasons]).toEqual(['refused', ['guard_release_required']]);
    const released = await app.as(guard, 'POST', '/entries', { gate: 'south', plate: '沪F11111', reason: 'fire brigade inspection' });
    expect([released.status, released.body.outcome, released.body.purpose, released.body.decidedBy]).toEqual([200, 'admitted', 'special', guard.sub]);
    const noReason = await app.as(guard, 'POST', '/entries', { gate: 'south', plate: '沪F11111', reason: '' });
    expect([noReason.status, noReason.body.code, noReason.body.field]).toEqual([422, 'FIELD_REQUIRED', 'reason']);
    const badGate = await app.as(guard, 'POST', '/entries', { gate: 'east', plate: '沪F11111', reason: 'x' });
    expect([badGate.status, badGate.body.code]).toEqual([422, 'GATE_UNKNOWN']);
    const refusals = await published(VehicleRefusedSchema.typeName, 3);
    expect(refusals.map((m) => fromBinary(VehicleRefusedSchema, m.value).reasons)).toEqual(
      expect.arrayContaining([['blacklisted', 'no_appointment'], ['guard_release_required']]),
    );
    const visits = await app.as(manager, 'GET', '/visits?date=2026-12-08&outcome=refused');
    expect(visits.body.items.map((v: { plate: string; decidedBy: string }) => [v.plate, v.decidedBy])).toEqual([
      ['沪A12345', CAMERA.id],
      ['沪E66666', CAMERA.id],
      ['沪F11111', CAMERA.id],
    ]);
  });

  it('refuses unsigned, stale, replayed and non-device calls before reading them, recording nothing', async () => {
    const path = '/integration/gate/plate-reads';
    const body = { readId: 'r-0200', gate: 'south', plate: '沪A99999' };
    const unsigned = await app.as(guard, 'POST', path, body, { 'idempotency-key': 'k-unsigned' });
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'SIGNATURE_MISSING']);
    // Signed ten minutes ago: outside the ±300 s window.
    const staleClock = new ManualClock('2026-12-08T00:20:00Z');
    const stale = await app.signed(CAMERA, 'POST', path, body, {
      headers: signRequest({ clientId: CAMERA.id, secret: CAMERA.secret, method: 'POST', path, body: JSON.stringify(body), clock: staleClock }),
    });
    expect([stale.status, stale.body.code]).toEqual([401, 'REQUEST_STALE']);
    const headers = signRequest({ clientId: CAMERA.id, secret: CAMERA.secret, method: 'POST', path, body: JSON.stringify(body), clock });
    const once = await app.signed(CAMERA, 'POST', path, body, { headers, idempotencyKey: 'k-replay-1' });
    expect(once.status).toBe(200);
    const replayed = await app.signed(CAMERA, 'POST', path, body, { headers, idempotencyKey: 'k-replay-2' });
    expect([replayed.status, replayed.body.code]).toEqual([401, 'NONCE_REPLAYED']);
    const wrongSecret = await app.signed(CAMERA, 'POST', path, body, {
      headers: signRequest({ clientId: CAMERA.id, secret: 'not-the-camera-secret-0123456789-0123', method: 'POST', path, body: JSON.stringify(body), clock }),
    });
    expect([wrongSecret.status, wrongSecret.body.code]).toEqual([401, 'SIGNATURE_INVALID']);
    const bank = await app.signed(BANK, 'POST', path, { ...body, readId: 'r-0201' });
    expect(bank.status).toBe(403);
    const malformed = await app.signed(CAMERA, 'POST', path, { readId: 'r 0202', gate: 'south', plate: '沪A99999', speed: 3 });
    expect(malformed.status).toBe(400);
    const visits = await app.as(manager, 'GET', '/visits?date=2026-12-08');
    expect(visits.body.items.filter((v: { plate: string }) => v.plate === '沪A99999')).toHaveLength(1);
  });

  it('counts the traffic per day by direction, class, purpose and outcome, paginated', async () => {
    // The visits of 2026-12-08 above: admitted the pickup 沪A12345 (temporary) and the fire engine 沪F11111 (special, by the guard);
    // refused 沪A12345 a second time, 沪E66666 and 沪A99999 (temporary, 3) and 沪F11111 on the camera's read alone (special, 1).
    const first = await app.as(manager, 'GET', '/traffic?from=2026-12-08&to=2026-12-08&limit=2');
    const next = await app.as(manager, 'GET', `/traffic?from=2026-12-08&to=2026-12-08&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    const rows = [...first.body.items, ...next.body.items].map((r: { vehicleClass: string; purpose: string; outcome: string; vehicles: number }) => [
      r.vehicleClass,
      r.purpose,
      r.outcome,
      r.vehicles,
    ]);
    expect(rows).toEqual([
      ['special', 'none', 'refused', 1],
      ['special', 'special', 'admitted', 1],
      ['temporary', 'none', 'refused', 3],
      ['temporary', 'pickup', 'admitted', 1],
    ]);
    expect(next.body.nextCursor).toBeNull();
    expect((await app.as(manager, 'GET', '/traffic?from=2026-12-07&to=2026-12-07')).body.items).toEqual([]);
    const backwards = await app.as(manager, 'GET', '/traffic?from=2026-12-09&to=2026-12-08');
    expect([backwards.status, backwards.body.code, backwards.body.field]).toEqual([422, 'PERIOD_INVALID', 'to']);
    const badDay = await app.as(manager, 'GET', '/traffic?from=2026-02-30&to=2026-12-08');
    expect([badDay.status, badDay.body.code, badDay.body.field]).toEqual([422, 'INVALID_DATE', 'from']);
    expect((await app.as(guard, 'GET', '/traffic?from=2026-12-08&to=2026-12-08')).status).toBe(403);
  });
});
