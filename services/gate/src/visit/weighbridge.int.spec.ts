import { create, fromBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { createHash } from 'node:crypto';
import {
  EntitledLotSchema,
  ExitPassIssuedSchema,
  gateVisitTopic,
  InboundNoticeSchema,
  inventoryLotTopic,
  LocalDateSchema,
  OrderType,
  orderWorkOrderTopic,
  OutboundEntitlementGrantedSchema,
  OutboundEntitlementReferenceSchema,
  PickupApplicationSchema,
  PickupCollectorSchema,
  PiecesShippedOutSchema,
  receiptEntitlementTopic,
  StockHoldKind,
  StockHoldPlacedSchema,
  StockHoldReleasedSchema,
  topicName,
  toWeight,
  VehicleHeldAtExitSchema,
  VehicleLeftSchema,
  WeighTicketIssuedSchema,
  WorkOrderOpenedSchema,
} from '@dw/contracts';
import { ManualClock, verifyEd25519 } from '@dw/kernel';
import { rebuildService, signRequest } from '@dw/platform';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { gateServiceDefinition } from '../gate.service-definition';
import { BANK, CAMERA, depositor, EXIT_CAMERA, GateTestApp, guard, manager, ops, SCALE } from '../testing/gate-test-app.spec-helper';
import { exitPassCanonicalBytes, type ExitPass } from './domain/exit-pass';

/**
 * The weighbridge and the exit release over the signed device API, on the real PostgreSQL and
 * Kafka: the order, the entitlement, the load-outs and the stock holds arrive on their real
 * topics. Tuesday 2026-12-08, 09:00 in Shanghai; every truck booked into south 08:00-10:00.
 */
describe('the weighbridge and the exit release', () => {
  const clock = new ManualClock('2026-12-08T01:00:00Z');
  let app: GateTestApp;
  let recorder: TopicRecorder;
  const collector = { residentIdNumber: '440524188001010014', name: '张三', mobile: '13800138000' };
  const hengda = depositor('P-HENGDA');
  const visitOf: Record<string, string> = {};

  /** A pickup order opened from entitlement `entitlementId` (lots), for one plate. */
  const pickupOrder = async (orderId: string, plate: string, entitlementId: string, lots: string[]) => {
    await app.publish(
      orderWorkOrderTopic,
      `work-order-${orderId}`,
      WorkOrderOpenedSchema,
      create(WorkOrderOpenedSchema, {
        orderId,
        type: OrderType.OUTBOUND,
        ownerPartyId: 'P-HENGDA',
        entitlement: create(OutboundEntitlementReferenceSchema, { entitlementId }),
        pickup: create(PickupApplicationSchema, {
          pickupDate: create(LocalDateSchema, { value: '2026-12-08' }),
          pickupUntil: create(LocalDateSchema, { value: '2026-12-08' }),
          collector: create(PickupCollectorSchema, collector),
          vehiclePlates: [plate],
        }),
      }),
    );
    await app.publish(
      receiptEntitlementTopic,
      entitlementId,
      OutboundEntitlementGrantedSchema,
      create(OutboundEntitlementGrantedSchema, {
        entitlementId,
        holderPartyId: 'P-HENGDA',
        commodityCode: 'rb-400e-20-sg',
        lots: lots.map((lotId) => create(EntitledLotSchema, { lotId, pieces: 10, net: toWeight(25_000) })),
      }),
    );
  };
  const streamExists = (streamId: string) =>
    waitFor(async () => ((await app.db.query(`SELECT 1 FROM events WHERE stream_id = $1`, [streamId])).rowCount ?? 0) > 0, {
      timeoutMs: 60_000,
      describe: `stream ${streamId}`,
    });
  /** Booked and let in by the south camera: the visit id. */
  const arrive = async (orderId: string, plate: string) => {
    const booked = await app.as(hengda, 'POST', '/appointments', {
      orderId,
      plate,
      driver: collector,
      gate: 'south',
      date: '2026-12-08',
      period: '08:00-10:00',
    });
    expect(booked.status).toBe(201);
    const entered = await app.signed(CAMERA, 'POST', '/integration/gate/plate-reads', { readId: `in-${plate.slice(1)}`, gate: 'south', plate });
    expect(entered.body).toMatchObject({ outcome: 'admitted' });
    visitOf[plate] = entered.body.visitId;
    await app.readModelsCaughtUp();
    return entered.body.visitId as string;
  };
  /** Inventory's load-out of a lot onto the vehicle, as PiecesShippedOut; waits until the visit has learnt it. */
  const loadOut = async (plate: string, load: { orderId: string; entitlementId: string; lotId: string; netKg: number }, loads = 1) => {
    await app.publish(
      inventoryLotTopic,
      load.lotId,
      PiecesShippedOutSchema,
      create(PiecesShippedOutSchema, {
        lotId: load.lotId,
        orderId: load.orderId,
        entitlementId: load.entitlementId,
        pieces: 10,
        net: toWeight(load.netKg),
        loadOutNoteId: `${load.orderId}-L1`,
        vehicle: plate,
        commodityCode: 'rb-400e-20-sg',
        toleranceBasisPoints: 30,
      }),
    );
    await waitFor(async () => ((await app.as(guard, 'GET', `/visits/${visitOf[plate]}`)).body.loads?.length ?? 0) >= loads || undefined, {
      timeoutMs: 60_000,
      describe: `the visit of ${plate} learnt its load`,
    });
  };
  const weigh = (readingId: string, plate: string, weightKg: number) =>
    app.signed(SCALE, 'POST', '/integration/gate/scale-readings', { readingId, plate, weightKg, readAt: clock.now().toISOString() });
  const published = (typeName: string, count: number) =>
    waitFor(
      () => {
        const found = recorder.messages.filter((message) => message.headers.ce_type === typeName);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs: 60_000, describe: `${count} ${typeName} on gate.visit.v1` },
    );

  beforeAll(async () => {
    app = await GateTestApp.start('weighbridge', clock);
    recorder = await new TopicRecorder(testMessageBus(), [topicName(gateVisitTopic, app.prefix)]).start();
    await pickupOrder('WO-OUT-1', '沪A12345', 'ENT-1', ['L1', 'L2']);
    await pickupOrder('WO-OUT-2', '沪B67890', 'ENT-2', ['L3']);
    await pickupOrder('WO-OUT-4', '沪C11111', 'ENT-4', ['L4']);
    await pickupOrder('WO-OUT-5', '沪D22222', 'ENT-5', ['L5']);
    await pickupOrder('WO-OUT-6', '沪E33333', 'ENT-6', ['L6']);
    await app.publish(
      orderWorkOrderTopic,
      'work-order-WO-IN-1',
      WorkOrderOpenedSchema,
      create(WorkOrderOpenedSchema, {
        orderId: 'WO-IN-1',
        type: OrderType.INBOUND,
        ownerPartyId: 'P-HENGDA',
        notice: create(InboundNoticeSchema, {
          arrivalFrom: timestampFromDate(new Date('2026-12-07T16:00:00Z')),
          arrivalTo: timestampFromDate(new Date('2026-12-08T15:00:00Z')),
        }),
      }),
    );
    // A freeze (a court order) on L4, and a reservation on L1 that must not hold anything.
    await app.publish(
      inventoryLotTopic,
      'L4',
      StockHoldPlacedSchema,
      create(StockHoldPlacedSchema, { lotId: 'L4', holdId: 'H-COURT-1', kind: StockHoldKind.FREEZE, holder: 'court', reason: 'court order', pieces: 10 }),
    );
    await app.publish(
      inventoryLotTopic,
      'L1',
      StockHoldPlacedSchema,
      create(StockHoldPlacedSchema, { lotId: 'L1', holdId: 'H-RES-1', kind: StockHoldKind.RESERVATION, holder: 'WO-OUT-1', pieces: 10 }),
    );
    for (const id of ['WO-OUT-1', 'WO-OUT-2', 'WO-OUT-4', 'WO-OUT-5', 'WO-OUT-6', 'WO-IN-1']) await streamExists(`gate-order-${id}`);
    for (const id of ['ENT-1', 'ENT-2', 'ENT-4', 'ENT-5', 'ENT-6']) await streamExists(`gate-entitlement-${id}`);
    await streamExists('gate-lot-L4');
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  it('weighs a pickup tare in and gross out from the signed scale, issues the ticket and a signed exit pass at once, and the vehicle leaves on it', async () => {
    const visitId = await arrive('WO-OUT-1', '沪A12345');
    const tare = await weigh('r-a1', '沪A12345', 15_000);
    expect([tare.status, tare.body]).toEqual([200, { visitId, weighing: 'tare', weightKg: 15_000, ticket: null, exit: null }]);
    await loadOut('沪A12345', { orderId: 'WO-OUT-1', entitlementId: 'ENT-1', lotId: 'L1', netKg: 25_000 });
    // Gross 39,960 − tare 15,000 = net 24,960 kg; the note says 25,000 kg at 30 bp: allowed 75 kg, difference 40 kg → released.
    const gross = await weigh('r-a2', '沪A12345', 39_960);
    expect(gross.status).toBe(200);
    expect(gross.body).toMatchObject({
      visitId,
      weighing: 'gross',
      weightKg: 39_960,
      ticket: { ticketNumber: `WT-${visitId}`, tareKg: 15_000, grossKg: 39_960, netKg: 24_960 },
      exit: { outcome: 'released', conditions: [], passNumber: `EP-20261208-${visitId}`, alarmIds: [] },
    });
    // A retry of the same reading answers the same and weighs nothing again.
    const again = await weigh('r-a2', '沪A12345', 39_960);
    expect(again.body).toEqual(gross.body);

    const [ticketMessage] = await published(WeighTicketIssuedSchema.typeName, 1);
    const ticketEvent = fromBinary(WeighTicketIssuedSchema, ticketMessage!.value);
    const pdf = await fetch(`${app.url}/visits/${visitId}/weigh-ticket`, { headers: { authorization: `Bearer ${app.token(guard)}` } });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(ticketEvent.sha256);
    expect(ticketEvent.sha256).toBe(gross.body.ticket.sha256);

    const left = await app.signed(EXIT_CAMERA, 'POST', '/integration/gate/exit-reads', { readId: 'out-a', gate: 'south', plate: '沪A12345' });
    expect([left.status, left.body]).toEqual([200, { visitId, outcome: 'left', passNumber: `EP-20261208-${visitId}` }]);
    const [leftMessage] = await published(VehicleLeftSchema.typeName, 1);
    expect(fromBinary(VehicleLeftSchema, leftMessage!.value)).toMatchObject({ visitId, passNumber: `EP-20261208-${visitId}`, gate: 'south' });
    const visit = await app.as(ops, 'GET', `/visits/${visitId}`);
    expect(visit.body).toMatchObject({
      outcome: 'admitted',
      orderId: 'WO-OUT-1',
      weighings: [
        { weighing: 'tare', weightKg: 15_000 },
        { weighing: 'gross', weightKg: 39_960 },
      ],
      loads: [{ noteId: 'WO-OUT-1-L1', orderId: 'WO-OUT-1', entitlementId: 'ENT-1', lots: ['L1'], pieces: 10, netKg: 25_000 }],
      exit: { outcome: 'released' },
      left: { gate: 'south', method: 'plate_camera', by: 'cam-exit-1' },
    });
  });

  it('an exit pass verifies against the gate’s published key, a tampered one does not; the depositor sees its own, another party 404', async () => {
    const passNumber = `EP-20261208-${visitOf['沪A12345']}`;
    const pass = await app.as(guard, 'GET', `/exit-passes/${passNumber}`);
    expect(pass.status).toBe(200);
    expect(pass.body).toMatchObject({ passNumber, orderId: 'WO-OUT-1', entitlementId: 'ENT-1', netKg: 24_960, valid: true });
    const [issued] = await published(ExitPassIssuedSchema.typeName, 1);
    expect(fromBinary(ExitPassIssuedSchema, issued!.value).signature).toBe(pass.body.signature);
    const key = await app.as(hengda, 'GET', '/exit-passes/signing-key');
    expect(key.body.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const { signature, valid: _valid, ...fields } = pass.body as ExitPass & { signature: string; valid: boolean };
    expect(verifyEd25519(exitPassCanonicalBytes(fields), signature, key.body.publicKeyPem)).toBe(true);
    expect(verifyEd25519(exitPassCanonicalBytes({ ...fields, netKg: 25_960 }), signature, key.body.publicKeyPem)).toBe(false);
    expect(verifyEd25519(exitPassCanonicalBytes({ ...fields, plate: '沪B67890' }), signature, key.body.publicKeyPem)).toBe(false);
    expect((await app.as(hengda, 'GET', `/exit-passes/${passNumber}`)).body.valid).toBe(true);
    const other = await app.as(depositor('P-OTHER'), 'GET', `/exit-passes/${passNumber}`);
    expect([other.status, other.body.code]).toEqual([404, 'EXIT_PASS_NOT_FOUND']);
    expect((await app.as(guard, 'GET', '/exit-passes/EP-20261208-nobody')).status).toBe(404);
    expect((await app.as(guard, 'GET', '/exit-passes/not-a-pass')).status).toBe(404);
  });

  it('holds a truck booked for one order but loaded under another on no_appointment alone, with a red exit_held alarm; the exit barrier keeps it', async () => {
    const visitId = await arrive('WO-OUT-2', '沪B67890');
    await weigh('r-b1', '沪B67890', 15_000);
    // Loaded under WO-OUT-3 (same entitlement ENT-2, lot L3 of it): only the order is wrong.
    await loadOut('沪B67890', { orderId: 'WO-OUT-3', entitlementId: 'ENT-2', lotId: 'L3', netKg: 25_000 });
    const gross = await weigh('r-b2', '沪B67890', 40_000);
    expect(gross.body.exit).toEqual({ outcome: 'held', conditions: ['no_appointment'], passNumber: null, alarmIds: [`exit-${visitId}-1-no_appointment`] });
    await app.readModelsCaughtUp();
    const alarms = await app.as(ops, 'GET', '/alarms?state=open&grade=red&kind=exit_held');
    expect(alarms.body.items).toEqual([
      expect.objectContaining({ alarmId: `exit-${visitId}-1-no_appointment`, kind: 'exit_held', grade: 'red', subject: 'no_appointment' }),
    ]);
    const atBarrier = await app.signed(EXIT_CAMERA, 'POST', '/integration/gate/exit-reads', { readId: 'out-b', gate: 'south', plate: '沪B67890' });
    expect(atBarrier.body).toEqual({ visitId, outcome: 'held', conditions: ['no_appointment'], alarmIds: [`exit-${visitId}-1-no_appointment`] });
    const byGuard = await app.as(guard, 'POST', '/exits', { gate: 'south', plate: '沪B67890', reason: 'driver insists' });
    expect(byGuard.body).toMatchObject({ outcome: 'held', conditions: ['no_appointment'] });
    const [held] = await published(VehicleHeldAtExitSchema.typeName, 1);
    expect(fromBinary(VehicleHeldAtExitSchema, held!.value)).toMatchObject({ visitId, conditions: ['no_appointment'], toleranceBasisPoints: 30 });
  });

  it('holds a truck whose lot is frozen on entitlement_held alone; once the freeze is released and the alarm worked, the guard’s re-check passes it', async () => {
    const visitId = await arrive('WO-OUT-4', '沪C11111');
    await weigh('r-c1', '沪C11111', 15_000);
    await loadOut('沪C11111', { orderId: 'WO-OUT-4', entitlementId: 'ENT-4', lotId: 'L4', netKg: 25_000 });
    const gross = await weigh('r-c2', '沪C11111', 40_000);
    const alarmId = `exit-${visitId}-1-entitlement_held`;
    expect(gross.body.exit).toEqual({ outcome: 'held', conditions: ['entitlement_held'], passNumber: null, alarmIds: [alarmId] });
    await app.publish(
      inventoryLotTopic,
      'L4',
      StockHoldReleasedSchema,
      create(StockHoldReleasedSchema, { lotId: 'L4', holdId: 'H-COURT-1', kind: StockHoldKind.FREEZE, holder: 'court' }),
    );
    await waitFor(async () => ((await app.db.query(`SELECT 1 FROM events WHERE stream_id = 'gate-lot-L4'`)).rowCount ?? 0) >= 2 || undefined, {
      timeoutMs: 60_000,
      describe: 'the gate learnt the release',
    });
    expect((await app.as(guard, 'POST', `/alarms/${alarmId}/acknowledge`)).status).toBe(200);
    expect((await app.as(guard, 'POST', `/alarms/${alarmId}/handle`, { note: 'court lifted the order; freeze released' })).status).toBe(200);
    expect((await app.as(ops, 'POST', `/alarms/${alarmId}/close`, {})).status).toBe(200);
    // Only a guard re-runs the check.
    expect((await app.as(ops, 'POST', `/visits/${visitId}/exit-check`)).status).toBe(403);
    const recheck = await app.as(guard, 'POST', `/visits/${visitId}/exit-check`);
    expect([recheck.status, recheck.body]).toEqual([200, { outcome: 'released', conditions: [], passNumber: `EP-20261208-${visitId}`, alarmIds: [] }]);
    const left = await app.as(guard, 'POST', '/exits', { gate: 'south', plate: '沪C11111', reason: 'exit camera down' });
    expect(left.body).toEqual({ visitId, outcome: 'left', passNumber: `EP-20261208-${visitId}` });
    const visit = await app.as(manager, 'GET', `/visits/${visitId}`);
    expect(visit.body.holds).toEqual([expect.objectContaining({ conditions: ['entitlement_held'], checkedBy: 'scale-1' })]);
    expect(visit.body.left).toMatchObject({ method: 'guard', by: 'guard-wang' });
  });

  it('holds a truck carrying a lot its entitlement does not list on pieces_not_entitled alone', async () => {
    const visitId = await arrive('WO-OUT-5', '沪D22222');
    await weigh('r-d1', '沪D22222', 15_000);
    await loadOut('沪D22222', { orderId: 'WO-OUT-5', entitlementId: 'ENT-5', lotId: 'L9', netKg: 25_000 });
    const gross = await weigh('r-d2', '沪D22222', 40_000);
    expect(gross.body.exit).toEqual({
      outcome: 'held',
      conditions: ['pieces_not_entitled'],
      passNumber: null,
      alarmIds: [`exit-${visitId}-1-pieces_not_entitled`],
    });
  });

  it('holds a truck whose weighbridge net is 100 kg off a 25,000 kg note at 30 bp on net_outside_tolerance alone', async () => {
    const visitId = await arrive('WO-OUT-6', '沪E33333');
    await weigh('r-e1', '沪E33333', 15_000);
    await loadOut('沪E33333', { orderId: 'WO-OUT-6', entitlementId: 'ENT-6', lotId: 'L6', netKg: 25_000 });
    // 39,900 − 15,000 = 24,900 kg; |24,900 − 25,000| = 100 > 25,000 × 30 / 10,000 = 75 kg.
    const gross = await weigh('r-e2', '沪E33333', 39_900);
    expect(gross.body.exit).toEqual({
      outcome: 'held',
      conditions: ['net_outside_tolerance'],
      passNumber: null,
      alarmIds: [`exit-${visitId}-1-net_outside_tolerance`],
    });
    const visit = await app.as(guard, 'GET', `/visits/${visitId}`);
    expect(visit.body.holds).toEqual([expect.objectContaining({ measuredNetKg: 24_900, notesNetKg: 25_000, toleranceBasisPoints: 30 })]);
  });

  it('weighs a delivery gross in and tare out, compares nothing and lets it leave without a pass; it stays before its second weighing', async () => {
    const visitId = await arrive('WO-IN-1', '沪F44444');
    expect((await weigh('r-f1', '沪F44444', 40_000)).body).toMatchObject({ weighing: 'gross', ticket: null, exit: null });
    const early = await app.signed(EXIT_CAMERA, 'POST', '/integration/gate/exit-reads', { readId: 'out-f1', gate: 'south', plate: '沪F44444' });
    expect(early.body).toEqual({ visitId, outcome: 'held', conditions: ['not_weighed'], alarmIds: [] });
    // 40,000 − 15,500 = 24,500 kg delivered; no exit check for goods coming in.
    const tare = await weigh('r-f2', '沪F44444', 15_500);
    expect(tare.body).toMatchObject({ weighing: 'tare', ticket: { tareKg: 15_500, grossKg: 40_000, netKg: 24_500 }, exit: null });
    const left = await app.signed(EXIT_CAMERA, 'POST', '/integration/gate/exit-reads', { readId: 'out-f2', gate: 'south', plate: '沪F44444' });
    expect(left.body).toEqual({ visitId, outcome: 'left', passNumber: null });
    expect((await app.as(guard, 'POST', `/visits/${visitId}/exit-check`)).body.code).toBe('VISIT_NOT_ON_SITE');
  });

  it('refuses a third reading, a plate with no vehicle on site, a class not weighed, and bad bodies, recording nothing', async () => {
    const third = await weigh('r-e3', '沪E33333', 39_950);
    expect([third.status, third.body.code]).toEqual([409, 'VEHICLE_ALREADY_WEIGHED']);
    const nobody = await weigh('r-x1', '沪K00001', 20_000);
    expect([nobody.status, nobody.body.code]).toEqual([404, 'VISIT_NOT_ON_SITE']);
    const gone = await weigh('r-x2', '沪A12345', 20_000);
    expect([gone.status, gone.body.code]).toEqual([404, 'VISIT_NOT_ON_SITE']);
    expect((await app.as(manager, 'POST', '/vehicles', { plate: '沪G55555', vehicleClass: 'internal', description: 'shuttle' })).status).toBe(201);
    const shuttle = await app.signed(CAMERA, 'POST', '/integration/gate/plate-reads', { readId: 'in-g', gate: 'south', plate: '沪G55555' });
    await app.readModelsCaughtUp();
    const notWeighed = await weigh('r-g1', '沪G55555', 3_000);
    expect([notWeighed.status, notWeighed.body.code]).toEqual([409, 'VEHICLE_NOT_WEIGHED']);
    const path = '/integration/gate/scale-readings';
    for (const body of [
      { readingId: 'r-y1', plate: '沪E33333', weightKg: 1.5, readAt: clock.now().toISOString() },
      { readingId: 'r-y2', plate: '沪E33333', weightKg: '20000', readAt: clock.now().toISOString() },
      { readingId: 'r-y3', plate: '沪E33333', weightKg: 0, readAt: clock.now().toISOString() },
      { readingId: 'r-y4', plate: '沪E33333', weightKg: 100_001, readAt: clock.now().toISOString() },
      { readingId: 'r-y5', plate: '沪E33333', weightKg: 20_000, readAt: clock.now().toISOString(), operator: 'typed' },
      { readingId: 'r y6', plate: '沪E33333', weightKg: 20_000, readAt: clock.now().toISOString() },
    ]) {
      const refused = await app.signed(SCALE, 'POST', path, body);
      expect([body.readingId, refused.status]).toEqual([body.readingId, 400]);
    }
    const badPlate = await weigh('r-y7', 'truck 7', 20_000);
    expect([badPlate.status, badPlate.body.code, badPlate.body.field]).toEqual([422, 'PLATE_NUMBER_INVALID', 'plate']);
    const noReason = await app.as(guard, 'POST', '/exits', { gate: 'south', plate: '沪G55555', reason: ' ' });
    expect([noReason.status, noReason.body.code]).toEqual([422, 'FIELD_REQUIRED']);
    const wrongGate = await app.as(guard, 'POST', '/exits', { gate: 'east', plate: '沪G55555', reason: 'camera down' });
    expect([wrongGate.status, wrongGate.body.code]).toEqual([422, 'GATE_UNKNOWN']);
    // No person records a weight: a guard's token does not open the scale's route.
    expect((await app.as(guard, 'POST', path, { readingId: 'r-z1', plate: '沪E33333', weightKg: 20_000, readAt: clock.now().toISOString() })).status).toBe(401);
    const visit = await app.as(guard, 'GET', `/visits/${visitOf['沪E33333']}`);
    expect(visit.body.weighings).toHaveLength(2);
    // The internal shuttle carries nothing and is not weighed: it leaves at once.
    const out = await app.signed(EXIT_CAMERA, 'POST', '/integration/gate/exit-reads', { readId: 'out-g', gate: 'south', plate: '沪G55555' });
    expect(out.body).toEqual({ visitId: shuttle.body.visitId, outcome: 'left', passNumber: null });
  });

  it('refuses unsigned, stale, replayed and non-device scale readings before reading them', async () => {
    const path = '/integration/gate/scale-readings';
    const body = { readingId: 'r-s1', plate: '沪E33333', weightKg: 20_000, readAt: clock.now().toISOString() };
    const unsigned = await app.as(guard, 'POST', path, body, { 'idempotency-key': 'k-unsigned' });
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'SIGNATURE_MISSING']);
    // Signed ten minutes ago: outside the ±300 s window.
    const staleClock = new ManualClock('2026-12-08T00:50:00Z');
    const stale = await app.signed(SCALE, 'POST', path, body, {
      headers: signRequest({ clientId: SCALE.id, secret: SCALE.secret, method: 'POST', path, body: JSON.stringify(body), clock: staleClock }),
    });
    expect([stale.status, stale.body.code]).toEqual([401, 'REQUEST_STALE']);
    const headers = signRequest({ clientId: SCALE.id, secret: SCALE.secret, method: 'POST', path, body: JSON.stringify(body), clock });
    const once = await app.signed(SCALE, 'POST', path, body, { headers, idempotencyKey: 'k-scale-replay-1' });
    expect([once.status, once.body.code]).toEqual([409, 'VEHICLE_ALREADY_WEIGHED']);
    const replayed = await app.signed(SCALE, 'POST', path, body, { headers, idempotencyKey: 'k-scale-replay-2' });
    expect([replayed.status, replayed.body.code]).toEqual([401, 'NONCE_REPLAYED']);
    const bank = await app.signed(BANK, 'POST', path, { ...body, readingId: 'r-s2' });
    expect(bank.status).toBe(403);
  });

  it('counts exits in the traffic, direction out', async () => {
    await app.readModelsCaughtUp();
    // The scripted day, 2026-12-08: in, admitted — temporary pickups A, B, C, D, E (5), temporary delivery F (1), internal G (1);
    // out, left — pickups A and C on their passes (2), delivery F (1), internal G (1). B, D and E are still held.
    const traffic = await app.as(manager, 'GET', '/traffic?from=2026-12-08&to=2026-12-08');
    expect(traffic.body.items).toEqual([
      { day: '2026-12-08', direction: 'in', vehicleClass: 'internal', purpose: 'internal', outcome: 'admitted', vehicles: 1 },
      { day: '2026-12-08', direction: 'in', vehicleClass: 'temporary', purpose: 'delivery', outcome: 'admitted', vehicles: 1 },
      { day: '2026-12-08', direction: 'in', vehicleClass: 'temporary', purpose: 'pickup', outcome: 'admitted', vehicles: 5 },
      { day: '2026-12-08', direction: 'out', vehicleClass: 'internal', purpose: 'internal', outcome: 'left', vehicles: 1 },
      { day: '2026-12-08', direction: 'out', vehicleClass: 'temporary', purpose: 'delivery', outcome: 'left', vehicles: 1 },
      { day: '2026-12-08', direction: 'out', vehicleClass: 'temporary', purpose: 'pickup', outcome: 'left', vehicles: 2 },
    ]);
  });

  it('rebuilds the visits and exits read models from the log, equal row for row to the live ones', async () => {
    await app.readModelsCaughtUp();
    const tables = ['visits', 'visit_exits', 'alarms', 'appointments'];
    const snapshot = async () =>
      Object.fromEntries(await Promise.all(tables.map(async (table) => [table, (await app.db.query(`SELECT * FROM ${table} ORDER BY 1`)).rows] as const)));
    const live = await snapshot();
    expect(live.visit_exits).toHaveLength(4);
    await rebuildService(gateServiceDefinition, app.commandEnv(), [], () => undefined);
    expect(await snapshot()).toEqual(live);
  });
});
