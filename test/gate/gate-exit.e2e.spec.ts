import { fromBinary } from '@bufbuild/protobuf';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboundEntitlementExhaustedSchema } from '@dw/contracts';
import { addCalendarDays, cnMainlandCalendar, shanghaiDateOf, type LocalDate } from '@dw/kernel';
import { scenarioStartDay, testMessageBus, TopicRecorder, waitFor } from '@dw/testing';
import { expectStatus, staffOf } from '../order-inventory/fixtures/inbound-receiving';
import { BANK, postSigned, startOrderAndInventory, type RunningServices } from '../order-inventory/fixtures/order-inventory-services';
import {
  cancelForPickup,
  loadOut,
  openPickup,
  personOf,
  receiptOverNewLot,
  receiptPeopleOf,
  setUpRebarWarehouse,
  SELLER,
} from '../outbound/fixtures/title-and-goods';
import { startReceiptBeside, type RunningReceipt } from '../receipt/fixtures/receipt-service';
import { EXIT_CAMERA, PLATE_CAMERA, startGateBeside, WEIGHBRIDGE, type RunningGate } from './fixtures/gate-service';

/*
 * The gate's acceptance across services: order, inventory, receipt and gate as four OS processes
 * on real PostgreSQL and a real Kafka broker. The whole flow runs on day D (the first working day
 * after today in Shanghai, or the latest before it once the calendar's data ends), the
 * environment's business clock moved to 08:30 that morning (CLOCK_SHIFT_FILE), so
 * every truck is booked into the south gate's 08:00-10:00 period and comes in on it.
 *
 * Four lots of three 2 000 kg bundles of Φ20 rebar (30 bp weight tolerance) on the seller's
 * card, each issued as a receipt and cancelled for pickup into an entitlement, each picked up
 * under its own outbound order by the collector 张伟:
 *   order A (lot A), vehicles 沪A10001, 沪A10005  — truck H takes the whole lot and leaves; truck S never comes;
 *   order B (lot B), vehicles 沪A10004, 沪A10003  — truck T takes B-1 and weighs 100 kg heavy;
 *                                                   truck F takes B-2, then B-3 is frozen;
 *   order C (lot C), vehicle 沪A10002             — truck N comes in, then the desk cancels order C;
 *   order D (lot D), vehicle 沪A10006             — truck X comes for order D but is loaded with B-3
 *                                                   under order B (once its freeze is released).
 * Every truck enters on the signed plate camera, is tared on the signed weighbridge, is loaded
 * out by inventory naming its plate, and is weighed gross; the gate compares and releases or holds.
 */
const PLATE_H = '沪A10001';
const PLATE_N = '沪A10002';
const PLATE_F = '沪A10003';
const PLATE_T = '沪A10004';
const PLATE_S = '沪A10005';
const PLATE_X = '沪A10006';
const COLLECTOR = { residentIdNumber: '11010519491231002X', name: '张伟', mobile: '13812345678' };
const SLOT = { gate: 'south', period: '08:00-10:00' };

/** Day D: a working day whose next day is in the calendar's data too (the receipts' fees are paid through it). */
function isWorkingDayInData(day: LocalDate): boolean {
  return cnMainlandCalendar.covers(day) && cnMainlandCalendar.covers(addCalendarDays(day, 1)) && cnMainlandCalendar.isWorkingDay(day);
}

interface Pickup {
  orderId: string;
  entitlementId: string;
  lotId: string;
  receiptNumber: string;
}

describe('the gate lets a loaded truck out only on its appointment, a live entitlement and a net that agrees with its load-out notes', () => {
  let services: RunningServices;
  let receipt: RunningReceipt;
  let gate: RunningGate;
  let recorder: TopicRecorder;
  const clockShift = join(mkdtempSync(join(tmpdir(), 'dw-clock-')), 'shift-ms');
  const D = scenarioStartDay(shanghaiDateOf(new Date()), cnMainlandCalendar, isWorkingDayInData);
  const bus = testMessageBus();
  const pickups: Record<'A' | 'B' | 'C' | 'D', Pickup> = {} as never;

  // People, signed in when they act (tokens are issued on the environment's clock).
  const person = () => personOf(services);
  const guard = () => person()(gate.process.baseUrl, 'guard-wang', ['gate_guard']);
  const ops = () => person()(gate.process.baseUrl, 'ops-zhao', ['ops']);
  const sellerAtGate = () => person()(gate.process.baseUrl, 'u-seller', ['depositor'], SELLER);
  const readAt = () => services.clock.now().toISOString();

  beforeAll(async () => {
    writeFileSync(clockShift, String(Date.parse(`${D}T08:30:00+08:00`) - Date.now()));
    const shared = { CLOCK_SHIFT_FILE: clockShift };
    services = await startOrderAndInventory('gateexit', shared);
    receipt = await startReceiptBeside(services, shared);
    gate = await startGateBeside(services, shared);
    recorder = await new TopicRecorder(bus, [`${services.prefix}.receipt.entitlement.v1`]).start();

    const atReceipt = receiptPeopleOf(services, receipt);
    const sellerAtOrder = person()(services.order.baseUrl, 'u-seller', ['depositor'], SELLER);
    await setUpRebarWarehouse(services, receipt, D);
    const applied = await atReceipt.seller.post('/storage-cards', { holderName: '恒达钢铁贸易有限公司' });
    expectStatus(applied, 201, 'apply for the seller’s card');
    const card = applied.body.cardNumber as string;
    expectStatus(await atReceipt.clerk.post(`/storage-cards/${card}/approve`), 200, 'approve the card');

    const vehiclesOf = { A: [PLATE_H, PLATE_S], B: [PLATE_T, PLATE_F], C: [PLATE_N], D: [PLATE_X] };
    for (const key of ['A', 'B', 'C', 'D'] as const) {
      const { lotId, receiptNumber } = await receiptOverNewLot(services, receipt, {
        holderCard: card,
        barcodePrefix: key,
        storageFeesPaidThrough: addCalendarDays(D, 1),
        approvalReference: `SHFE-GATE-${key}`,
      });
      const entitlementId = await cancelForPickup(atReceipt.seller, atReceipt.clerk, receiptNumber);
      const orderId = await openPickup(services, sellerAtOrder, entitlementId, {
        pickupDate: D,
        pickupUntil: D,
        dailyPlan: [{ date: D, kg: 6_000 }],
        vehicles: vehiclesOf[key],
      });
      pickups[key] = { orderId, entitlementId, lotId, receiptNumber };
    }

    // The seller books each truck, with its collector, once the gate has learnt the order (404 until then).
    const bookings: [string, 'A' | 'B' | 'C' | 'D'][] = [
      [PLATE_H, 'A'],
      [PLATE_S, 'A'],
      [PLATE_N, 'C'],
      [PLATE_F, 'B'],
      [PLATE_T, 'B'],
      [PLATE_X, 'D'],
    ];
    for (const [plate, key] of bookings) {
      await waitFor(
        async () => {
          const booked = await sellerAtGate().post('/appointments', { orderId: pickups[key].orderId, plate, driver: COLLECTOR, date: D, ...SLOT });
          if (booked.status === 201) return booked.body;
          if (booked.status !== 404) throw new Error(`book ${plate}: ${booked.status} ${JSON.stringify(booked.body)}`);
          return undefined;
        },
        { timeoutMs: 60_000, describe: `the gate to know order ${pickups[key].orderId}` },
      );
    }
  }, 600_000);

  afterAll(async () => {
    await recorder?.stop();
    const exits = await Promise.all([gate?.stop(), receipt?.stop()]);
    await services?.stop();
    expect(exits).toEqual([
      { code: null, signal: 'SIGTERM' },
      { code: null, signal: 'SIGTERM' },
    ]);
  }, 120_000);

  /** The truck at the south gate: the entry camera reads it in on its appointment and the weighbridge tares it. Answers the visit id. */
  async function enterAndTare(plate: string, readId: string, tareKg: number, appointmentOrder: string): Promise<string> {
    const entered = await gate.signed(PLATE_CAMERA, '/integration/gate/plate-reads', { readId, gate: 'south', plate });
    expect([entered.status, entered.body.outcome, entered.body.purpose, entered.body.needsWeighbridge]).toEqual([200, 'admitted', 'pickup', true]);
    expect(entered.body.appointmentId).toMatch(new RegExp(`^${appointmentOrder}-A\\d+$`));
    const visitId = entered.body.visitId as string;
    expect(visitId).toBe(`${PLATE_CAMERA.id}-${readId}`);
    // The truck rolls onto the weighbridge once the gate lists it on site (the guard's read waits for the entry's log position).
    const onSite = (await guard().get(`/visits?date=${D}&outcome=admitted&limit=100`)).body.items as { visitId: string }[];
    expect(onSite.map((v) => v.visitId)).toContain(visitId);
    const tared = await gate.signed(WEIGHBRIDGE, '/integration/gate/scale-readings', {
      readingId: `${readId}-tare`,
      plate,
      weightKg: tareKg,
      readAt: readAt(),
    });
    expect([tared.status, tared.body]).toEqual([200, { visitId, weighing: 'tare', weightKg: tareKg, ticket: null, exit: null }]);
    return visitId;
  }

  /** Waits until the gate has learnt the load-outs inventory shipped on this truck (PiecesShippedOut naming its plate). */
  function untilGateKnowsLoads(visitId: string, count: number) {
    return waitFor(
      async () => {
        const visit = (await guard().get(`/visits/${visitId}`)).body;
        return visit?.loads?.length === count ? visit : undefined;
      },
      { timeoutMs: 60_000, describe: `the gate to know ${count} load(s) on visit ${visitId}` },
    );
  }

  const grossReading = (plate: string, readingId: string, weightKg: number) =>
    gate.signed(WEIGHBRIDGE, '/integration/gate/scale-readings', { readingId, plate, weightKg, readAt: readAt() });

  /** The open red alarms of the gate, as ops' worklist has them. */
  async function openRedAlarms() {
    return (await ops().get('/alarms?state=open&grade=red&limit=100')).body.items as { alarmId: string; kind: string; subject: string; source: string }[];
  }

  /** A held truck: its exit answer, the open red exit_held alarm naming the condition, and the exit camera holding it without a pass. */
  async function expectHeldAt(
    visitId: string,
    plate: string,
    exit: { outcome: string; conditions: string[]; passNumber: string | null; alarmIds: string[] },
    condition: string,
  ) {
    expect(exit).toEqual({ outcome: 'held', conditions: [condition], passNumber: null, alarmIds: [expect.any(String)] });
    const [alarmId] = exit.alarmIds;
    const alarm = (await openRedAlarms()).find((item) => item.alarmId === alarmId);
    expect(alarm).toMatchObject({ kind: 'exit_held', grade: 'red', status: 'alerted', subject: condition, source: visitId });
    const atBarrier = await gate.signed(EXIT_CAMERA, '/integration/gate/exit-reads', { readId: `${visitId}-out`, gate: 'south', plate });
    expect(atBarrier.status).toBe(200);
    expect(atBarrier.body).toEqual({ visitId, outcome: 'held', conditions: [condition], alarmIds: exit.alarmIds });
    const visit = (await guard().get(`/visits/${visitId}`)).body;
    expect([visit.exit, visit.passNumber, visit.left]).toEqual([exit, null, null]);
  }

  it('lets the truck out on a pass once its weighbridge net agrees with the load-out note, and receipt, inventory and order all show the pickup', async () => {
    const { orderId, entitlementId, lotId, receiptNumber } = pickups.A;
    // A plate nobody booked is turned away at the camera, its refusal on the alarm loop; an
    // unsigned weighbridge reading is refused before it is read.
    const stranger = await gate.signed(PLATE_CAMERA, '/integration/gate/plate-reads', { readId: 'x-1', gate: 'south', plate: '沪A10009' });
    expect([stranger.status, stranger.body.outcome, stranger.body.reasons]).toEqual([200, 'refused', ['no_appointment']]);
    const refusals = (await ops().get('/alarms?kind=gate_refusal&limit=100')).body.items as { source: string }[];
    expect(refusals.find((a) => a.source === stranger.body.visitId)).toMatchObject({ kind: 'gate_refusal', subject: '沪A10009', status: 'alerted' });
    const unsigned = await fetch(`${gate.process.baseUrl}/integration/gate/scale-readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'unsigned-1' },
      body: JSON.stringify({ readingId: 'u-1', plate: PLATE_H, weightKg: 15_000, readAt: readAt() }),
    });
    expect([unsigned.status, ((await unsigned.json()) as { code: string }).code]).toEqual([401, 'SIGNATURE_MISSING']);

    const visitId = await enterAndTare(PLATE_H, 'h-1', 15_000, orderId);
    const appointments = (await guard().get(`/appointments?date=${D}`)).body.items as { plate: string; status: string }[];
    expect(appointments.filter((a) => a.plate === PLATE_H).map((a) => a.status)).toEqual(['arrived']);

    // Inventory loads the whole lot under order A onto truck H; its hook scale makes the note
    // 21 010 − 15 000 = 6 010 kg net against 3 × 2 000 = 6 000 kg book.
    const note = await loadOut(
      services,
      orderId,
      { barcodes: ['A-1', 'A-2', 'A-3'], vehicle: PLATE_H, grossKg: 21_010, tareKg: 15_000, readingId: 'load-h-1' },
      services.clock,
    );
    expect(note).toMatchObject({ orderId, netKg: 6_010, overShortKg: 10 });
    const known = await untilGateKnowsLoads(visitId, 1);
    expect(known.loads).toEqual([expect.objectContaining({ noteId: note.noteId, orderId, entitlementId, netKg: 6_010, pieces: 3 })]);

    // By hand: the weighbridge's net 21 000 − 15 000 = 6 000 kg; the note says 6 010 kg; the
    // difference is 10 kg; the tolerance allows 6 010 × 30 / 10 000 = 18.03 kg, so 10 kg passes.
    const gross = await grossReading(PLATE_H, 'h-1-gross', 21_000);
    expect(gross.status).toBe(200);
    expect(gross.body).toMatchObject({
      visitId,
      weighing: 'gross',
      weightKg: 21_000,
      ticket: { tareKg: 15_000, grossKg: 21_000, netKg: 6_000, ticketNumber: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      exit: { outcome: 'released', conditions: [], alarmIds: [], passNumber: expect.any(String) },
    });
    const passNumber = gross.body.exit.passNumber as string;

    // The pass verifies against the gate's key and names the truck, its order and its note.
    const pass = await guard().get(`/exit-passes/${encodeURIComponent(passNumber)}`);
    expect(pass.status).toBe(200);
    expect(pass.body).toMatchObject({
      passNumber,
      visitId,
      plate: PLATE_H,
      orderId,
      entitlementId,
      loadOutNoteIds: [note.noteId],
      tareKg: 15_000,
      grossKg: 21_000,
      netKg: 6_000,
      ticketNumber: gross.body.ticket.ticketNumber,
      valid: true,
    });
    // The depositor whose order it is reads its pass; another party's answers as missing.
    expect((await sellerAtGate().get(`/exit-passes/${encodeURIComponent(passNumber)}`)).body).toMatchObject({ passNumber, valid: true });
    const otherParty = person()(gate.process.baseUrl, 'u-other', ['depositor'], 'party-other');
    expect((await otherParty.get(`/exit-passes/${encodeURIComponent(passNumber)}`)).status).toBe(404);

    // The exit camera reads the plate: it leaves on the pass, and a second read changes nothing.
    const left = await gate.signed(EXIT_CAMERA, '/integration/gate/exit-reads', { readId: 'h-1-out', gate: 'south', plate: PLATE_H });
    expect([left.status, left.body]).toEqual([200, expect.objectContaining({ visitId, outcome: 'left', passNumber })]);
    const visit = (await guard().get(`/visits/${visitId}`)).body;
    expect(visit.left).toMatchObject({ gate: 'south', passNumber, method: 'plate_camera' });
    // A weighbridge reading of a truck that has left finds no visit on site.
    const afterLeaving = await grossReading(PLATE_H, 'h-1-late', 21_000);
    expect(afterLeaving.status).toBeGreaterThanOrEqual(400);
    expect(afterLeaving.status).toBeLessThan(500);

    // The receipt service closes the entitlement: granted 6 000 kg, shipped 6 010 kg, +10 kg.
    const exhausted = await waitFor(
      () =>
        recorder.messages
          .filter((m) => m.headers.ce_type === OutboundEntitlementExhaustedSchema.typeName)
          .map((m) => fromBinary(OutboundEntitlementExhaustedSchema, m.value))
          .find((e) => e.entitlementId === entitlementId),
      { timeoutMs: 60_000, describe: 'OutboundEntitlementExhausted' },
    );
    expect(exhausted).toMatchObject({ receiptNumber, granted: { kg: 6_000n }, shipped: { kg: 6_010n }, overShort: { kg: 10n } });
    const { clerk } = receiptPeopleOf(services, receipt);
    const lotAtReceipt = await waitFor(
      async () => ((await clerk.get(`/lots?status=shipped&limit=100`)).body.items as { lotId: string; status: string }[]).find((i) => i.lotId === lotId),
      { timeoutMs: 60_000, describe: 'the receipt service’s lot shipped' },
    );
    expect(lotAtReceipt).toMatchObject({ status: 'shipped', entitlementId });

    // Inventory: the lot's stock at zero.
    const { manager, desk } = staffOf(services);
    const stock = await waitFor(
      async () => {
        const item = ((await manager.get(`/stock?lot=${lotId}`)).body.items as { lotId: string; onHand: { kg: number } }[]).find((i) => i.lotId === lotId);
        return item && item.onHand.kg === 0 ? item : undefined;
      },
      { describe: 'the stock book of lot A at zero' },
    );
    expect(stock).toMatchObject({ onHand: { pieces: 0, kg: 0 } });
    // The book's 3 × 2 000 kg left in one movement under order A (the note's +10 kg is its over/short).
    const movements = (await manager.get(`/stock/movements?lot=${lotId}&limit=100`)).body.items as {
      kind: string;
      pieces: number;
      kg: number;
      orderId: string;
    }[];
    expect(movements.filter((m) => m.kind === 'shipped_out').map((m) => [m.pieces, m.kg, m.orderId])).toEqual([[-3, -6_000, orderId]]);

    // The order service completes order A on the exhausted entitlement; its history shows the floor's steps.
    const completed = await waitFor(
      async () => {
        const order = (await desk.get(`/work-orders/${orderId}`)).body;
        return order.status === 'completed' ? order : undefined;
      },
      { timeoutMs: 60_000, describe: 'order A completed' },
    );
    expect((completed.history as { step: string }[]).map((s) => s.step)).toEqual(['notice', 'pick', 'weigh', 'load']);
    expect(completed.completion).toMatchObject({ cause: { eventType: OutboundEntitlementExhaustedSchema.typeName, reference: entitlementId } });
    // The completion reaches the gate: the appointment truck S never came on is closed.
    const spare = await waitFor(
      async () => ((await guard().get(`/appointments?date=${D}&status=closed`)).body.items as { plate: string }[]).find((a) => a.plate === PLATE_S),
      { timeoutMs: 60_000, describe: 'truck S’s appointment closed with order A' },
    );
    expect(spare).toMatchObject({ orderId, status: 'closed' });
  });

  it('holds a truck whose pickup order was cancelled after it came in: no_appointment, with its red alarm, and the exit camera holds it', async () => {
    const { orderId } = pickups.C;
    const visitId = await enterAndTare(PLATE_N, 'n-1', 14_000, orderId);
    // The desk cancels order C (no goods have moved under it); the guard's read waits until the
    // gate has consumed the order service's WorkOrderCancelled.
    const cancelled = await staffOf(services).desk.post(`/work-orders/${orderId}/cancel`, { reason: 'the holder withdrew the pickup' });
    expect(cancelled.status).toBe(200);
    expectStatus(await guard().getAfter(`/visits/${visitId}`, cancelled), 200, 'the gate has learnt the cancellation');
    // The truck goes out empty: gross 14 000 − tare 14 000 = 0 kg against no load-out note (0 kg),
    // and the order's entitlement is live and unfrozen: only the appointment fails.
    const gross = await grossReading(PLATE_N, 'n-1-gross', 14_000);
    expect([gross.status, gross.body.weighing, gross.body.ticket?.netKg]).toEqual([200, 'gross', 0]);
    await expectHeldAt(visitId, PLATE_N, gross.body.exit, 'no_appointment');
  });

  it('holds a truck whose weighbridge net is 100 kg off its note beyond the 30 bp tolerance: net_outside_tolerance, with its red alarm, and the exit camera holds it', async () => {
    const { orderId } = pickups.B;
    const visitId = await enterAndTare(PLATE_T, 't-1', 15_000, orderId);
    // The note: 17 000 − 15 000 = 2 000 kg of B-1 (before B-3 is frozen below).
    await loadOut(services, orderId, { barcodes: ['B-1'], vehicle: PLATE_T, grossKg: 17_000, tareKg: 15_000, readingId: 'load-t-1' }, services.clock);
    await untilGateKnowsLoads(visitId, 1);
    // By hand: weighbridge net 17 100 − 15 000 = 2 100 kg against the note's 2 000 kg: 100 kg
    // apart; the tolerance allows 2 000 × 30 / 10 000 = 6 kg, so 100 kg holds it.
    const gross = await grossReading(PLATE_T, 't-1-gross', 17_100);
    expect([gross.status, gross.body.weighing]).toEqual([200, 'gross']);
    expect(gross.body.ticket).toMatchObject({ tareKg: 15_000, grossKg: 17_100, netKg: 2_100 });
    await expectHeldAt(visitId, PLATE_T, gross.body.exit, 'net_outside_tolerance');
  });

  it('holds a truck whose entitlement carries a FREEZE placed after loading: entitlement_held, with its red alarm, and the exit camera holds it', async () => {
    const { orderId, lotId } = pickups.B;
    const visitId = await enterAndTare(PLATE_F, 'f-1', 14_800, orderId);
    // The note: 16 800 − 14 800 = 2 000 kg of B-2.
    await loadOut(services, orderId, { barcodes: ['B-2'], vehicle: PLATE_F, grossKg: 16_800, tareKg: 14_800, readingId: 'load-f-1' }, services.clock);
    await untilGateKnowsLoads(visitId, 1);
    // The pledgee bank freezes what is left of lot B (B-3, one bundle of 2 000 kg) before the
    // truck is weighed out; the guard's read waits until the gate has consumed the freeze.
    const { manager } = staffOf(services);
    const frozen = await manager.post(`/stock/${lotId}/holds`, {
      holdId: 'freeze-b-1',
      kind: 'freeze',
      pieces: 1,
      kg: 2_000,
      reason: 'pledge dispute: the bank freezes the goods left',
      holder: BANK.clientId,
    });
    expectStatus(frozen, 201, 'freeze the rest of lot B');
    expectStatus(await guard().getAfter(`/visits/${visitId}`, frozen), 200, 'the gate has learnt the freeze');
    // By hand: weighbridge net 16 802 − 14 800 = 2 002 kg against the note's 2 000 kg: 2 kg,
    // within 2 000 × 30 / 10 000 = 6 kg; the appointment is order B's own: only the freeze fails.
    const gross = await grossReading(PLATE_F, 'f-1-gross', 16_802);
    expect([gross.status, gross.body.weighing]).toEqual([200, 'gross']);
    const exit = gross.body.exit;
    await expectHeldAt(visitId, PLATE_F, exit, 'entitlement_held');

    // The bank releases its freeze; the guard re-runs the exit check: the pass is issued and the
    // truck leaves. Ops work the alarm through its loop.
    const released = await postSigned(services.inventory.baseUrl, `/integration/stock/${lotId}/holds/freeze-b-1/release`, BANK, {}, services.clock);
    expect(released.status).toBeLessThan(300);
    expectStatus(await guard().getAfter(`/visits/${visitId}`, released), 200, 'the gate has learnt the release');
    const rechecked = await guard().post(`/visits/${visitId}/exit-check`);
    expect([rechecked.status, rechecked.body]).toEqual([200, { outcome: 'released', conditions: [], passNumber: expect.any(String), alarmIds: [] }]);
    expect((await guard().get(`/exit-passes/${encodeURIComponent(rechecked.body.passNumber)}`)).body).toMatchObject({ plate: PLATE_F, valid: true });
    const left = await gate.signed(EXIT_CAMERA, '/integration/gate/exit-reads', { readId: 'f-1-out-2', gate: 'south', plate: PLATE_F });
    expect([left.status, left.body]).toEqual([200, expect.objectContaining({ visitId, outcome: 'left', passNumber: rechecked.body.passNumber })]);
    const [alarmId] = exit.alarmIds as string[];
    expectStatus(await ops().post(`/alarms/${alarmId}/acknowledge`), 200, 'acknowledge');
    expectStatus(await ops().post(`/alarms/${alarmId}/handle`, { note: 'the bank released its freeze; exit re-checked' }), 200, 'handle');
    expectStatus(await ops().post(`/alarms/${alarmId}/close`, {}), 200, 'close');
    expect((await openRedAlarms()).map((item) => item.alarmId)).not.toContain(alarmId);
  });

  it('holds a truck that came for one pickup but was loaded with another order’s goods under that order: no_appointment alone, with its red alarm, and the exit camera holds it', async () => {
    const visitId = await enterAndTare(PLATE_X, 'md-1', 14_500, pickups.D.orderId);
    // Inventory loads B-3, the last bundle of lot B (its freeze released above), under order B
    // onto truck X, which was booked for order D: nothing in the load-out ties a vehicle to the
    // pickup application, so the gate is where the mistake is caught.
    await loadOut(
      services,
      pickups.B.orderId,
      { barcodes: ['B-3'], vehicle: PLATE_X, grossKg: 16_500, tareKg: 14_500, readingId: 'load-md-1' },
      services.clock,
    );
    await untilGateKnowsLoads(visitId, 1);
    // By hand: weighbridge net 16 503 − 14 500 = 2 003 kg against the note's 2 000 kg: 3 kg, within
    // 2 000 × 30 / 10 000 = 6 kg; B-3 is order B's own, under its live and unfrozen entitlement:
    // only the appointment fails, since the truck came for order D, not B.
    const gross = await grossReading(PLATE_X, 'md-1-gross', 16_503);
    expect([gross.status, gross.body.weighing]).toEqual([200, 'gross']);
    await expectHeldAt(visitId, PLATE_X, gross.body.exit, 'no_appointment');
  });
});
