import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCalendarDays, cnMainlandCalendar, shanghaiDateOf, type LocalDate } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { expectStatus, receiveInboundLot, staffOf, untilInventoryExpects } from '../order-inventory/fixtures/inbound-receiving';
import { httpClient, postSigned, SCALE, startOrderAndInventory, type RunningServices } from '../order-inventory/fixtures/order-inventory-services';
import { EXCHANGE, startReceiptBeside, type RunningReceipt } from '../receipt/fixtures/receipt-service';
import { startBillingBeside, type RunningBilling } from './fixtures/billing-service';

/*
 * The billing service's first acceptance case, with order, inventory, receipt and billing as four OS
 * processes on real PostgreSQL and a real Kafka broker. The environment's business clock moves
 * through CLOCK_SHIFT_FILE; billing's day close runs on its own schedule (every 500 ms), and its
 * fees are read from GET /fees.
 *
 * Day 0 (T) is the first Monday after today from which the next 16 days hold no public holiday,
 * so T, T+10 (a Thursday) and T+15 (a Tuesday) are trading days and every day is charged on
 * itself. Rates, published today to take effect on trading days ahead:
 *   the default card from T: Φ20 rebar in a shed 15 fen/t/day, load-in 300 fen/t, self-collected
 *     load-out 250 fen/t, transfer 50 fen/t;
 *   the buyer B's contract from T+14 (a Monday): 20 fen/t/day, load-out 300 fen/t, the rest as
 *     the default.
 * The seller A has no contract. The lot is three 2 000 kg bundles, 6 000 kg = 6 t:
 *   A, load-in on T (default):                300 × 6 = 1 800 fen
 *   A, storage T … T+9 (default):        10 × 15 × 6 = 10 × 90 = 900 fen
 *   B, transfer on T+10 (default in force):    50 × 6 = 300 fen
 *   B, storage T+10 … T+13 (default):     4 × 15 × 6 = 4 × 90 = 360 fen
 *   B, storage T+14 (its contract):            20 × 6 = 120 fen
 *   B, load-out on T+15 (its contract):       300 × 6 = 1 800 fen
 *   (T+15, the day of the cancellation, is nobody's storage, BILL-TRANSFER-DAY-BUYER; its close is
 *   not waited for here, the accrual int spec pins it.)
 *   A in all: 1 800 + 900 = 2 700 fen; B in all: 300 + 360 + 120 + 1 800 = 2 580 fen.
 */
const WAREHOUSE = 'WH-WX-01';
const COMMODITY = 'rb-400e-20-sg';
const A = 'party-seller';
const B = 'party-buyer';

/** The first Monday after `today` from which 16 days run with no public holiday (the scenario's day 0). */
function holidayFreeMondayAfter(today: LocalDate): LocalDate {
  for (let day = addCalendarDays(today, 1); ; day = addCalendarDays(day, 1)) {
    const fortnight = Array.from({ length: 16 }, (_, n) => addCalendarDays(day, n));
    const monday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
    if (monday && fortnight.every((d) => cnMainlandCalendar.covers(d) && !cnMainlandCalendar.isHoliday(d))) return day;
  }
}

interface Fee {
  feeId: string;
  partyId: string;
  item: string;
  receiptNumber: string | null;
  serviceDate: string;
  amountFen: number;
  rateSource: string;
  reversedAt: string | null;
}

describe('billing with receipt and inventory running: storage, transfer and movement fees follow the receipt', () => {
  let services: RunningServices;
  let receipt: RunningReceipt;
  let billing: RunningBilling;
  const clockShift = join(mkdtempSync(join(tmpdir(), 'dw-clock-')), 'shift-ms');

  beforeAll(async () => {
    writeFileSync(clockShift, '0');
    const shared = { CLOCK_SHIFT_FILE: clockShift };
    services = await startOrderAndInventory('bill', shared);
    [receipt, billing] = await Promise.all([startReceiptBeside(services, shared), startBillingBeside(services, shared)]);
  });

  afterAll(async () => {
    const exits = await Promise.all([billing?.stop(), receipt?.stop()]);
    await services?.stop();
    expect(exits).toEqual([
      { code: null, signal: 'SIGTERM' },
      { code: null, signal: 'SIGTERM' },
    ]);
  });

  it('charges A ten days of storage and the load-in, B five days, the transfer and the load-out, each at the rates in force that day', async () => {
    const today = shanghaiDateOf(new Date());
    const T = holidayFreeMondayAfter(today);
    const day = (n: number) => addCalendarDays(T, n);
    // The environment's clock at 09:00 Shanghai (01:00 UTC) of day n; it only moves forward.
    const moveClockTo = (n: number) => writeFileSync(clockShift, String(Date.parse(`${day(n)}T01:00:00Z`) - Date.now()));
    // Tokens are issued on the environment's clock, so each day's people sign in that day.
    const person = (base: string, sub: string, roles: ('clerk' | 'manager' | 'depositor')[], partyId?: string) =>
      httpClient(base, services.token(sub, roles, partyId));
    const billingManager = () => person(billing.process.baseUrl, 'manager-1', ['manager']);
    const feesOf = async (partyId: string) =>
      ((await billingManager().get(`/fees?limit=100&partyId=${partyId}`)).body.items as Fee[]).filter((fee) => fee.reversedAt === null);
    const feesWhen = (partyId: string, ready: (fees: Fee[]) => boolean, describe: string) =>
      waitFor(
        async () => {
          const fees = await feesOf(partyId);
          return ready(fees) ? fees : undefined;
        },
        { timeoutMs: 60_000, describe },
      );
    const storageDays = (fees: Fee[]) => fees.filter((fee) => fee.item === 'storage').length;

    // Today: the rate cards, to take effect on trading days ahead.
    const terms = (fenPerTonneDay: number, loadOutFenPerTonne: number) => ({
      settlementMethod: 'monthly_statement',
      storage: [{ storageKind: 'shed', commodity: COMMODITY, fenPerTonneDay }],
      loadInFenPerTonne: 300,
      loadOut: [{ method: 'self_collect', fenPerTonne: loadOutFenPerTonne }],
      transferFenPerTonne: 50,
    });
    expectStatus(await billingManager().post('/rate-cards/default/versions', { effectiveFrom: T, terms: terms(15, 250) }), 201, 'publish the default rates');
    expectStatus(await billingManager().post(`/contracts/${B}/versions`, { effectiveFrom: day(14), terms: terms(20, 300) }), 201, 'publish B’s contract');

    // Day T: master data, A's lot received and a receipt issued over it to A.
    moveClockTo(0);
    const { manager } = staffOf(services);
    const atReceipt = {
      clerk: person(receipt.process.baseUrl, 'desk-clerk-7', ['clerk']),
      manager: person(receipt.process.baseUrl, 'manager-1', ['manager']),
      seller: person(receipt.process.baseUrl, 'u-seller', ['depositor'], A),
      buyer: person(receipt.process.baseUrl, 'u-buyer', ['depositor'], B),
    };
    expectStatus(
      await manager.post('/commodities', { code: COMMODITY, product: '螺纹钢', specification: 'HRB400E Φ20', brand: '沙钢', grade: 'HRB400E' }),
      201,
      'register the commodity',
    );
    expectStatus(await manager.post(`/commodities/${COMMODITY}/weight-tolerances`, { effectiveFrom: T, toleranceBps: 30 }), 201, 'publish its tolerance');
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
      expectStatus(applied, 201, `apply for ${holderName}’s card`);
      expectStatus(await atReceipt.clerk.post(`/storage-cards/${applied.body.cardNumber}/approve`), 200, 'approve the card');
      return applied.body.cardNumber as string;
    };
    const sellerCard = await openCard(atReceipt.seller, '恒达钢铁贸易有限公司');
    const buyerCard = await openCard(atReceipt.buyer, '华东建材有限公司');
    const receiptTerms = {
      receiptKind: 'factory',
      unitKg: 1_000,
      unitToleranceBp: 0,
      validity: { basis: 'issue-date', months: 6 },
      maxProductionSpanDays: null,
    };
    expectStatus(await atReceipt.manager.post(`/receipt-rules/${COMMODITY}/versions`, { effectiveFrom: T, terms: receiptTerms }), 201, 'publish receipt rules');
    const { lotId } = await receiveInboundLot(services, {
      warehouse: WAREHOUSE,
      storageCard: sellerCard,
      party: A,
      commodity: COMMODITY,
      pieces: { 'G-1': 2_000, 'G-2': 2_000, 'G-3': 2_000 },
      placement: { 'G-1': 'SHED1-R01-S01', 'G-2': 'SHED1-R01-S01', 'G-3': 'SHED1-R01-S01' },
    });
    await waitFor(async () => ((await atReceipt.clerk.get(`/lots?ownerCard=${sellerCard}&status=available`)).body.items.length === 1 ? true : undefined), {
      timeoutMs: 60_000,
      describe: 'the lot known to the receipt service',
    });
    // The fees are paid through the day of the cancellation at issuance, so nothing here waits on a payment.
    const applied = await atReceipt.clerk.post('/issuance-applications', {
      warehouseId: WAREHOUSE,
      commodity: COMMODITY,
      brand: '沙钢',
      grade: 'HRB400E',
      holderCard: sellerCard,
      storageFeesPaidThrough: day(15),
      receipts: [{ lotIds: [lotId] }],
    });
    expectStatus(applied, 201, 'apply for the receipt');
    const approved = await receipt.signed(EXCHANGE, 'POST', `/integration/exchange/issuance-applications/${applied.body.applicationId}/approve`, {
      approvalReference: 'SHFE-BILL-1',
    });
    expectStatus(approved, 200, 'the exchange approves');
    const [receiptNumber] = approved.body.receiptNumbers as string[];

    // Day T+10: the closes of T … T+9 charge A; then A transfers the receipt to B.
    moveClockTo(10);
    const ofA = await feesWhen(A, (fees) => storageDays(fees) === 10, 'A’s ten days of storage');
    const seller = person(receipt.process.baseUrl, 'u-seller', ['depositor'], A);
    const transfer = await seller.post('/transfers', {
      entered: { holderName: '恒达钢铁贸易有限公司', storageCard: sellerCard },
      buyerCard,
      lines: [{ receiptNumber, commodity: COMMODITY }],
    });
    expectStatus(transfer, 201, 'transfer to the buyer');

    // Day T+15: the closes of T+10 … T+14 charge B; then B cancels for pickup and collects.
    moveClockTo(15);
    await feesWhen(B, (fees) => storageDays(fees) === 5, 'B’s five days of storage');
    const buyer = person(receipt.process.baseUrl, 'u-buyer', ['depositor'], B);
    const cancellation = `/receipts/${receiptNumber}/cancellation-application`;
    expectStatus(await buyer.post(cancellation, { purpose: 'pickup' }), 201, 'apply to cancel for pickup');
    const cancelled = await person(receipt.process.baseUrl, 'desk-clerk-7', ['clerk']).post(`${cancellation}/process`);
    expectStatus(cancelled, 200, 'the warehouse processes the cancellation');
    const entitlementId = cancelled.body.entitlementId as string;
    const buyerAtOrder = person(services.order.baseUrl, 'u-buyer', ['depositor'], B);
    const orderId = await waitFor(
      async () => {
        const answer = await buyerAtOrder.post(`/entitlements/${entitlementId}/pickup-application`, {
          pickupDate: day(15),
          pickupUntil: day(15),
          method: 'self_collect',
          dailyPlan: [{ date: day(15), kg: 6_000 }],
          collector: { name: '张伟', residentId: '11010519491231002X', mobile: '13812345678' },
          vehicles: ['沪A12345'],
        });
        if (answer.status === 201) return answer.body.orderId as string;
        if (answer.status !== 404) throw new Error(`pickup application: ${answer.status} ${JSON.stringify(answer.body)}`);
        return undefined;
      },
      { timeoutMs: 60_000, describe: 'the entitlement to reach the order service' },
    );
    const { desk, inventoryDesk, operator } = staffOf(services);
    expectStatus(await desk.post(`/work-orders/${orderId}/steps`, { step: 'notice' }), 201, 'record the pickup notice');
    await untilInventoryExpects(inventoryDesk, orderId, 'pick');
    const barcodes = ['G-1', 'G-2', 'G-3'];
    for (const barcode of barcodes) expectStatus(await operator.post(`/outbound-orders/${orderId}/picks`, { barcode }), 201, `pick ${barcode}`);
    // By hand: gross 21 000 − tare 15 000 = 6 000 kg net, the book weight exactly.
    const reading = {
      readingId: 'out-bill-1',
      subject: { kind: 'vehicle', vehicle: '沪A12345', barcodes },
      grossKg: 21_000,
      tareKg: 15_000,
      weighedAt: new Date(services.clock.now().getTime() - 60_000).toISOString(),
    };
    expectStatus(await postSigned(services.inventory.baseUrl, `/outbound-orders/${orderId}/scale-readings`, SCALE, reading, services.clock), 201, 'weigh');
    expectStatus(await operator.post(`/outbound-orders/${orderId}/load-outs`, {}), 201, 'load out');

    // A: the load-in and ten days at the default, 1 800 + 10 × 90 = 2 700 fen.
    expect(ofA.map((fee) => [fee.item, fee.serviceDate, fee.amountFen, fee.rateSource])).toEqual([
      ['load_in', T, 1_800, 'default'],
      ...Array.from({ length: 10 }, (_, n) => ['storage', day(n), 90, 'default']),
    ]);
    expect(ofA.filter((fee) => fee.item === 'storage').every((fee) => fee.receiptNumber === receiptNumber)).toBe(true);
    expect(ofA.reduce((total, fee) => total + fee.amountFen, 0)).toBe(2_700);
    // B: the transfer and four days at the default, the fifth and the load-out at its contract:
    // 300 + 4 × 90 + 120 + 1 800 = 2 580 fen.
    const ofB = await feesWhen(B, (fees) => fees.some((fee) => fee.item === 'load_out'), 'B’s load-out fee');
    expect(ofB.map((fee) => [fee.item, fee.serviceDate, fee.amountFen, fee.rateSource])).toEqual([
      ['storage', day(10), 90, 'default'],
      ['transfer', day(10), 300, 'default'],
      ['storage', day(11), 90, 'default'],
      ['storage', day(12), 90, 'default'],
      ['storage', day(13), 90, 'default'],
      ['storage', day(14), 120, 'contract'],
      ['load_out', day(15), 1_800, 'contract'],
    ]);
    expect(ofB.reduce((total, fee) => total + fee.amountFen, 0)).toBe(2_580);
  });
});
