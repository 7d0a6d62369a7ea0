import { fromBinary } from '@bufbuild/protobuf';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LotShippedOutSchema, OutboundEntitlementExhaustedSchema, PiecesShippedOutSchema } from '@dw/contracts';
import { addCalendarDays, shanghaiDateOf } from '@dw/kernel';
import { FileShiftedClock } from '@dw/platform';
import { testMessageBus, TopicRecorder, waitFor } from '@dw/testing';
import { expectStatus, receiveInboundLot, staffOf, untilInventoryExpects } from '../order-inventory/fixtures/inbound-receiving';
import { httpClient, postSigned, SCALE, startOrderAndInventory, type RunningServices } from '../order-inventory/fixtures/order-inventory-services';
import { EXCHANGE, startReceiptBeside, type RunningReceipt } from '../receipt/fixtures/receipt-service';

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
const WAREHOUSE = 'WH-WX-01';
const COMMODITY = 'rb-400e-20-sg';
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
    const { desk, inventoryDesk, manager } = staffOf(services);
    // The scale, like every device and person of the environment, runs on its clock.
    const environmentClock = new FileShiftedClock(clockShift);
    const person = (base: string, sub: string, roles: ('clerk' | 'manager' | 'depositor')[], partyId?: string) =>
      httpClient(base, services.token(sub, roles, partyId));
    const atReceipt = {
      clerk: person(receipt.process.baseUrl, 'desk-clerk-7', ['clerk']),
      manager: person(receipt.process.baseUrl, 'manager-1', ['manager']),
      seller: person(receipt.process.baseUrl, 'u-seller', ['depositor'], 'party-seller'),
      buyer: person(receipt.process.baseUrl, 'u-buyer', ['depositor'], 'party-buyer'),
    };
    const sellerAtInventory = person(services.inventory.baseUrl, 'u-seller', ['depositor'], 'party-seller');
    const buyerAtInventory = person(services.inventory.baseUrl, 'u-buyer', ['depositor'], 'party-buyer');
    const buyerAtOrder = person(services.order.baseUrl, 'u-buyer', ['depositor'], 'party-buyer');
    const today = shanghaiDateOf(new Date());

    // Master data and storage cards.
    expectStatus(
      await manager.post('/commodities', { code: COMMODITY, product: '螺纹钢', specification: 'HRB400E Φ20', brand: '沙钢', grade: 'HRB400E' }),
      201,
      'register the commodity',
    );
    expectStatus(await manager.post(`/commodities/${COMMODITY}/weight-tolerances`, { effectiveFrom: today, toleranceBps: 30 }), 201, 'publish its tolerance');
    expectStatus(
      await manager.post('/locations', {
        locationId: 'SHED1-R01-S01',
        warehouse: WAREHOUSE,
        area: { kind: 'shed', name: 'SHED1' },
        row: 'R01',
        slot: 'S01',
        capacityKg: 100_000,
      }),
      201,
      'define a location',
    );
    const openCard = async (who: typeof atReceipt.seller, holderName: string): Promise<string> => {
      const applied = await who.post('/storage-cards', { holderName });
      expectStatus(applied, 201, `apply for ${holderName}'s card`);
      expectStatus(await atReceipt.clerk.post(`/storage-cards/${applied.body.cardNumber}/approve`), 200, 'approve the card');
      return applied.body.cardNumber as string;
    };
    const sellerCard = await openCard(atReceipt.seller, '恒达钢铁贸易有限公司');
    const buyerCard = await openCard(atReceipt.buyer, '华东建材有限公司');
    const terms = { receiptKind: 'factory', unitKg: 1_000, unitToleranceBp: 0, validity: { basis: 'issue-date', months: 6 }, maxProductionSpanDays: null };
    expectStatus(await atReceipt.manager.post(`/receipt-rules/${COMMODITY}/versions`, { effectiveFrom: today, terms }), 201, 'publish receipt rules');

    // One lot of three 2 000 kg bundles, received, inspected and put away; then a receipt over it.
    const { lotId } = await receiveInboundLot(services, {
      warehouse: WAREHOUSE,
      storageCard: sellerCard,
      party: 'party-seller',
      commodity: COMMODITY,
      pieces: { 'G-1': 2_000, 'G-2': 2_000, 'G-3': 2_000 },
      placement: { 'G-1': 'SHED1-R01-S01', 'G-2': 'SHED1-R01-S01', 'G-3': 'SHED1-R01-S01' },
    });
    await waitFor(async () => ((await atReceipt.clerk.get(`/lots?ownerCard=${sellerCard}&status=available`)).body.items.length === 1 ? true : undefined), {
      timeoutMs: 60_000,
      describe: 'the lot known to the receipt service',
    });
    const application = (holderCard: string) => ({
      warehouseId: WAREHOUSE,
      commodity: COMMODITY,
      brand: '沙钢',
      grade: 'HRB400E',
      holderCard,
      storageFeesPaidThrough: addCalendarDays(today, 1),
      receipts: [{ lotIds: [lotId] }],
    });
    const applied = await atReceipt.clerk.post('/issuance-applications', application(sellerCard));
    expectStatus(applied, 201, 'apply for the receipt');
    const approved = await receipt.signed(EXCHANGE, 'POST', `/integration/exchange/issuance-applications/${applied.body.applicationId}/approve`, {
      approvalReference: 'SHFE-GOODS-1',
    });
    expectStatus(approved, 200, 'the exchange approves');
    const [receiptNumber] = approved.body.receiptNumbers as string[];

    // The seller transfers the receipt to the buyer: inventory's stock view follows the title.
    const transfer = await atReceipt.seller.post('/transfers', {
      entered: { holderName: '恒达钢铁贸易有限公司', storageCard: sellerCard },
      buyerCard,
      lines: [{ receiptNumber, commodity: COMMODITY }],
    });
    expectStatus(transfer, 201, 'transfer to the buyer');
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
    const cancellation = `/receipts/${receiptNumber}/cancellation-application`;
    expectStatus(await atReceipt.buyer.post(cancellation, { purpose: 'pickup' }), 201, 'apply to cancel for pickup');
    const cancelled = await atReceipt.clerk.post(`${cancellation}/process`);
    expectStatus(cancelled, 200, 'the warehouse processes the cancellation');
    const entitlementId = cancelled.body.entitlementId as string;
    const secondTitle = await atReceipt.clerk.post('/issuance-applications', application(buyerCard));
    expect([secondTitle.status, secondTitle.body.code]).toEqual([409, 'LOT_UNDER_ENTITLEMENT']);

    // The buyer's pickup application opens the outbound order: 4 000 kg today, 2 000 kg tomorrow.
    const tomorrow = addCalendarDays(today, 1);
    const orderId = await waitFor(
      async () => {
        const answer = await buyerAtOrder.post(`/entitlements/${entitlementId}/pickup-application`, {
          pickupDate: today,
          pickupUntil: tomorrow,
          method: 'self_collect',
          dailyPlan: [
            { date: today, kg: 4_000 },
            { date: tomorrow, kg: 2_000 },
          ],
          collector: { name: '张伟', residentId: '11010519491231002X', mobile: '13812345678' },
          vehicles: ['沪A12345', '苏B67890'],
        });
        if (answer.status === 201) return answer.body.orderId as string;
        if (answer.status !== 404) throw new Error(`pickup application: ${answer.status} ${JSON.stringify(answer.body)}`);
        return undefined;
      },
      { timeoutMs: 60_000, describe: 'the entitlement to reach the order service' },
    );
    expectStatus(await desk.post(`/work-orders/${orderId}/steps`, { step: 'notice' }), 201, 'record the pickup notice');
    await untilInventoryExpects(inventoryDesk, orderId, 'pick');

    // Day 1: two bundles picked, weighed together on the signed scale, loaded out.
    // Over/short by hand: gross 19 010 − tare 15 000 = 4 010 kg net against 2 × 2 000 = 4 000 kg book: +10 kg.
    const loadOut = async (barcodes: string[], vehicle: string, grossKg: number, tareKg: number, readingId: string) => {
      // A shift's operator signs in that day: a token from the day before has expired.
      const { operator } = staffOf(services);
      for (const barcode of barcodes) expectStatus(await operator.post(`/outbound-orders/${orderId}/picks`, { barcode }), 201, `pick ${barcode}`);
      const weighedAt = new Date(environmentClock.now().getTime() - 60_000).toISOString();
      expectStatus(
        await postSigned(
          services.inventory.baseUrl,
          `/outbound-orders/${orderId}/scale-readings`,
          SCALE,
          {
            readingId,
            subject: { kind: 'vehicle', vehicle, barcodes },
            grossKg,
            tareKg,
            weighedAt,
          },
          environmentClock,
        ),
        201,
        `weigh ${vehicle}`,
      );
      const loaded = await operator.post(`/outbound-orders/${orderId}/load-outs`, {});
      expectStatus(loaded, 201, `load out ${vehicle}`);
      return loaded.body;
    };
    const first = await loadOut(['G-1', 'G-2'], '沪A12345', 19_010, 15_000, 'out-goods-1');
    // A piece of another lot or one already gone is refused at the scanner.
    expect((await staffOf(services).operator.post(`/outbound-orders/${orderId}/picks`, { barcode: 'G-1' })).body.code).toBe('PIECE_ALREADY_SHIPPED');

    // Day 2 (the environment's clock one day on): the last bundle.
    // By hand: 16 992 − 15 000 = 1 992 kg net against 2 000 kg book: −8 kg.
    writeFileSync(clockShift, String(DAY_MS));
    const second = await loadOut(['G-3'], '苏B67890', 16_992, 15_000, 'out-goods-2');

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
