import { shanghaiDateOf } from '@dw/kernel';
import { addCalendarDays } from '@dw/kernel';
import type { Role } from '@dw/platform';
import { ReadYourWritesSession, testMessageBus, TopicRecorder, waitFor } from '@dw/testing';
import { fromBinary } from '@bufbuild/protobuf';
import { ReceiptTitleTransferredSchema, TransferMismatchAlarmRaisedSchema } from '@dw/contracts';
import { receiveInboundLot, staffOf } from '../order-inventory/fixtures/inbound-receiving';
import { httpClient, startOrderAndInventory, type RunningServices } from '../order-inventory/fixtures/order-inventory-services';
import { applyForPickup } from '../order-inventory/fixtures/pickup-application';
import { EXCHANGE, RECEIPT_BANK as BANK, startReceiptBeside, type RunningReceipt } from './fixtures/receipt-service';

/**
 * Receipts across services: the inventory, order and receipt services as three OS
 * processes, real PostgreSQL, a real Kafka broker between them, dev tokens and HMAC-signed
 * integration clients (the exchange, a bank).
 *
 * Two inbound lots are received by the inventory service under inbound work orders of the
 * order service (scans, signed scale readings, inspection, put-away); their LotBecameAvailable
 * reaches the receipt service, which issues receipts after the exchange's signed approval. The
 * receipts are transferred twice, one is pledged and released by the bank, the two are merged,
 * and the holder applies to cancel the merged receipt for pickup, which the warehouse processes:
 * its outbound entitlement reaches the order service, which opens the outbound work order for
 * the holder.
 */
const WAREHOUSE = 'WH-WX-01';
const COMMODITY = 'rb-400e-20-sg';

// Answers of many shapes, inspected field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

describe('inbound lots become receipts, change hands, and leave as an outbound order (inventory, order, receipt)', () => {
  let services: RunningServices;
  let receipt: RunningReceipt;
  let recorder: TopicRecorder;
  const bus = testMessageBus();
  /** Reads wait for the writes this flow has seen in the same service (read-your-writes). */
  const session = new ReadYourWritesSession();

  const person = (sub: string, roles: Role[], partyId?: string) => ({ sub, roles, partyId });
  const clerk = person('desk-clerk-7', ['clerk']);
  const manager = person('manager-1', ['manager']);
  const seller = person('u-seller', ['depositor'], 'party-seller');
  const trader = person('u-trader', ['depositor'], 'party-trader');
  const mill = person('u-mill', ['depositor'], 'party-mill');

  async function call(base: string, who: ReturnType<typeof person>, method: string, path: string, json?: unknown): Promise<{ status: number; body: Body }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${services.token(who.sub, who.roles, who.partyId)}`,
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...session.headersFor(base),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    session.remember(base, response.headers);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
  const atReceipt = (who: ReturnType<typeof person>, method: string, path: string, json?: unknown) => call(receipt.process.baseUrl, who, method, path, json);

  async function openCard(who: ReturnType<typeof person>, holderName: string): Promise<string> {
    const applied = await atReceipt(who, 'POST', '/storage-cards', { holderName });
    expect(applied.status).toBe(201);
    expect((await atReceipt(clerk, 'POST', `/storage-cards/${applied.body.cardNumber}/approve`)).status).toBe(200);
    return applied.body.cardNumber;
  }

  beforeAll(async () => {
    services = await startOrderAndInventory('rcpt');
    // The receipt service joins the same broker under the same topic prefix as the other two.
    receipt = await startReceiptBeside(services, {}, session);
    const topic = (name: string) => `${services.prefix}.${name}`;
    recorder = await new TopicRecorder(bus, [topic('receipt.receipt.v1'), topic('receipt.alarm.v1')]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    const exit = await receipt?.stop();
    await services?.stop();
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('lots received by inventory become receipts after a signed exchange approval, change hands twice, are pledged, merged, and cancelled into an outbound order', async () => {
    // Master data at inventory (the commodity with the grade the exchange delivers by, a shed slot).
    const { manager: inventoryManager, desk } = staffOf(services);
    expect(
      (await inventoryManager.post('/commodities', { code: COMMODITY, product: '螺纹钢', specification: 'HRB400E Φ20', brand: '沙钢', grade: 'HRB400E' }))
        .status,
    ).toBe(201);
    // The commodity's inbound weight tolerance, in force from today (a lot opens only under one).
    expect(
      (await inventoryManager.post(`/commodities/${COMMODITY}/weight-tolerances`, { effectiveFrom: shanghaiDateOf(new Date()), toleranceBps: 30 })).status,
    ).toBe(201);
    expect(
      (
        await inventoryManager.post('/locations', {
          locationId: 'SHED2-R01-S01',
          warehouse: WAREHOUSE,
          area: { kind: 'shed', name: 'SHED2' },
          row: 'R01',
          slot: 'S01',
          capacityKg: 100_000,
        })
      ).status,
    ).toBe(201);

    // Storage cards at the receipt service; the seller's is the one the inbound notices name.
    const sellerCard = await openCard(seller, '恒达钢铁贸易有限公司');
    const traderCard = await openCard(trader, '华东建材有限公司');
    const millCard = await openCard(mill, '江南钢材加工厂');
    // Factory-style rules for this commodity: whole tonnes, valid 6 months from issue (the
    // fixture's goods were produced on 2025-02-20, so a production-date rule would be long past).
    const terms = { receiptKind: 'factory', unitKg: 1_000, unitToleranceBp: 0, validity: { basis: 'issue-date', months: 6 }, maxProductionSpanDays: null };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect((await atReceipt(manager, 'POST', `/receipt-rules/${COMMODITY}/versions`, { effectiveFrom: today, terms })).status).toBe(201);

    // Two inbound lots through the order and inventory services' full inbound workflow.
    const base = { warehouse: WAREHOUSE, storageCard: sellerCard, party: 'party-seller', commodity: COMMODITY };
    const first = await receiveInboundLot(services, {
      ...base,
      pieces: { 'A-1': 2_000, 'A-2': 2_000, 'A-3': 2_000 },
      placement: { 'A-1': 'SHED2-R01-S01', 'A-2': 'SHED2-R01-S01', 'A-3': 'SHED2-R01-S01' },
    });
    const second = await receiveInboundLot(services, {
      ...base,
      pieces: { 'B-1': 2_000, 'B-2': 2_000 },
      placement: { 'B-1': 'SHED2-R01-S01', 'B-2': 'SHED2-R01-S01' },
    });
    const lots = await waitFor(
      async () => {
        const known = (await atReceipt(clerk, 'GET', `/lots?ownerCard=${sellerCard}&status=available`)).body.items as Body[];
        return known.length === 2 ? known : undefined;
      },
      { timeoutMs: 60_000, describe: 'both lots known to the receipt service from inventory.lot.v1' },
    );
    expect(lots.map((lot) => [lot.lotId, lot.weightKg, lot.commodity, lot.grade, lot.warehouseId]).sort()).toEqual(
      [
        [first.lotId, 6_000, COMMODITY, 'HRB400E', WAREHOUSE],
        [second.lotId, 4_000, COMMODITY, 'HRB400E', WAREHOUSE],
      ].sort(),
    );

    // The warehouse applies; the exchange approves over its signed API; the receipts are issued.
    const applied = await atReceipt(clerk, 'POST', '/issuance-applications', {
      warehouseId: WAREHOUSE,
      commodity: COMMODITY,
      brand: lots[0].brand,
      grade: 'HRB400E',
      holderCard: sellerCard,
      // Paid through tomorrow: the cancellation below is processed with nothing owed even if the
      // run crosses midnight in Shanghai (RCPT-CANCEL-FEES-PAID).
      storageFeesPaidThrough: addCalendarDays(today, 1),
      receipts: [{ lotIds: [first.lotId] }, { lotIds: [second.lotId] }],
    });
    expect(applied.status).toBe(201);
    const unsigned = await fetch(`${receipt.process.baseUrl}/integration/exchange/issuance-applications/${applied.body.applicationId}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"approvalReference":"X"}',
    });
    expect(unsigned.status).toBe(401);
    const approved = await receipt.signed(EXCHANGE, 'POST', `/integration/exchange/issuance-applications/${applied.body.applicationId}/approve`, {
      approvalReference: 'SHFE-ACC-1',
    });
    expect(approved.status).toBe(200);
    const [r1, r2] = approved.body.receiptNumbers as string[];

    // Transferred twice: seller → trader, trader → mill; a mistyped card is refused with an alarm.
    const line = (n: string) => ({ receiptNumber: n, commodity: COMMODITY });
    expect(
      (
        await atReceipt(seller, 'POST', '/transfers', {
          entered: { holderName: '恒达钢铁贸易有限公司', storageCard: sellerCard },
          buyerCard: traderCard,
          lines: [line(r1!), line(r2!)],
        })
      ).status,
    ).toBe(201);
    const mistyped = await atReceipt(trader, 'POST', '/transfers', {
      entered: { holderName: '华东建材有限公司', storageCard: millCard },
      buyerCard: millCard,
      lines: [line(r1!)],
    });
    expect([mistyped.status, mistyped.body.code]).toEqual([422, 'TRANSFER_CARD_MISMATCH']);
    expect(
      (
        await atReceipt(trader, 'POST', '/transfers', {
          entered: { holderName: '华东建材有限公司', storageCard: traderCard },
          buyerCard: millCard,
          lines: [line(r1!), line(r2!)],
        })
      ).status,
    ).toBe(201);

    // One pledged by its holder to the bank and released by the bank (signed).
    const pledged = await atReceipt(mill, 'POST', `/receipts/${r1}/pledges`, { bank: { partyId: BANK.id, name: 'ICBC' }, reason: 'inventory financing' });
    expect(pledged.status).toBe(201);
    expect((await receipt.signed(EXCHANGE, 'POST', `/integration/receipts/${r1}/holds/${pledged.body.holdId}/release`, { reason: 'not mine' })).body.code).toBe(
      'HOLD_RELEASE_FORBIDDEN',
    );
    expect((await receipt.signed(BANK, 'POST', `/integration/receipts/${r1}/holds/${pledged.body.holdId}/release`, { reason: 'repaid' })).status).toBe(200);

    // The two merged (6 t + 4 t); the holder applies to cancel the merged receipt for pickup and
    // the warehouse processes the application.
    const merged = await atReceipt(mill, 'POST', '/receipts/merge', { receiptNumbers: [r1, r2] });
    expect(merged.status).toBe(201);
    const cancellation = `/receipts/${merged.body.receiptNumber}/cancellation-application`;
    expect((await atReceipt(mill, 'POST', cancellation, { purpose: 'pickup' })).status).toBe(201);
    const cancelled = await atReceipt(clerk, 'POST', `${cancellation}/process`);
    expect(cancelled.status).toBe(200);
    const entitlementId = cancelled.body.entitlementId as string;

    // The outbound entitlement reaches the order service; the mill's pickup application opens its outbound order.
    const millAtOrder = httpClient(services.order.baseUrl, services.token(mill.sub, mill.roles, mill.partyId));
    expect(await applyForPickup(millAtOrder, entitlementId, 10_000)).toBe(`out-${entitlementId}`);
    const outbound = (await desk.get(`/work-orders/out-${entitlementId}`)).body;
    expect(outbound).toMatchObject({ type: 'outbound', status: 'open', warehouse: WAREHOUSE, owner: millCard, ownerParty: 'party-mill', commodity: COMMODITY });
    expect(outbound.entitlement).toMatchObject({ entitlementId, receiptNumber: merged.body.receiptNumber });
    expect(outbound.entitlement.lots.map((lot: Body) => [lot.lotId, lot.netKg]).sort()).toEqual(
      [
        [first.lotId, 6_000],
        [second.lotId, 4_000],
      ].sort(),
    );

    // The record: every step with its actor, verified; the facts went out on Kafka for ops.
    const history = await receipt.signed(EXCHANGE, 'GET', `/integration/exchange/receipts/${r1}/history`);
    expect(history.body.events.map((e: Body) => [e.type, e.actor.role])).toEqual([
      ['ReceiptIssued', 'exchange'],
      ['TitleTransferred', 'depositor'],
      ['TitleTransferred', 'depositor'],
      ['ReceiptHoldPlaced', 'depositor'],
      ['ReceiptHoldReleased', 'bank'],
      ['ReceiptMerged', 'depositor'],
    ]);
    expect(history.body.verification.receipt).toMatchObject({ ok: true, events: 6 });
    expect(history.body.alarms).toHaveLength(1);
    const transfers = await waitFor(
      () => {
        const found = recorder.messages.filter((m) => m.headers.ce_type === ReceiptTitleTransferredSchema.typeName);
        return found.length === 4 ? found : undefined;
      },
      { describe: 'four title transfers on receipt.receipt.v1 (2 receipts × 2)' },
    );
    expect(transfers.map((m) => fromBinary(ReceiptTitleTransferredSchema, m.value).to?.storageCard).sort()).toEqual(
      [millCard, millCard, traderCard, traderCard].sort(),
    );
    const alarm = await waitFor(() => recorder.messages.find((m) => m.headers.ce_type === TransferMismatchAlarmRaisedSchema.typeName), {
      describe: 'the alarm on receipt.alarm.v1',
    });
    expect(fromBinary(TransferMismatchAlarmRaisedSchema, alarm.value)).toMatchObject({
      receiptNumber: r1,
      mismatches: [{ entered: millCard, recorded: traderCard }],
    });
  });
});
