import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCalendarDays, cnMainlandCalendar, shanghaiDateOf, type LocalDate } from '@dw/kernel';
import { isMonday, scenarioStartDay, waitFor } from '@dw/testing';
import { startBillingBeside, type RunningBilling } from '../billing/fixtures/billing-service';
import { expectStatus, receiveInboundLot } from '../order-inventory/fixtures/inbound-receiving';
import { postSigned, startOrderAndInventory, type RunningServices } from '../order-inventory/fixtures/order-inventory-services';
import {
  COMMODITY,
  openStorageCard,
  personOf,
  receiptPeopleOf,
  setUpRebarWarehouse,
  untilReceiptKnowsLots,
  WAREHOUSE,
} from '../outbound/fixtures/title-and-goods';
import { EXCHANGE, RECEIPT_BANK, startReceiptBeside, type RunningReceipt } from '../receipt/fixtures/receipt-service';

/*
 * The receipt trading platform's acceptance case (标准仓单交易管理办法), with order, inventory,
 * receipt and billing as four OS processes on real PostgreSQL and a real Kafka broker: the listing
 * and the title live in the receipt service, the traders' money in billing, and a take is the
 * process between them (TakeReserved → TakePaid → TakeSettled).
 *
 * Day 1 (T) is the first Monday after today whose five weekdays and the next Monday are trading
 * days (or, once the calendar's data ends too soon after today, the latest such Monday before
 * it), so T … T+4 and T+7 trade and T−3 is the Friday before. Everything is set up on that
 * Friday after its 15:00 close; the listing and both takes happen on T at 10:00 Shanghai.
 *
 * Ten receipts of one 3 000 kg bundle each (Φ20 rebar, one lot each), held on the seller's card.
 * Market: tick 100 fen/t; reference contract rb2705, settled at 350 000 fen/t on Friday (the
 * prior trading day of T, 第五十七条); band ±5% (第五十九条): [332 500, 367 500] fen/t. The seller
 * lists all ten partially, minimum take 3, at a full price of 352 000 fen/t (on the tick, inside
 * the band). Trading fee 50 fen/t per side (第四十条, exchange data). Buyer 3's take, whose
 * payment fails while billing is down, is worked out where it happens.
 *
 *   take 1, buyer 1, 3 receipts = 9 000 kg = 9 t:
 *     proceeds 352 000 × 9 = 3 168 000 fen; each side's fee 50 × 9 = 450 fen;
 *     invoice deposit 20% × 3 168 000 = 633 600 fen (第四十三条)
 *   take 2, buyer 2, 7 receipts = 21 000 kg = 21 t:
 *     proceeds 352 000 × 21 = 7 392 000 fen; each side's fee 50 × 21 = 1 050 fen;
 *     invoice deposit 20% × 7 392 000 = 1 478 400 fen
 *
 * Buyers deposit on Friday after the close, so their deposits settle in T (the next trading day).
 * T's reports by 第三十四条 (balance = previous + proceeds − payments + deposits − withdrawals −
 * fees − deposits withheld + deposits released − penalties − storage − transfer − other):
 *   buyer 1: 0 + 4 000 000 − 3 168 000 − 450                       =   831 550 fen
 *   buyer 2: 0 + 8 000 000 − 7 392 000 − 1 050                     =   606 950 fen
 *   seller:  0 + (3 168 000 + 7 392 000) − (450 + 1 050) − (633 600 + 1 478 400)
 *          = 10 560 000 − 1 500 − 2 112 000                        = 8 446 500 fen
 * Day 4 (T+3, within the 5 trading days of 第四十六条): the seller's two invoices arrive and the
 * exchange verifies them; both deposits are released in full (no day late, no penalty):
 *   seller on T+3: 8 446 500 + 633 600 + 1 478 400                 = 10 558 500 fen
 */

/** A Monday whose five weekdays and the next Monday are trading days in the calendar's data, and the Friday before it is in the data too (the scenario's day 1). */
function startsTradingWeek(day: LocalDate): boolean {
  const week = [0, 1, 2, 3, 4, 7].map((n) => addCalendarDays(day, n));
  return (
    isMonday(day) && [addCalendarDays(day, -3), ...week].every((d) => cnMainlandCalendar.covers(d)) && week.every((d) => cnMainlandCalendar.isTradingDay(d))
  );
}

const SELLER = 'party-mill-trader';
const BUYER_1 = 'party-buyer-east';
const BUYER_2 = 'party-buyer-south';
const BUYER_3 = 'party-buyer-north';
const EXCHANGE_AT_BILLING = { clientId: EXCHANGE.id, secret: EXCHANGE.secret };
const BANK_AT_BILLING = { clientId: RECEIPT_BANK.id, secret: RECEIPT_BANK.secret };

describe('the receipt trading platform across receipt and billing: a partial listing taken by two buyers settles money, fees, invoice deposits and title the same day, and a failed payment leaves no half trade', () => {
  let services: RunningServices;
  let receipt: RunningReceipt;
  let billing: RunningBilling;
  const clockShift = join(mkdtempSync(join(tmpdir(), 'dw-clock-')), 'shift-ms');
  const T = scenarioStartDay(shanghaiDateOf(new Date()), cnMainlandCalendar, startsTradingWeek);
  const day = (n: number) => addCalendarDays(T, n);
  /** Moves the environment's business clock to Shanghai `hhmm` on day T+n. */
  const moveClockTo = (n: number, hhmm: string) => writeFileSync(clockShift, String(Date.parse(`${day(n)}T${hhmm}:00+08:00`) - Date.now()));

  beforeAll(async () => {
    // The services start half an hour before the set-up on the Friday before day 1, which may lie before today once the calendar's data ends too soon after it.
    moveClockTo(-3, '15:30');
    const shared = { CLOCK_SHIFT_FILE: clockShift };
    services = await startOrderAndInventory('trade', shared);
    [receipt, billing] = await Promise.all([startReceiptBeside(services, shared), startBillingBeside(services, shared)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([receipt?.stop(), billing?.stop()]);
    await services?.stop();
  }, 60_000);

  it('lists 10 receipts with a minimum take of 3; a take whose payment fails in a billing outage returns its receipts; sells 3 and 7, every figure by hand; releases the deposits on the invoices of day 4; 50 parallel takes of a relisting sell each receipt once', async () => {
    moveClockTo(-3, '16:00');
    const person = personOf(services);
    // Tokens are issued on the environment's clock: each call signs in anew, on the day it acts.
    const depositorAt = (base: () => string, sub: string, party: string) => ({
      get: (path: string) => person(base(), sub, ['depositor'], party).get(path),
      post: (path: string, body?: unknown) => person(base(), sub, ['depositor'], party).post(path, body),
    });
    const atReceipt = (sub: string, party: string) => depositorAt(() => receipt.process.baseUrl, sub, party);
    const atBilling = (sub: string, party: string) => depositorAt(() => billing.process.baseUrl, sub, party);
    const seller = atReceipt('u-mill', SELLER);
    const buyer1 = atReceipt('u-east', BUYER_1);
    const buyer2 = atReceipt('u-south', BUYER_2);
    const buyer3 = atReceipt('u-north', BUYER_3);
    const exchangeAtReceipt = (path: string, body: unknown = {}) => receipt.signed(EXCHANGE, 'POST', path, body);
    const exchangeAtBilling = (path: string, body: unknown = {}) => postSigned(billing.process.baseUrl, path, EXCHANGE_AT_BILLING, body, services.clock);

    // The warehouse, three cards and ten received lots on the seller's card, issued as ten receipts.
    await setUpRebarWarehouse(services, receipt, day(-3));
    const sellerCard = await openStorageCard(services, receipt, seller, '恒达钢铁贸易有限公司');
    const buyer1Card = await openStorageCard(services, receipt, buyer1, '华东建材有限公司');
    const buyer2Card = await openStorageCard(services, receipt, buyer2, '华南钢材有限公司');
    const buyer3Card = await openStorageCard(services, receipt, buyer3, '华北钢材贸易有限公司');
    const lotIds: string[] = [];
    for (let n = 1; n <= 10; n += 1) {
      const { lotId } = await receiveInboundLot(services, {
        warehouse: WAREHOUSE,
        storageCard: sellerCard,
        party: SELLER,
        commodity: COMMODITY,
        pieces: { [`TB-${n}`]: 3_000 },
        placement: { [`TB-${n}`]: 'SHED1-R01-S01' },
      });
      lotIds.push(lotId);
    }
    await untilReceiptKnowsLots(services, receipt, sellerCard, 10);
    const clerk = {
      get: (path: string) => receiptPeopleOf(services, receipt).clerk.get(path),
      post: (path: string, body?: unknown) => receiptPeopleOf(services, receipt).clerk.post(path, body),
    };
    const applied = await clerk.post('/issuance-applications', {
      warehouseId: WAREHOUSE,
      commodity: COMMODITY,
      brand: '沙钢',
      grade: 'HRB400E',
      holderCard: sellerCard,
      storageFeesPaidThrough: day(30),
      receipts: lotIds.map((lotId) => ({ lotIds: [lotId] })),
    });
    expectStatus(applied, 201, 'apply for ten receipts');
    const approved = await exchangeAtReceipt(`/integration/exchange/issuance-applications/${applied.body.applicationId}/approve`, {
      approvalReference: 'SHFE-TRADE-0001',
    });
    expectStatus(approved, 200, 'the exchange approves');
    const receiptNumbers = approved.body.receiptNumbers as string[];
    expect(receiptNumbers).toHaveLength(10);

    // The market and its prices, the traders, the fee rate and the buyers' deposits.
    expectStatus(
      await exchangeAtReceipt(`/integration/exchange/markets/${COMMODITY}/settings`, {
        tradable: true,
        tickFenPerTonne: 100,
        sessions: [{ opens: '09:00', closes: '15:00' }],
        referenceContract: 'rb2705',
        maxUpBasisPoints: 500,
        maxDownBasisPoints: 500,
      }),
      200,
      'the exchange opens the market',
    );
    expectStatus(
      await exchangeAtBilling('/integration/exchange/settlement-prices', {
        commodity: COMMODITY,
        tradingDay: day(-3),
        contract: 'rb2705',
        fenPerTonne: 350_000,
      }),
      200,
      "Friday's settlement price of the reference contract",
    );
    expectStatus(
      await exchangeAtBilling('/integration/exchange/trading-fee-rates', { commodity: COMMODITY, fenPerTonnePerSide: 50, effectiveFrom: day(0) }),
      200,
      'the trading fee',
    );
    const traders = [
      { client: seller, party: SELLER, card: sellerCard, name: '恒达钢铁贸易有限公司', bankAccount: '6222020000000001' },
      { client: buyer1, party: BUYER_1, card: buyer1Card, name: '华东建材有限公司', bankAccount: '6222020000000002' },
      { client: buyer2, party: BUYER_2, card: buyer2Card, name: '华南钢材有限公司', bankAccount: '6222020000000003' },
      { client: buyer3, party: BUYER_3, card: buyer3Card, name: '华北钢材贸易有限公司', bankAccount: '6222020000000004' },
    ];
    for (const trader of traders) {
      expectStatus(
        await trader.client.post('/trading/traders', {
          storageCard: trader.card,
          name: trader.name,
          commodities: [COMMODITY],
          bankAccount: { accountName: trader.name, accountNumber: trader.bankAccount, bank: '中国工商银行无锡分行' },
        }),
        201,
        `${trader.party} applies to trade`,
      );
      expectStatus(await exchangeAtReceipt(`/integration/exchange/traders/${trader.party}/approve`), 200, `the exchange approves ${trader.party}`);
    }
    const accountOf = (party: string) => atBilling(`u-${party}`, party).get(`/trading-accounts/${party}`);
    for (const trader of traders) {
      await waitFor(async () => ((await accountOf(trader.party)).status === 200 ? true : undefined), {
        timeoutMs: 60_000,
        describe: `billing to open ${trader.party}'s trading account`,
      });
    }
    const deposit = (card: string, bankAccount: string, amountFen: number, bankTransactionId: string) =>
      postSigned(
        billing.process.baseUrl,
        '/integration/bank/trading-deposits',
        BANK_AT_BILLING,
        { bankTransactionId, accountNumber: card, payerAccountNumber: bankAccount, amountFen, valueDate: shanghaiDateOf(services.clock.now()) },
        services.clock,
      );
    expectStatus(await deposit(buyer1Card, traders[1]!.bankAccount, 4_000_000, 'ICBC-IN-0001'), 200, 'buyer 1 deposits 40 000 yuan');
    expectStatus(await deposit(buyer2Card, traders[2]!.bankAccount, 8_000_000, 'ICBC-IN-0002'), 200, 'buyer 2 deposits 80 000 yuan');
    expectStatus(await deposit(buyer3Card, traders[3]!.bankAccount, 1_000_000, 'ICBC-IN-0003'), 200, 'buyer 3 deposits 10 000 yuan');
    // Day 1, 10:00: the listing and two takes.
    moveClockTo(0, '10:00');
    const listing = { commodity: COMMODITY, receiptNumbers, mode: 'partial', minTake: 3, quote: { kind: 'full', priceFenPerTonne: 352_000 } };
    // The band needs Friday's price in the receipt service's copy (billing.settlement-price.v1):
    // until it arrives the listing is refused with TRADE_NO_BASE_PRICE and nothing is written.
    const listWhenPriced = (lister: typeof seller, body: unknown) =>
      waitFor(
        async () => {
          const answer = await lister.post('/trading/listings', body);
          return answer.body?.code === 'TRADE_NO_BASE_PRICE' ? undefined : answer;
        },
        { timeoutMs: 60_000, describe: "the receipt service's copy of the base price" },
      );
    const listed = await listWhenPriced(seller, listing);
    expectStatus(listed, 201, 'the seller lists ten receipts, minimum take 3');
    const listingId = listed.body.listingId as string;

    const listingNowOf = async (id: string) => (await seller.get(`/trading/listings/${id}`)).body;
    const listingNow = () => listingNowOf(listingId);

    // A payment that fails after the receipts were reserved leaves no half trade. Billing is down
    // (an outage injected between the steps) when buyer 3 takes 3 receipts: they are reserved off
    // the listing and wait. Back up, billing refuses the payment: 3 receipts cost 352 000 × 9 t =
    // 3 168 000 fen + a 450 fen fee = 3 168 450 fen against 1 000 000 fen held. The receipts return
    // to the listing, still the seller's, and buyer 3's balance is 1 000 000 fen as before.
    await billing.halt();
    const failing = await buyer3.post(`/trading/listings/${listingId}/takes`, { count: 3 });
    expectStatus(failing, 202, 'buyer 3 takes 3 while billing is down');
    expect((await buyer3.get(`/trading/takes/${failing.body.takeId}`)).body).toMatchObject({ state: 'reserved' });
    expect(await listingNow()).toMatchObject({ remainingReceipts: 7 });
    await billing.resume();
    const released = await waitFor(
      async () => {
        const answer = await buyer3.get(`/trading/takes/${failing.body.takeId}`);
        return answer.body?.state === 'released' ? answer.body : undefined;
      },
      { timeoutMs: 60_000, describe: "buyer 3's take released" },
    );
    expect(released).toMatchObject({ reasonCode: 'TRADING_BALANCE_SHORT', proceedsFen: 3_168_000 });
    expect(await listingNow()).toMatchObject({ remainingReceipts: 10, remainingKg: 30_000 });
    for (const { receiptNumber } of released.receipts as { receiptNumber: string }[]) {
      expect((await clerk.get(`/receipts/${receiptNumber}`)).body.holder.storageCard).toBe(sellerCard);
    }
    expect((await accountOf(BUYER_3)).body).toMatchObject({ balanceFen: 1_000_000 });

    const take1 = await buyer1.post(`/trading/listings/${listingId}/takes`, { count: 3 });
    expectStatus(take1, 202, 'buyer 1 takes 3');
    const take2 = await buyer2.post(`/trading/listings/${listingId}/takes`, { count: 7 });
    expectStatus(take2, 202, 'buyer 2 takes 7');
    const settled = async (buyer: typeof buyer1, takeId: string) =>
      waitFor(
        async () => {
          const answer = await buyer.get(`/trading/takes/${takeId}`);
          return answer.body?.state === 'settled' ? answer.body : undefined;
        },
        { timeoutMs: 60_000, describe: `take ${takeId} settled` },
      );
    const [settled1, settled2] = [await settled(buyer1, take1.body.takeId), await settled(buyer2, take2.body.takeId)];
    // Proceeds = price × weight: 352 000 × 9 t and 352 000 × 21 t, both traded on day 1.
    expect(settled1).toMatchObject({ tradingDay: day(0), weightKg: 9_000, priceFenPerTonne: 352_000, proceedsFen: 3_168_000 });
    expect(settled2).toMatchObject({ tradingDay: day(0), weightKg: 21_000, priceFenPerTonne: 352_000, proceedsFen: 7_392_000 });

    // The title moved the same day: 3 receipts on buyer 1's card, 7 on buyer 2's, none twice, nothing left on the listing.
    const taken1 = (settled1.receipts as { receiptNumber: string }[]).map((r) => r.receiptNumber);
    const taken2 = (settled2.receipts as { receiptNumber: string }[]).map((r) => r.receiptNumber);
    expect(new Set([...taken1, ...taken2])).toEqual(new Set(receiptNumbers));
    for (const [numbers, card] of [
      [taken1, buyer1Card],
      [taken2, buyer2Card],
    ] as const) {
      for (const number of numbers) {
        const held = await clerk.get(`/receipts/${number}`);
        expect(held.body.holder.storageCard).toBe(card);
        expect(held.body.holds).toEqual([]);
      }
    }
    expect(await listingNow()).toMatchObject({ remainingReceipts: 0, remainingKg: 0 });

    // The money moved at once: the accounts' balances are the reports' figures below.
    expect((await accountOf(BUYER_1)).body).toMatchObject({ balanceFen: 831_550 });
    expect((await accountOf(BUYER_2)).body).toMatchObject({ balanceFen: 606_950 });
    expect((await accountOf(SELLER)).body).toMatchObject({ balanceFen: 8_446_500, invoiceDepositsHeldFen: 2_112_000 });

    // After day 1's close the exchange settles it; each trader's report, term by term.
    moveClockTo(0, '15:30');
    expectStatus(await exchangeAtBilling('/integration/exchange/trading-settlements', { tradingDay: day(0) }), 200, 'settle day 1');
    // The settlement run was the exchange's signed call: its reports are read once billing's read model has them.
    const reportOf = (party: string, n: number) =>
      waitFor(
        async () => {
          const answer = await atBilling(`u-${party}`, party).get(`/trading-accounts/${party}/settlement-reports/${day(n)}`);
          return answer.status === 200 ? answer.body : undefined;
        },
        { timeoutMs: 30_000, describe: `${party}'s report of day ${n + 1}` },
      );
    const none = {
      proceedsReceivedFen: 0,
      paymentsFen: 0,
      depositsFen: 0,
      withdrawalsFen: 0,
      tradingFeesFen: 0,
      invoiceDepositsWithheldFen: 0,
      invoiceDepositsReleasedFen: 0,
      invoicePenaltiesFen: 0,
      storageFeesFen: 0,
      transferFeesFen: 0,
      otherFeesFen: 0,
    };
    expect(await reportOf(BUYER_1, 0)).toMatchObject({
      previousBalanceFen: 0,
      figures: { ...none, depositsFen: 4_000_000, paymentsFen: 3_168_000, tradingFeesFen: 450 },
      balanceFen: 831_550,
    });
    expect(await reportOf(BUYER_2, 0)).toMatchObject({
      previousBalanceFen: 0,
      figures: { ...none, depositsFen: 8_000_000, paymentsFen: 7_392_000, tradingFeesFen: 1_050 },
      balanceFen: 606_950,
    });
    expect(await reportOf(SELLER, 0)).toMatchObject({
      previousBalanceFen: 0,
      figures: { ...none, proceedsReceivedFen: 10_560_000, tradingFeesFen: 1_500, invoiceDepositsWithheldFen: 2_112_000 },
      balanceFen: 8_446_500,
    });

    // Days 2 and 3 settle with nothing moving; on day 4 the seller's invoices arrive and are verified.
    for (const n of [1, 2]) {
      moveClockTo(n, '15:30');
      expectStatus(await exchangeAtBilling('/integration/exchange/trading-settlements', { tradingDay: day(n) }), 200, `settle day ${n + 1}`);
    }
    moveClockTo(3, '10:00');
    const sellerAtBilling = atBilling('u-mill', SELLER);
    for (const [takeId, invoiceNumber] of [
      [take1.body.takeId as string, '04412345'],
      [take2.body.takeId as string, '04412346'],
    ] as const) {
      expectStatus(await sellerAtBilling.post(`/trading-sales/${takeId}/invoice`, { invoiceNumber }), 200, `the seller's invoice ${invoiceNumber}`);
      const verified = await exchangeAtBilling(`/integration/exchange/trading-sales/${takeId}/invoice-verification`);
      expectStatus(verified, 200, `the exchange verifies ${invoiceNumber}`);
      expect(verified.body).toMatchObject({ status: 'released' });
    }
    // Each deposit comes back whole: the invoice arrived on day 4, before its due day, the 5th
    // trading day after the trade (T+1 … T+4 are Tuesday to Friday, the 5th is the next Monday T+7).
    const sales = await waitFor(
      async () => {
        const answer = await sellerAtBilling.get(`/trading-sales?sellerPartyId=${SELLER}`);
        return answer.body?.items?.every((sale: { status: string }) => sale.status === 'verified') ? answer.body.items : undefined;
      },
      { timeoutMs: 30_000, describe: "the seller's sales verified" },
    );
    expect(sales).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ takeId: take1.body.takeId, invoiceDepositFen: 633_600, invoiceDueDay: day(7), penaltyFen: 0, releasedFen: 633_600 }),
        expect.objectContaining({ takeId: take2.body.takeId, invoiceDepositFen: 1_478_400, invoiceDueDay: day(7), penaltyFen: 0, releasedFen: 1_478_400 }),
      ]),
    );
    expect(sales).toHaveLength(2);
    moveClockTo(3, '15:30');
    expectStatus(await exchangeAtBilling('/integration/exchange/trading-settlements', { tradingDay: day(3) }), 200, 'settle day 4');
    expect(await reportOf(SELLER, 3)).toMatchObject({
      previousBalanceFen: 8_446_500,
      figures: { ...none, invoiceDepositsReleasedFen: 2_112_000 },
      balanceFen: 10_558_500,
    });
    expect((await accountOf(SELLER)).body).toMatchObject({ balanceFen: 10_558_500, invoiceDepositsHeldFen: 0 });

    // Day 5: buyer 2 lists its 7 receipts partially, minimum take 1, at 352 000 fen/t, and 50 takes of one
    // receipt arrive at once, 25 from buyer 1 and 25 from buyer 3. One receipt (3 t) costs a buyer
    // 352 000 × 3 = 1 056 000 fen + a 150 fen fee = 1 056 150 fen; its seller gets 1 056 000 − 150 − the
    // 20% deposit 211 200 = 844 650 fen. Each buyer tops up 2 200 000 fen first:
    //   buyer 1: 831 550 + 2 200 000 = 3 031 550 → pays for at most 2 (3 × 1 056 150 = 3 168 450 is more);
    //   buyer 3: 1 000 000 + 2 200 000 = 3 200 000 → at most 3 (4 × 1 056 150 = 4 224 600 is more).
    // Whatever the race, no receipt is sold twice, never more than 7, and every balance is its money moved.
    // Day 4's settlement price of the reference contract, 350 000 fen/t again: day 5's band is as day 1's.
    expectStatus(
      await exchangeAtBilling('/integration/exchange/settlement-prices', {
        commodity: COMMODITY,
        tradingDay: day(3),
        contract: 'rb2705',
        fenPerTonne: 350_000,
      }),
      200,
      "day 4's settlement price",
    );
    moveClockTo(4, '10:00');
    expectStatus(await deposit(buyer1Card, traders[1]!.bankAccount, 2_200_000, 'ICBC-IN-0004'), 200, 'buyer 1 tops up 22 000 yuan');
    expectStatus(await deposit(buyer3Card, traders[3]!.bankAccount, 2_200_000, 'ICBC-IN-0005'), 200, 'buyer 3 tops up 22 000 yuan');
    const relisted = await listWhenPriced(buyer2, { ...listing, receiptNumbers: taken2, minTake: 1 });
    expectStatus(relisted, 201, 'buyer 2 lists its 7 receipts, minimum take 1');
    const relistingId = relisted.body.listingId as string;
    const racers = Array.from({ length: 50 }, (_, n) => (n % 2 === 0 ? { buyer: buyer1, party: BUYER_1 } : { buyer: buyer3, party: BUYER_3 }));
    const answers = await Promise.all(racers.map(({ buyer }) => buyer.post(`/trading/listings/${relistingId}/takes`, { count: 1 })));
    const reserved = answers.flatMap((answer, n) => (answer.status === 202 ? [{ takeId: answer.body.takeId as string, ...racers[n]! }] : []));
    // A take answers 202 while receipts are left, else 409 TRADE_LISTING_NOTHING_LEFT; a receipt whose payment is
    // refused returns to the listing, so a later take of the race may reserve it again.
    expect(reserved.length).toBeGreaterThanOrEqual(7);
    for (const answer of answers.filter((a) => a.status !== 202)) expect(answer).toMatchObject({ status: 409, body: { code: 'TRADE_LISTING_NOTHING_LEFT' } });
    const outcomes = await Promise.all(
      reserved.map(({ buyer, takeId }) =>
        waitFor(
          async () => {
            const answer = await buyer.get(`/trading/takes/${takeId}`);
            return answer.body?.state === 'settled' || answer.body?.state === 'released' ? answer.body : undefined;
          },
          { timeoutMs: 90_000, describe: `take ${takeId} paid or refused` },
        ),
      ),
    );
    const sold = outcomes.filter((take) => take.state === 'settled');
    const soldReceipts = sold.flatMap((take) => (take.receipts as { receiptNumber: string }[]).map((r) => r.receiptNumber));
    expect(new Set(soldReceipts).size).toBe(soldReceipts.length);
    expect(soldReceipts.every((number) => taken2.includes(number))).toBe(true);
    for (const take of outcomes.filter((t) => t.state === 'released')) expect(take.reasonCode).toBe('TRADING_BALANCE_SHORT');
    const soldTo = (party: string) => sold.filter((take) => take.buyerPartyId === party).length;
    const [n1, n3] = [soldTo(BUYER_1), soldTo(BUYER_3)];
    expect(n1).toBeLessThanOrEqual(2);
    expect(n3).toBeLessThanOrEqual(3);
    expect(await listingNowOf(relistingId)).toMatchObject({ remainingReceipts: 7 - soldReceipts.length });
    for (const take of sold) {
      const [{ receiptNumber }] = take.receipts as { receiptNumber: string }[];
      const card = take.buyerPartyId === BUYER_1 ? buyer1Card : buyer3Card;
      expect((await clerk.get(`/receipts/${receiptNumber}`)).body.holder.storageCard).toBe(card);
    }
    expect((await accountOf(BUYER_1)).body).toMatchObject({ balanceFen: 3_031_550 - n1 * 1_056_150 });
    expect((await accountOf(BUYER_3)).body).toMatchObject({ balanceFen: 3_200_000 - n3 * 1_056_150 });
    expect((await accountOf(BUYER_2)).body).toMatchObject({ balanceFen: 606_950 + (n1 + n3) * 844_650 });

    // Day 5's settlement: each report adds up by 第三十四条 to the account's balance (the report is checked
    // against the trading ledger by billing's daily-settlement spec).
    moveClockTo(4, '15:30');
    expectStatus(await exchangeAtBilling('/integration/exchange/trading-settlements', { tradingDay: day(4) }), 200, 'settle day 5');
    expect(await reportOf(BUYER_1, 4)).toMatchObject({
      previousBalanceFen: 831_550,
      figures: { ...none, depositsFen: 2_200_000, paymentsFen: n1 * 1_056_000, tradingFeesFen: n1 * 150 },
      balanceFen: 3_031_550 - n1 * 1_056_150,
    });
    expect(await reportOf(BUYER_2, 4)).toMatchObject({
      previousBalanceFen: 606_950,
      figures: { ...none, proceedsReceivedFen: (n1 + n3) * 1_056_000, tradingFeesFen: (n1 + n3) * 150, invoiceDepositsWithheldFen: (n1 + n3) * 211_200 },
      balanceFen: 606_950 + (n1 + n3) * 844_650,
    });
  }, 600_000);
});
