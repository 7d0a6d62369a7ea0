import { create } from '@bufbuild/protobuf';
import { LocalDateSchema, TakePaidSchema, TakePaymentRefusedSchema, billingTradingTopic, toTimestamp } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { runEntryPoint, waitFor } from '@dw/testing';
import { COURT, EXCHANGE, ReceiptTestApp } from '../../testing/receipt-test-app.spec-helper';
import { TONNE_RULE, clerk, depositor, ops } from '../../testing/receipt-scenario.spec-helper';
import { TradingMarketScenario } from '../testing/trading-market-scenario.spec-helper';

const MAIN = 'services/receipt/src/main.ts';

/**
 * Listings and takes on real PostgreSQL and Kafka: a listing holds its receipts in its own
 * transaction (transfer, pledge and cancellation are refused meanwhile), withdrawal, the
 * exchange's cancellation and the day's close free the unsold ones; billing's TakePaid (published
 * on the real topic as billing would) moves the title, TakePaymentRefused returns the receipts;
 * 50 parallel takes of one partial listing never sell more than listed.
 *
 * Monday 2026-03-02 at 09:30 in Shanghai (01:30 UTC): the prior trading day is Friday 02-27,
 * whose rb2605 settlement, 3 512 yuan/t = 351 200 fen/t, is the base; the band is ±5%:
 * 351 200 × 0.95 = 333 640 to 351 200 × 1.05 = 368 760 fen/t.
 */
describe('trading listings and takes', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let app: ReceiptTestApp;
  let trading: TradingMarketScenario;
  const hengda = depositor('party-hengda');
  const huadong = depositor('party-huadong');
  const stranger = depositor('party-other');
  let sellerCard: string;
  let buyerCard: string;
  let receipts: string[];
  const take = (listingId: string, count: number, who = huadong) => app.as(who, 'POST', `/trading/listings/${listingId}/takes`, { count });
  const post = (receiptNumbers: string[], extra: Record<string, unknown> = {}) =>
    app.as(hengda, 'POST', '/trading/listings', {
      commodity: 'rebar',
      receiptNumbers,
      mode: 'partial',
      minTake: 1,
      quote: { kind: 'full', priceFenPerTonne: 351_200 },
      ...extra,
    });
  const takeState = (takeId: string, state: string) =>
    waitFor(
      async () => {
        const answer = await app.as(huadong, 'GET', `/trading/takes/${takeId}`);
        return answer.status === 200 && answer.body.state === state ? answer.body : undefined;
      },
      { timeoutMs: 60_000, describe: `take ${takeId} ${state}` },
    );
  const paid = (takeId: string, listingId: string, proceedsFen: number) =>
    create(TakePaidSchema, {
      takeId,
      listingId,
      buyerPartyId: 'party-huadong',
      sellerPartyId: 'party-hengda',
      proceedsFen: BigInt(proceedsFen),
      buyerTradingFeeFen: 0n,
      sellerTradingFeeFen: 0n,
      invoiceDepositFen: BigInt(Math.floor(proceedsFen / 5)),
      tradingDay: create(LocalDateSchema, { value: '2026-03-02' }),
      paidAt: toTimestamp(clock.now()),
    });
  const refused = (takeId: string, listingId: string) =>
    create(TakePaymentRefusedSchema, {
      takeId,
      listingId,
      buyerPartyId: 'party-huadong',
      reasonCode: 'TRADING_BALANCE_SHORT',
      reason: 'balance short',
      refusedAt: toTimestamp(clock.now()),
    });
  const holderOf = async (receiptNumber: string) => (await app.as(clerk, 'GET', `/receipts/${receiptNumber}`)).body;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('listings', { clock, consume: true });
    trading = new TradingMarketScenario(app);
    sellerCard = await trading.openCard(hengda, '恒达钢铁贸易有限公司');
    buyerCard = await trading.openCard(huadong, '华东建材有限公司');
    await trading.publishRule('rebar', TONNE_RULE, '2026-03-02');
    const lots = Array.from({ length: 32 }, (_, i) => `L${String(i + 1).padStart(2, '0')}`);
    await trading.lotsBecomeAvailable(lots.map((lotId) => ({ lotId, ownerCard: sellerCard, weightKg: 10_000, producedOn: '2026-02-25' })));
    receipts = await trading.issue(
      sellerCard,
      lots.map((lot) => [lot]),
    );
    await trading.setMarket('rebar');
    await trading.approvedTrader(hengda, sellerCard, '恒达钢铁贸易有限公司', ['rebar']);
    await trading.approvedTrader(huadong, buyerCard, '华东建材有限公司', ['rebar']);
    await trading.publishPrice('rebar', '2026-02-27', 'rb2605', 351_200, true);
    await trading.publishPrice('rebar', '2026-02-27', 'rb2610', 352_000);
    await trading.priceRecorded('rebar', '2026-02-27', 'rb2610', 352_000);
    await trading.priceRecorded('rebar', '2026-02-27', 'rb2605', 351_200);
  }, 240_000);
  afterAll(() => app?.close());

  it('posts a listing that holds its receipts in the same transaction: transfer, pledge and cancellation of a listed receipt are refused', async () => {
    const [a, b, c] = receipts;
    const listed = await post([a!, b!, c!], { mode: 'partial', minTake: 2, quote: { kind: 'basis', contract: 'rb2610', premiumFenPerTonne: -1_500 } });
    expect(listed.status).toBe(201);
    // rb2610 352 000 − 1 500 = 350 500 fen/t.
    expect(listed.body).toMatchObject({
      status: 'open',
      mode: 'partial',
      minTake: 2,
      remainingReceipts: 3,
      remainingKg: 30_000,
      tradingDay: '2026-03-02',
      closesAt: '15:00',
    });
    expect(listed.body.quote).toEqual({ kind: 'basis', contract: 'rb2610', premiumFenPerTonne: -1_500, priceFenPerTonne: 350_500 });
    expect((await holderOf(a!)).holds).toMatchObject([{ kind: 'trading', holdId: `listing-${listed.body.listingId}` }]);

    const transfer = await trading.transfer(hengda, { holderName: '恒达钢铁贸易有限公司', storageCard: sellerCard }, buyerCard, [a!]);
    expect([transfer.status, transfer.body.code]).toEqual([409, 'RECEIPT_HELD']);
    const pledge = await app.as(hengda, 'POST', `/receipts/${b}/pledges`, { bank: { partyId: 'bank-icbc' }, reason: 'loan' });
    expect([pledge.status, pledge.body.code]).toEqual([409, 'RECEIPT_HELD']);
    const cancel = await app.as(hengda, 'POST', `/receipts/${c}/cancellation-application`, { purpose: 'pickup' });
    expect([cancel.status, cancel.body.code]).toEqual([409, 'RECEIPT_HELD']);
    const release = await app.signed(EXCHANGE, 'POST', `/integration/receipts/${a}/holds/listing-${listed.body.listingId}/release`, { reason: 'x' });
    expect([release.status, release.body.code]).toEqual([409, 'HOLD_LIFTED_WITH_LISTING']);
    // A listed receipt is not listed again.
    const twice = await post([c!, receipts[3]!]);
    expect([twice.status, twice.body.code, twice.body.field]).toEqual([409, 'RECEIPT_HELD', 'receiptNumbers[0]']);

    const read = await app.as(huadong, 'GET', `/trading/listings/${listed.body.listingId}`);
    expect(read.body.receipts.map((r: { state: string }) => r.state)).toEqual(['available', 'available', 'available']);
    const day = await app.as(huadong, 'GET', '/trading/listings?tradingDay=2026-03-02&status=open');
    expect(day.body.items.map((l: { listingId: string }) => l.listingId)).toContain(listed.body.listingId);
  });

  it('refuses a listing out of the band, off the tick, of another party’s receipts or by a non-trader, writing nothing', async () => {
    const before = await trading.eventCount();
    const [d, e] = [receipts[3]!, receipts[4]!];
    // 368 800 > 368 760.
    const outside = await post([d, e], { quote: { kind: 'full', priceFenPerTonne: 368_800 } });
    expect([outside.status, outside.body.code, outside.body.details]).toEqual([
      422,
      'TRADE_PRICE_OUTSIDE_BAND',
      expect.objectContaining({ lowerFenPerTonne: 333_640, upperFenPerTonne: 368_760 }),
    ]);
    const offTick = await post([d, e], { quote: { kind: 'full', priceFenPerTonne: 351_250 } });
    expect([offTick.status, offTick.body.code]).toEqual([422, 'TRADE_PRICE_OFF_TICK']);
    const mixed = await post([d, d]);
    expect([mixed.status, mixed.body.code]).toEqual([422, 'LIST_HAS_REPEATS']);
    const byStranger = await app.as(stranger, 'POST', '/trading/listings', {
      commodity: 'rebar',
      receiptNumbers: [d],
      mode: 'whole',
      quote: { kind: 'full', priceFenPerTonne: 351_200 },
    });
    expect([byStranger.status, byStranger.body.code]).toEqual([403, 'TRADE_NOT_A_TRADER']);
    const othersReceipt = await app.as(huadong, 'POST', '/trading/listings', {
      commodity: 'rebar',
      receiptNumbers: [d],
      mode: 'whole',
      quote: { kind: 'full', priceFenPerTonne: 351_200 },
    });
    expect([othersReceipt.status, othersReceipt.body.code]).toEqual([404, 'RECEIPT_NOT_FOUND']);
    const malformed = await post([d, e], { minTake: 'two', extra: true });
    expect(malformed.status).toBe(400);
    const badDay = await app.as(huadong, 'GET', '/trading/listings?tradingDay=2026-02-30');
    expect([badDay.status, badDay.body.code]).toEqual([422, 'INVALID_DATE']);
    expect(await trading.eventCount()).toBe(before);
  });

  it('the seller withdraws and the exchange cancels a listing: the unsold receipts are free again', async () => {
    const withdrawn = (await post([receipts[3]!, receipts[4]!])).body.listingId as string;
    const byOther = await app.as(huadong, 'POST', `/trading/listings/${withdrawn}/withdraw`, { reason: 'x' });
    expect([byOther.status, byOther.body.code]).toEqual([404, 'LISTING_NOT_FOUND']);
    const done = await app.as(hengda, 'POST', `/trading/listings/${withdrawn}/withdraw`, { reason: 'sold elsewhere' });
    expect(done.body).toMatchObject({ status: 'closed', closeReasonCode: 'withdrawn', remainingReceipts: 0 });
    expect((await holderOf(receipts[3]!)).holds).toEqual([]);
    const again = await app.as(hengda, 'POST', `/trading/listings/${withdrawn}/withdraw`, { reason: 'again' });
    expect([again.status, again.body.code]).toEqual([409, 'TRADE_LISTING_CLOSED']);

    const cancelled = (await post([receipts[3]!, receipts[4]!])).body.listingId as string;
    const byCourt = await app.signed(COURT, 'POST', `/integration/exchange/trading/listings/${cancelled}/cancel`, { reason: 'x' });
    expect(byCourt.status).toBe(403);
    const byExchange = await app.signed(EXCHANGE, 'POST', `/integration/exchange/trading/listings/${cancelled}/cancel`, {
      reason: 'wash trading (第六十三条)',
    });
    expect(byExchange.body).toMatchObject({ status: 'closed', closeReasonCode: 'cancelled' });
    // Free again: the holder may pledge it.
    const pledge = await app.as(hengda, 'POST', `/receipts/${receipts[4]}/pledges`, { bank: { partyId: 'bank-icbc' }, reason: 'loan' });
    expect(pledge.status).toBe(201);
  });

  it('two listings of one receipt at once: one holds it, the other is refused', async () => {
    const whole = { mode: 'whole', minTake: undefined };
    const answers = await Promise.all([post([receipts[3]!], whole), post([receipts[3]!], whole)]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = answers.find((answer) => answer.status === 409)!;
    // Decided after the winner committed: the receipt is held; decided beside it: its stream moved on.
    expect(['RECEIPT_HELD', 'STREAM_VERSION_CONFLICT']).toContain(loser.body.code);
    const winner = answers.find((answer) => answer.status === 201)!;
    expect((await holderOf(receipts[3]!)).holds).toEqual([expect.objectContaining({ holdId: `listing-${winner.body.listingId}` })]);
    await app.as(hengda, 'POST', `/trading/listings/${winner.body.listingId}/withdraw`, { reason: 'one is enough' });
    expect((await holderOf(receipts[3]!)).holds).toEqual([]);
  });

  it('a paid take moves the title to the buyer and lifts the hold; a replayed TakePaid changes nothing', async () => {
    const listingId = (await post([receipts[5]!, receipts[6]!, receipts[7]!])).body.listingId as string;
    const own = await take(listingId, 1, hengda);
    expect([own.status, own.body.code]).toEqual([409, 'TRADE_TAKE_OWN_LISTING']);
    const tooMany = await take(listingId, 4);
    expect([tooMany.status, tooMany.body.code]).toEqual([422, 'TRADE_TAKE_COUNT_INVALID']);
    const taken = await take(listingId, 2);
    expect(taken.status).toBe(202);
    // 351 200 fen/t × 20 t = 7 024 000 fen.
    expect(taken.body).toMatchObject({ state: 'reserved', weightKg: 20_000, priceFenPerTonne: 351_200, proceedsFen: 7_024_000 });
    expect(taken.body.receipts.map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual([receipts[5], receipts[6]]);
    await takeState(taken.body.takeId, 'reserved');

    await app.publish(billingTradingTopic, taken.body.takeId, TakePaidSchema, paid(taken.body.takeId, listingId, 7_024_000));
    await takeState(taken.body.takeId, 'settled');
    for (const receipt of [receipts[5]!, receipts[6]!]) {
      const view = await holderOf(receipt);
      expect([view.holder.storageCard, view.holds]).toEqual([buyerCard, []]);
    }
    expect((await holderOf(receipts[7]!)).holder.storageCard).toBe(sellerCard);
    const listing = await app.as(huadong, 'GET', `/trading/listings/${listingId}`);
    expect(listing.body.receipts.map((r: { state: string }) => r.state)).toEqual(['sold', 'sold', 'available']);

    // The replay, then a refusal for another take on the same key: once the refusal is seen, the replay was handled before it.
    const before = await trading.eventCount();
    const second = await take(listingId, 1);
    await app.publish(billingTradingTopic, taken.body.takeId, TakePaidSchema, paid(taken.body.takeId, listingId, 7_024_000));
    await app.publish(billingTradingTopic, taken.body.takeId, TakePaymentRefusedSchema, refused(second.body.takeId, listingId));
    const released = await takeState(second.body.takeId, 'released');
    expect(released).toMatchObject({ reasonCode: 'TRADING_BALANCE_SHORT' });
    // Only the second take's reservation and release were added.
    expect(await trading.eventCount()).toBe(before + 2);
    expect((await holderOf(receipts[5]!)).holder.storageCard).toBe(buyerCard);
  });

  it('refuses malformed takes and hides a take from a trader who is neither its buyer nor its seller', async () => {
    const listingId = (await post([receipts[8]!, receipts[9]!])).body.listingId as string;
    const before = await trading.eventCount();
    for (const body of [{ count: '1' }, { count: 0 }, { count: 201 }, { count: 1.5 }, { count: 1, extra: true }, {}]) {
      const answer = await app.as(huadong, 'POST', `/trading/listings/${listingId}/takes`, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
    const missing = await take('no-such-listing', 1);
    expect([missing.status, missing.body.code]).toEqual([404, 'LISTING_NOT_FOUND']);
    expect(await trading.eventCount()).toBe(before);
    const taken = await take(listingId, 1);
    await takeState(taken.body.takeId, 'reserved');
    const seen = await app.as(hengda, 'GET', `/trading/takes/${taken.body.takeId}`);
    expect(seen.status).toBe(200);
    const hidden = await app.as(stranger, 'GET', `/trading/takes/${taken.body.takeId}`);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'TAKE_NOT_FOUND']);
    await app.publish(billingTradingTopic, taken.body.takeId, TakePaymentRefusedSchema, refused(taken.body.takeId, listingId));
    await takeState(taken.body.takeId, 'released');
    await app.as(hengda, 'POST', `/trading/listings/${listingId}/withdraw`, { reason: 'done' });
  });

  it('a refused take returns its receipts to the listing, available to the next take', async () => {
    const listingId = (await post([receipts[8]!, receipts[9]!])).body.listingId as string;
    const first = await take(listingId, 2);
    const none = await take(listingId, 1);
    expect([none.status, none.body.code]).toEqual([409, 'TRADE_LISTING_NOTHING_LEFT']);
    await app.publish(billingTradingTopic, first.body.takeId, TakePaymentRefusedSchema, refused(first.body.takeId, listingId));
    await takeState(first.body.takeId, 'released');
    const listing = await app.as(huadong, 'GET', `/trading/listings/${listingId}`);
    expect(listing.body).toMatchObject({ remainingReceipts: 2 });
    expect((await holderOf(receipts[8]!)).holds).toMatchObject([{ kind: 'trading' }]);
    const next = await take(listingId, 2);
    expect(next.status).toBe(202);
    expect(next.body.receipts.map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual([receipts[8], receipts[9]]);
  });

  it('a paid take whose receipt a court froze meanwhile moves no title and is recorded as stuck', async () => {
    const listingId = (await post([receipts[10]!, receipts[11]!])).body.listingId as string;
    const taken = await take(listingId, 2);
    expect((await app.signed(COURT, 'POST', `/integration/receipts/${receipts[11]}/holds`, { kind: 'freeze', reason: 'ruling' })).status).toBe(201);
    await app.publish(billingTradingTopic, taken.body.takeId, TakePaidSchema, paid(taken.body.takeId, listingId, 7_024_000));
    const stuck = await takeState(taken.body.takeId, 'stuck');
    expect(stuck).toMatchObject({ reasonCode: 'RECEIPT_HELD' });
    // The exchange and the warehouse's staff find it among the stuck takes.
    const forExchange = await app.signed(EXCHANGE, 'GET', '/integration/exchange/trading/takes?state=stuck');
    expect(forExchange.body.items.map((item: { takeId: string }) => item.takeId)).toEqual([taken.body.takeId]);
    const forOps = await app.as(ops, 'GET', '/trading/takes?state=stuck&tradingDay=2026-03-02');
    expect(forOps.body.items).toEqual(forExchange.body.items);
    // Neither receipt moved: there is no half trade.
    expect((await holderOf(receipts[10]!)).holder.storageCard).toBe(sellerCard);
    expect((await holderOf(receipts[11]!)).holder.storageCard).toBe(sellerCard);
  });

  it('50 parallel takes of one partial listing never sell more than listed, and no receipt twice', async () => {
    const twenty = receipts.slice(12, 32);
    const listingId = (await post(twenty)).body.listingId as string;
    const answers = await Promise.all(Array.from({ length: 50 }, () => take(listingId, 1)));
    const accepted = answers.filter((answer) => answer.status === 202);
    expect(accepted).toHaveLength(20);
    expect(answers.filter((answer) => answer.status !== 202).map((answer) => answer.body.code)).toEqual(Array(30).fill('TRADE_LISTING_NOTHING_LEFT'));
    const taken = accepted.map((answer) => answer.body.receipts[0].receiptNumber as string);
    expect(new Set(taken).size).toBe(20);
    expect([...taken].sort()).toEqual([...twenty].sort());
  }, 120_000);

  it('closes listings still open at the day’s last close and frees their unsold receipts', async () => {
    const open = await app.as(huadong, 'GET', '/trading/listings?tradingDay=2026-03-02&status=open&limit=100');
    expect(open.body.items.length).toBeGreaterThan(0);
    const early = await app.as(ops, 'POST', '/trading/listing-expiry-sweeps');
    expect(early.body.expired).toEqual([]);
    clock.set('2026-03-02T07:00:00Z'); // 15:00 in Shanghai: the last session closes.
    const swept = await app.as(ops, 'POST', '/trading/listing-expiry-sweeps');
    expect(swept.status).toBe(200);
    const first = open.body.items[0];
    expect(swept.body.expired).toContain(first.listingId);
    const closed = await app.as(huadong, 'GET', `/trading/listings/${first.listingId}`);
    expect(closed.body).toMatchObject({ status: 'closed', closeReasonCode: 'expired' });
    const unsold = closed.body.receipts.filter((r: { state: string }) => r.state === 'unsold');
    for (const receipt of unsold) expect((await holderOf(receipt.receiptNumber)).holds).toEqual([]);
    const late = await take(first.listingId, 1);
    expect([late.status, late.body.code]).toEqual([409, 'TRADE_LISTING_CLOSED']);
  }, 120_000);

  it('publishes the day’s offers, trades and quotes: change against the prior trading day’s close', async () => {
    // Tuesday 03-03 09:30 in Shanghai; Monday's rb2605 settled at 352 000: band 334 400 – 369 600.
    await trading.publishPrice('rebar', '2026-03-02', 'rb2605', 352_000, true);
    await trading.priceRecorded('rebar', '2026-03-02', 'rb2605', 352_000);
    clock.set('2026-03-03T01:30:00Z');
    const sold = await post([receipts[3]!, receipts[7]!], { mode: 'whole', minTake: undefined, quote: { kind: 'full', priceFenPerTonne: 352_000 } });
    expect(sold.status).toBe(201);
    const offered = await post([receipts[0]!, receipts[1]!, receipts[2]!], { minTake: 2, quote: { kind: 'full', priceFenPerTonne: 353_000 } });
    expect(offered.status).toBe(201);
    const taken = await take(sold.body.listingId, 2);
    // 352 000 fen/t × 20 t = 7 040 000 fen.
    expect(taken.body.proceedsFen).toBe(7_040_000);
    await app.publish(billingTradingTopic, taken.body.takeId, TakePaidSchema, paid(taken.body.takeId, sold.body.listingId, 7_040_000));
    await takeState(taken.body.takeId, 'settled');
    await app.readModelsCaughtUp();

    const tuesday = await app.as(huadong, 'GET', '/trading/market-info/quotes?tradingDay=2026-03-03');
    // Monday's only trade (receipts 6 and 7 at 351 200) is Monday's close: 352 000 − 351 200 = +800.
    expect(tuesday.body.commodities).toEqual([
      {
        commodity: 'rebar',
        tradingDay: '2026-03-03',
        latestPriceFenPerTonne: 352_000,
        previousCloseFenPerTonne: 351_200,
        changeFenPerTonne: 800,
        highFenPerTonne: 352_000,
        lowFenPerTonne: 352_000,
        volumeReceipts: 2,
        volumeKg: 20_000,
        amountFen: 7_040_000,
        trades: 1,
      },
    ]);
    const monday = await app.as(huadong, 'GET', '/trading/market-info/quotes?tradingDay=2026-03-02&commodity=rebar');
    // Reserved, released and stuck takes are no trades: Monday traded 2 receipts, 20 t for 7 024 000 fen, with no earlier close.
    expect(monday.body.commodities[0]).toMatchObject({
      latestPriceFenPerTonne: 351_200,
      previousCloseFenPerTonne: null,
      changeFenPerTonne: null,
      volumeKg: 20_000,
      amountFen: 7_024_000,
      trades: 1,
    });
    const offers = await app.as(huadong, 'GET', '/trading/market-info/offers?tradingDay=2026-03-03');
    expect(offers.body.offers).toEqual([
      expect.objectContaining({ listingId: offered.body.listingId, priceFenPerTonne: 353_000, remainingReceipts: 3, remainingKg: 30_000, minTake: 2 }),
    ]);
    const trades = await app.signed(EXCHANGE, 'GET', '/integration/exchange/trading/market-info/trades?tradingDay=2026-03-03');
    expect(trades.body.trades).toEqual([
      expect.objectContaining({ takeId: taken.body.takeId, priceFenPerTonne: 352_000, receipts: 2, weightKg: 20_000, amountFen: 7_040_000 }),
    ]);
    const exchangeQuotes = await app.signed(EXCHANGE, 'GET', '/integration/exchange/trading/market-info/quotes?tradingDay=2026-03-03');
    expect(exchangeQuotes.body).toEqual(tuesday.body);
  }, 120_000);

  it('rebuilds the listings, takes and market information read models from the log, equal row for row to the live ones', async () => {
    const tables = ['trading_listings', 'trading_takes', 'market_offers', 'market_takes'];
    await app.readModelsCaughtUp();
    const counts = await app.copyLiveTables(tables);
    await runEntryPoint(MAIN, ['rebuild', 'trading_listings', 'market_information'], app.commandEnv());
    for (const [i, table] of tables.entries()) {
      expect(await app.diffFromLiveCopy(table)).toEqual({
        table,
        onlyInA: 0,
        onlyInB: 0,
        countA: counts[i],
        countB: counts[i],
      });
    }
  }, 120_000);
});
