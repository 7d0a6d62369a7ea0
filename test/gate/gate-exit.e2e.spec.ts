import { fromBinary } from '@bufbuild/protobuf';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboundEntitlementExhaustedSchema } from '@dw/contracts';
import { addCalendarDays, shanghaiDateOf } from '@dw/kernel';
import { testMessageBus, TopicRecorder, waitFor } from '@dw/testing';
import { expectStatus, staffOf } from '../order-inventory/fixtures/inbound-receiving';
import { startOrderAndInventory, type RunningServices } from '../order-inventory/fixtures/order-inventory-services';
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
import { PLATE_CAMERA, startGateBeside, type RunningGate } from './fixtures/gate-service';

/*
 * The gate's acceptance across services: order, inventory, receipt and gate as four OS processes
 * on real PostgreSQL and a real Kafka broker. The whole flow runs on day D (tomorrow in
 * Shanghai), the environment's business clock moved to 08:30 that morning (CLOCK_SHIFT_FILE), so
 * every truck is booked into the south gate's 08:00-10:00 period and comes in on it.
 *
 * A lot of three 2 000 kg bundles of Φ20 rebar on the seller's card, issued as a receipt and
 * cancelled for pickup into an entitlement, picked up under its outbound order by the collector
 * 张伟 on the vehicles 沪A10001 (truck H) and 沪A10005 (truck S): the order service's
 * WorkOrderOpened authorises both at the gate; truck H comes in on the signed plate camera and is
 * loaded with the whole lot by inventory naming its plate; truck S never comes.
 */
const PLATE_H = '沪A10001';
const PLATE_S = '沪A10005';
const COLLECTOR = { residentIdNumber: '11010519491231002X', name: '张伟', mobile: '13812345678' };
const SLOT = { gate: 'south', period: '08:00-10:00' };

interface Pickup {
  orderId: string;
  entitlementId: string;
  lotId: string;
  receiptNumber: string;
}

describe('the gate across services: pickup appointments authorised by the order service, a truck admitted on one and loaded under its order', () => {
  let services: RunningServices;
  let receipt: RunningReceipt;
  let gate: RunningGate;
  let recorder: TopicRecorder;
  const clockShift = join(mkdtempSync(join(tmpdir(), 'dw-clock-')), 'shift-ms');
  const D = addCalendarDays(shanghaiDateOf(new Date()), 1);
  const bus = testMessageBus();
  let pickup: Pickup;

  // People, signed in when they act (tokens are issued on the environment's clock).
  const person = () => personOf(services);
  const guard = () => person()(gate.process.baseUrl, 'guard-wang', ['gate_guard']);
  const ops = () => person()(gate.process.baseUrl, 'ops-zhao', ['ops']);
  const sellerAtGate = () => person()(gate.process.baseUrl, 'u-seller', ['depositor'], SELLER);

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

    const { lotId, receiptNumber } = await receiptOverNewLot(services, receipt, {
      holderCard: card,
      barcodePrefix: 'A',
      storageFeesPaidThrough: addCalendarDays(D, 1),
      approvalReference: 'SHFE-GATE-A',
    });
    const entitlementId = await cancelForPickup(atReceipt.seller, atReceipt.clerk, receiptNumber);
    const orderId = await openPickup(services, sellerAtOrder, entitlementId, {
      pickupDate: D,
      pickupUntil: D,
      dailyPlan: [{ date: D, kg: 6_000 }],
      vehicles: [PLATE_H, PLATE_S],
    });
    pickup = { orderId, entitlementId, lotId, receiptNumber };

    // The seller books each truck, with its collector, once the gate has learnt the order (404 until then).
    for (const plate of [PLATE_H, PLATE_S]) {
      await waitFor(
        async () => {
          const booked = await sellerAtGate().post('/appointments', { orderId: orderId, plate, driver: COLLECTOR, date: D, ...SLOT });
          if (booked.status === 201) return booked.body;
          if (booked.status !== 404) throw new Error(`book ${plate}: ${booked.status} ${JSON.stringify(booked.body)}`);
          return undefined;
        },
        { timeoutMs: 60_000, describe: `the gate to know order ${orderId}` },
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

  it('admits the truck on its confirmed pickup appointment at the signed plate camera and refuses one with none; loaded under the order, the pickup shows in receipt, inventory and order, and the completed order closes the appointment nobody came on', async () => {
    const { orderId, entitlementId, lotId, receiptNumber } = pickup;
    // A plate nobody booked is turned away at the camera, its refusal on the alarm loop; an
    // unsigned read is refused before it is read.
    const stranger = await gate.signed(PLATE_CAMERA, '/integration/gate/plate-reads', { readId: 'x-1', gate: 'south', plate: '沪A10009' });
    expect([stranger.status, stranger.body.outcome, stranger.body.reasons]).toEqual([200, 'refused', ['no_appointment']]);
    const refusals = (await ops().get('/alarms?kind=gate_refusal&limit=100')).body.items as { source: string }[];
    expect(refusals.find((a) => a.source === stranger.body.visitId)).toMatchObject({ kind: 'gate_refusal', subject: '沪A10009', status: 'alerted' });
    const unsigned = await fetch(`${gate.process.baseUrl}/integration/gate/plate-reads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'unsigned-1' },
      body: JSON.stringify({ readId: 'u-1', gate: 'south', plate: PLATE_H }),
    });
    expect([unsigned.status, (await unsigned.json()).code]).toEqual([401, 'SIGNATURE_MISSING']);

    // Truck H comes in on its appointment (the order service's WorkOrderOpened authorised it).
    const entered = await gate.signed(PLATE_CAMERA, '/integration/gate/plate-reads', { readId: 'h-1', gate: 'south', plate: PLATE_H });
    expect([entered.status, entered.body]).toEqual([
      200,
      expect.objectContaining({ visitId: `${PLATE_CAMERA.id}-h-1`, outcome: 'admitted', reasons: [], purpose: 'pickup', needsWeighbridge: true }),
    ]);
    const appointments = (await guard().get(`/appointments?date=${D}`)).body.items as { appointmentId: string; plate: string; status: string }[];
    expect(appointments.find((a) => a.appointmentId === entered.body.appointmentId)).toMatchObject({ plate: PLATE_H, status: 'arrived' });

    // Inventory loads the whole lot under the order onto truck H; its hook scale makes the note
    // 21 010 − 15 000 = 6 010 kg net against 3 × 2 000 = 6 000 kg book: +10 kg.
    const note = await loadOut(
      services,
      orderId,
      { barcodes: ['A-1', 'A-2', 'A-3'], vehicle: PLATE_H, grossKg: 21_010, tareKg: 15_000, readingId: 'load-h-1' },
      services.clock,
    );
    expect(note).toMatchObject({ orderId, netKg: 6_010, overShortKg: 10 });

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
});
