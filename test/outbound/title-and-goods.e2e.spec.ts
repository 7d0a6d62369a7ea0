import { fromBinary } from '@bufbuild/protobuf';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LotShippedOutSchema, OutboundEntitlementExhaustedSchema, PiecesShippedOutSchema } from '@dw/contracts';
import { addCalendarDays, shanghaiDateOf } from '@dw/kernel';
import { FileShiftedClock } from '@dw/platform';
import { testMessageBus, TopicRecorder, waitFor } from '@dw/testing';
import { staffOf } from '../order-inventory/fixtures/inbound-receiving';
import { startOrderAndInventory, type RunningServices } from '../order-inventory/fixtures/order-inventory-services';
import { startReceiptBeside, type RunningReceipt } from '../receipt/fixtures/receipt-service';
import { cancelForPickup, loadOut, openPickup, personOf, receiptOverReceivedLot, receiptPeopleOf, transferToBuyer } from './fixtures/title-and-goods';

/**
 * Title and goods in step, and goods that leave (inventory, order and receipt as three OS
 * processes on real PostgreSQL and a real Kafka broker). A lot received under an inbound order
 * becomes a receipt; the receipt is transferred to a buyer, and inventory's stock views show the
 * buyer as the owner; the buyer cancels for pickup, and a new receipt over the same lot is
 * refused (no second title); the buyer's pickup application opens the outbound order; the floor
 * picks by barcode, weighs on a signed scale and loads out in two loads on two days (the
 * environment's business clock moved one day on through CLOCK_SHIFT_FILE); the last load
 * exhausts the entitlement, the receipt service closes it and the order service completes the
 * outbound order. The stock is gone and every service's record shows it.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

describe('title and goods in step: a transferred receipt is cancelled and its goods leave in two load-outs on two days', () => {
  let services: RunningServices;
  let receipt: RunningReceipt;
  let recorder: TopicRecorder;
  const clockShift = join(mkdtempSync(join(tmpdir(), 'dw-clock-')), 'shift-ms');
  const bus = testMessageBus();

  beforeAll(async () => {
    writeFileSync(clockShift, '0');
    const shared = { CLOCK_SHIFT_FILE: clockShift };
    services = await startOrderAndInventory('goods', shared);
    receipt = await startReceiptBeside(services, shared);
    const topic = (name: string) => `${services.prefix}.${name}`;
    recorder = await new TopicRecorder(bus, [topic('inventory.lot.v1'), topic('receipt.entitlement.v1')]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    const exit = await receipt?.stop();
    await services?.stop();
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('shows the buyer as owner after the transfer, refuses a second title after the cancellation, and ships the entitlement out over two days until the order completes', async () => {
    // The scale, like every device and person of the environment, runs on its clock.
    const environmentClock = new FileShiftedClock(clockShift);
    const person = personOf(services);
    const atReceipt = receiptPeopleOf(services, receipt);
    const sellerAtInventory = person(services.inventory.baseUrl, 'u-seller', ['depositor'], 'party-seller');
    const buyerAtInventory = person(services.inventory.baseUrl, 'u-buyer', ['depositor'], 'party-buyer');
    const buyerAtOrder = person(services.order.baseUrl, 'u-buyer', ['depositor'], 'party-buyer');
    const today = shanghaiDateOf(new Date());

    // Master data and storage cards; one lot of three 2 000 kg bundles, received, inspected and
    // put away; then a receipt over it (fees paid through tomorrow).
    const lot = await receiptOverReceivedLot(services, receipt, {
      effectiveFrom: today,
      storageFeesPaidThrough: addCalendarDays(today, 1),
      approvalReference: 'SHFE-GOODS-1',
    });
    const { buyerCard, lotId, receiptNumber, application } = lot;

    // The seller transfers the receipt to the buyer: inventory's stock view follows the title.
    const transfer = await transferToBuyer(atReceipt.seller, lot);
    // Read-your-writes across services: the transfer's answer names the messages it published,
    // and inventory answers the buyer's first read once it has consumed them (no polling).
    expect(transfer.publishedMessages).toContain(`${services.prefix}.receipt.receipt.v1:`);
    const buyersStock = ((await buyerAtInventory.getAfter('/stock', transfer)).body.items as { lotId: string; owner: string; receiptNumber: string }[]).find(
      (item) => item.lotId === lotId,
    );
    expect(buyersStock).toMatchObject({ owner: buyerCard, receiptNumber, onHand: { pieces: 3, kg: 6_000 } });
    expect(((await sellerAtInventory.getAfter('/stock', transfer)).body.items as { lotId: string }[]).map((item) => item.lotId)).not.toContain(lotId);

    // The buyer applies to cancel for pickup and the warehouse processes it (fees are paid through
    // tomorrow); a new receipt over the same lot is refused: no second title.
    const entitlementId = await cancelForPickup(atReceipt.buyer, atReceipt.clerk, receiptNumber);
    const secondTitle = await atReceipt.clerk.post('/issuance-applications', application(buyerCard));
    expect([secondTitle.status, secondTitle.body.code]).toEqual([409, 'LOT_UNDER_ENTITLEMENT']);

    // The buyer's pickup application opens the outbound order: 4 000 kg today, 2 000 kg tomorrow.
    const tomorrow = addCalendarDays(today, 1);
    const orderId = await openPickup(services, buyerAtOrder, entitlementId, {
      pickupDate: today,
      pickupUntil: tomorrow,
      dailyPlan: [
        { date: today, kg: 4_000 },
        { date: tomorrow, kg: 2_000 },
      ],
      vehicles: ['沪A12345', '苏B67890'],
    });

    // Day 1: two bundles picked, weighed together on the signed scale, loaded out. A shift's
    // operator signs in that day (a token from the day before has expired): loadOut signs in anew.
    // Over/short by hand: gross 19 010 − tare 15 000 = 4 010 kg net against 2 × 2 000 = 4 000 kg book: +10 kg.
    const first = await loadOut(
      services,
      orderId,
      { barcodes: ['G-1', 'G-2'], vehicle: '沪A12345', grossKg: 19_010, tareKg: 15_000, readingId: 'out-goods-1' },
      environmentClock,
    );
    // A piece of another lot or one already gone is refused at the scanner.
    expect((await staffOf(services).operator.post(`/outbound-orders/${orderId}/picks`, { barcode: 'G-1' })).body.code).toBe('PIECE_ALREADY_SHIPPED');

    // Day 2 (the environment's clock one day on): the last bundle.
    // By hand: 16 992 − 15 000 = 1 992 kg net against 2 000 kg book: −8 kg.
    writeFileSync(clockShift, String(DAY_MS));
    const second = await loadOut(
      services,
      orderId,
      { barcodes: ['G-3'], vehicle: '苏B67890', grossKg: 16_992, tareKg: 15_000, readingId: 'out-goods-2' },
      environmentClock,
    );

    // The load-outs on two days, each with its over/short, on inventory.lot.v1.
    const shippedPieces = await waitFor(
      () => {
        const found = recorder.messages
          .filter((m) => m.headers.ce_type === PiecesShippedOutSchema.typeName)
          .map((m) => fromBinary(PiecesShippedOutSchema, m.value));
        return found.length === 2 ? found : undefined;
      },
      { describe: 'two PiecesShippedOut' },
    );
    expect(shippedPieces.map((p) => [p.shippedOn?.value, Number(p.net?.kg), Number(p.overShort?.kg), p.entitlementId])).toEqual([
      [today, 4_010, 10, entitlementId],
      [tomorrow, 1_992, -8, entitlementId],
    ]);
    expect(first.noteSha256).not.toEqual(second.noteSha256);
    await waitFor(() => recorder.messages.find((m) => m.headers.ce_type === LotShippedOutSchema.typeName), { describe: 'LotShippedOut' });

    // The receipt service closes the entitlement. By hand: granted 6 000 kg, shipped 4 010 + 1 992
    // = 6 002 kg, over/short +2 kg.
    const exhausted = await waitFor(() => recorder.messages.find((m) => m.headers.ce_type === OutboundEntitlementExhaustedSchema.typeName), {
      timeoutMs: 60_000,
      describe: 'OutboundEntitlementExhausted',
    });
    expect(fromBinary(OutboundEntitlementExhaustedSchema, exhausted.value)).toMatchObject({
      entitlementId,
      receiptNumber,
      holderStorageCard: buyerCard,
      granted: { kg: 6_000n },
      shipped: { kg: 6_002n },
      overShort: { kg: 2n },
    });

    // The order service completes the outbound order on it; the history shows every step. The
    // day-2 desk and holder sign in again.
    const { desk: deskOnDay2 } = staffOf(services);
    const buyerOnDay2 = person(services.inventory.baseUrl, 'u-buyer', ['depositor'], 'party-buyer');
    const clerkOnDay2 = person(receipt.process.baseUrl, 'desk-clerk-7', ['clerk']);
    const completed = await waitFor(
      async () => {
        const order = (await deskOnDay2.get(`/work-orders/${orderId}`)).body;
        return order.status === 'completed' ? order : undefined;
      },
      { timeoutMs: 60_000, describe: 'the outbound order completed' },
    );
    expect(completed.completion).toMatchObject({
      actor: 'service:order',
      cause: { eventType: OutboundEntitlementExhaustedSchema.typeName, reference: entitlementId },
    });
    // The instant is UTC; the business day it falls on is Shanghai's (from 16:00 UTC on, the
    // UTC date is still the day before).
    expect(shanghaiDateOf(new Date(completed.completion.at)) >= tomorrow).toBe(true);
    // The floor's steps reported by inventory when the last piece left, after the desk's notice.
    expect((completed.history as { step: string; actor: string }[]).map((s) => s.step)).toEqual(['notice', 'pick', 'weigh', 'load']);

    // The stock is gone, the receipt service knows the lot left and refuses any title over it.
    const after = await waitFor(
      async () => {
        const item = ((await buyerOnDay2.get('/stock')).body.items as { lotId: string; onHand: { kg: number } }[]).find((i) => i.lotId === lotId);
        return item && item.onHand.kg === 0 ? item : undefined;
      },
      { describe: 'the stock book at zero' },
    );
    expect(after).toMatchObject({ onHand: { pieces: 0, kg: 0 } });
    const lotAtReceipt = await waitFor(
      async () => {
        const items = (await clerkOnDay2.get(`/lots?ownerCard=${buyerCard}`)).body.items as { lotId: string; status: string }[];
        return items.find((item) => item.lotId === lotId && item.status === 'shipped');
      },
      { describe: 'the receipt service’s lot shipped' },
    );
    expect(lotAtReceipt).toMatchObject({ status: 'shipped' });
    expect((await clerkOnDay2.post('/issuance-applications', application(buyerCard))).body.code).toBe('LOT_SHIPPED_OUT');
  });
});
