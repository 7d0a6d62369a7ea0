import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCalendarDays, cnMainlandCalendar, shanghaiDateOf, type LocalDate } from '@dw/kernel';
import { isMonday, scenarioStartDay, waitFor } from '@dw/testing';
import { expectStatus } from '../order-inventory/fixtures/inbound-receiving';
import { startOrderAndInventory, type RunningServices } from '../order-inventory/fixtures/order-inventory-services';
import {
  BUYER,
  cancelForPickup,
  COMMODITY,
  loadOut,
  openPickup,
  personOf,
  receiptOverReceivedLot,
  receiptPeopleOf,
  SELLER,
  transferToBuyer,
} from '../outbound/fixtures/title-and-goods';
import { startReceiptBeside, type RunningReceipt } from '../receipt/fixtures/receipt-service';
import { startBillingBeside, type RunningBilling } from './fixtures/billing-service';

/*
 * The billing service's first acceptance case, with order, inventory, receipt and billing as four OS
 * processes on real PostgreSQL and a real Kafka broker. The environment's business clock moves
 * through CLOCK_SHIFT_FILE; billing's day close runs on its own schedule (every 500 ms), and its
 * fees are read from GET /fees.
 *
 * Day 0 (T) is the first Monday after today from which the next 16 days hold no public holiday
 * (or, once the calendar's data ends too soon after today, the latest such Monday before it),
 * so T, T+10 (a Thursday) and T+15 (a Tuesday) are trading days and every day is charged on
 * itself. Rates, published on the eve of day 0 to take effect on trading days ahead:
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
const A = SELLER;
const B = BUYER;

/** A Monday from which 16 days run in the calendar's data with no public holiday (the scenario's day 0). */
function startsHolidayFreeFortnight(day: LocalDate): boolean {
  const fortnight = Array.from({ length: 16 }, (_, n) => addCalendarDays(day, n));
  return isMonday(day) && fortnight.every((d) => cnMainlandCalendar.covers(d) && !cnMainlandCalendar.isHoliday(d));
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
  const T = scenarioStartDay(shanghaiDateOf(new Date()), cnMainlandCalendar, startsHolidayFreeFortnight);
  const day = (n: number) => addCalendarDays(T, n);
  // The environment's clock at 09:00 Shanghai (01:00 UTC) of day n; it only moves forward.
  const moveClockTo = (n: number) => writeFileSync(clockShift, String(Date.parse(`${day(n)}T01:00:00Z`) - Date.now()));

  beforeAll(async () => {
    // The services start on the eve of day 0, which may lie before today once the calendar's data ends too soon after it.
    moveClockTo(-1);
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
    // Tokens are issued on the environment's clock, so each day's people sign in that day.
    const person = personOf(services);
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

    // The eve of day 0: the rate cards, to take effect on trading days ahead.
    const terms = (fenPerTonneDay: number, loadOutFenPerTonne: number) => ({
      settlementMethod: 'monthly_statement',
      storage: [{ storageKind: 'shed', commodity: COMMODITY, fenPerTonneDay }],
      loadInFenPerTonne: 300,
      loadOut: [{ method: 'self_collect', fenPerTonne: loadOutFenPerTonne }],
      transferFenPerTonne: 50,
    });
    expectStatus(await billingManager().post('/rate-cards/default/versions', { effectiveFrom: T, terms: terms(15, 250) }), 201, 'publish the default rates');
    expectStatus(await billingManager().post(`/contracts/${B}/versions`, { effectiveFrom: day(14), terms: terms(20, 300) }), 201, 'publish B’s contract');

    // Day T: master data, A's lot received and a receipt issued over it to A. The fees are paid
    // through the day of the cancellation at issuance, so nothing here waits on a payment.
    moveClockTo(0);
    const lot = await receiptOverReceivedLot(services, receipt, { effectiveFrom: T, storageFeesPaidThrough: day(15), approvalReference: 'SHFE-BILL-1' });
    const { receiptNumber } = lot;

    // Day T+10: the closes of T … T+9 charge A; then A transfers the receipt to B.
    moveClockTo(10);
    const ofA = await feesWhen(A, (fees) => storageDays(fees) === 10, 'A’s ten days of storage');
    await transferToBuyer(receiptPeopleOf(services, receipt).seller, lot);

    // Day T+15: the closes of T+10 … T+14 charge B; then B cancels for pickup and collects.
    moveClockTo(15);
    await feesWhen(B, (fees) => storageDays(fees) === 5, 'B’s five days of storage');
    const onDay15 = receiptPeopleOf(services, receipt);
    const entitlementId = await cancelForPickup(onDay15.buyer, onDay15.clerk, receiptNumber);
    const orderId = await openPickup(services, person(services.order.baseUrl, 'u-buyer', ['depositor'], B), entitlementId, {
      pickupDate: day(15),
      pickupUntil: day(15),
      dailyPlan: [{ date: day(15), kg: 6_000 }],
      vehicles: ['沪A12345'],
    });
    // By hand: gross 21 000 − tare 15 000 = 6 000 kg net, the book weight exactly.
    await loadOut(
      services,
      orderId,
      { barcodes: ['G-1', 'G-2', 'G-3'], vehicle: '沪A12345', grossKg: 21_000, tareKg: 15_000, readingId: 'out-bill-1' },
      services.clock,
    );

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
