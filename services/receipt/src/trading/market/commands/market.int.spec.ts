import { randomUUID } from 'node:crypto';
import { ManualClock, localDate } from '@dw/kernel';
import { runEntryPoint, waitFor } from '@dw/testing';
import { BANK, EXCHANGE, ReceiptTestApp } from '../../../testing/receipt-test-app.spec-helper';
import { clerk, depositor } from '../../../testing/receipt-scenario.spec-helper';
import { TradingLookups } from '../../common/trading-lookups';
import { REBAR_MARKET } from '../../listing/domain/trading.fixtures.spec-helper';
import { TradingMarketScenario } from '../../testing/trading-market-scenario.spec-helper';
import { referencePricesStream } from '../market.streams';

const MAIN = 'services/receipt/src/main.ts';

/**
 * Markets, reference prices and the lookups the listing decisions read, on real PostgreSQL and
 * Kafka: the exchange sets each commodity's market through its signed API, billing's settlement
 * prices are taken from the real topic once each, and `TradingLookups.market` gives the base
 * price of the trading day before, worked out by hand from the calendar.
 */
describe('markets, reference prices and TradingLookups', () => {
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  let app: ReceiptTestApp;
  let trading: TradingMarketScenario;
  let lookups: TradingLookups;
  const hengda = depositor('party-hengda');

  beforeAll(async () => {
    app = await ReceiptTestApp.start('markets', { clock, consume: true });
    trading = new TradingMarketScenario(app);
    lookups = app.app.get(TradingLookups);
  });
  afterAll(() => app?.close());

  const market = (action: string, body: unknown) => app.signed(EXCHANGE, 'POST', `/integration/exchange/markets/rebar/${action}`, body);

  it('the exchange sets a market; traders and the exchange read it with who changed it last and when', async () => {
    const set = await market('settings', REBAR_MARKET);
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ commodity: 'rebar', ...REBAR_MARKET, suspended: false, suspensionReason: null, version: 1 });
    const again = await market('settings', REBAR_MARKET);
    expect([again.status, again.body.version]).toEqual([200, 1]);

    const read = await app.as(hengda, 'GET', '/trading/markets/rebar');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      commodity: 'rebar',
      tickFenPerTonne: 100,
      sessions: REBAR_MARKET.sessions,
      lastChange: 'MarketSettingsChanged',
      changedBy: EXCHANGE.id,
      changedAt: '2026-03-02T01:00:00.000Z',
    });
    expect((await app.signed(EXCHANGE, 'GET', '/integration/exchange/markets')).body.items.map((m: { commodity: string }) => m.commodity)).toEqual(['rebar']);
    const none = await app.as(clerk, 'GET', '/trading/markets/copper');
    expect([none.status, none.body.code]).toEqual([404, 'MARKET_NOT_FOUND']);
  });

  it('takes abnormal-situation measures: suspend, resume, new hours and band, each with its reason', async () => {
    clock.set('2026-03-02T02:15:00Z');
    const suspended = await market('suspend', { reason: 'price anomaly' });
    expect(suspended.body).toMatchObject({ suspended: true, suspensionReason: 'price anomaly', version: 2 });
    // The lookups read the market's stream: the suspension is seen at once, with no read model to wait for.
    expect((await lookups.market('rebar', localDate('2026-03-02')))!.suspended).toBe(true);
    const twice = await market('suspend', { reason: 'again' });
    expect([twice.status, twice.body.code]).toEqual([409, 'MARKET_ALREADY_SUSPENDED']);
    expect((await market('resume', { reason: 'resolved' })).body.suspended).toBe(false);
    const hours = await market('sessions', { sessions: [{ opens: '09:00', closes: '10:00' }], reason: 'system incident' });
    expect(hours.body.sessions).toEqual([{ opens: '09:00', closes: '10:00' }]);
    const band = await market('price-band', { maxUpBasisPoints: 700, maxDownBasisPoints: 300, reason: 'futures limit widened' });
    expect([band.body.maxUpBasisPoints, band.body.maxDownBasisPoints, band.body.version]).toEqual([700, 300, 5]);
    const read = await app.as(hengda, 'GET', '/trading/markets/rebar');
    expect(read.body).toMatchObject({ lastChange: 'MarketPriceBandChanged', lastReason: 'futures limit widened', changedAt: '2026-03-02T02:15:00.000Z' });
    const notSet = await app.signed(EXCHANGE, 'POST', '/integration/exchange/markets/copper/suspend', { reason: 'x' });
    expect([notSet.status, notSet.body.code]).toEqual([404, 'MARKET_NOT_FOUND']);
  });

  it('refuses overlapping or backwards sessions, out-of-range bands and malformed bodies, and anyone but the signed exchange, writing nothing', async () => {
    const before = await trading.eventCount();
    const overlap = await market('settings', {
      ...REBAR_MARKET,
      sessions: [
        { opens: '09:00', closes: '11:30' },
        { opens: '11:00', closes: '15:00' },
      ],
    });
    expect([overlap.status, overlap.body.code]).toEqual([422, 'TRADING_SESSIONS_OVERLAP']);
    const backwards = await market('sessions', { sessions: [{ opens: '15:00', closes: '13:30' }], reason: 'x' });
    expect([backwards.status, backwards.body.code, backwards.body.field]).toEqual([422, 'TRADING_SESSION_INVALID', 'sessions[0].closes']);
    for (const body of [
      { ...REBAR_MARKET, sessions: [{ opens: '9:00', closes: '11:30' }] },
      { ...REBAR_MARKET, sessions: [] },
      { ...REBAR_MARKET, tickFenPerTonne: 0 },
      { ...REBAR_MARKET, tickFenPerTonne: 1.5 },
      { ...REBAR_MARKET, tickFenPerTonne: '100' },
      { ...REBAR_MARKET, maxUpBasisPoints: 10_001 },
      { ...REBAR_MARKET, maxDownBasisPoints: 10_000 },
      { ...REBAR_MARKET, referenceContract: 'rebar May' },
      { ...REBAR_MARKET, tradable: 'yes' },
      { ...REBAR_MARKET, extra: 1 },
    ]) {
      const answer = await market('settings', body);
      expect({ body, status: answer.status, code: answer.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    const badCommodity = await app.signed(EXCHANGE, 'POST', '/integration/exchange/markets/Rebar!/settings', REBAR_MARKET);
    expect([badCommodity.status, badCommodity.body.code]).toEqual([422, 'COMMODITY_CODE_INVALID']);
    const unsigned = await app.send('POST', '/integration/exchange/markets/rebar/suspend', JSON.stringify({ reason: 'x' }), {
      'idempotency-key': randomUUID(),
    });
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'SIGNATURE_MISSING']);
    const asBank = await app.signed(BANK, 'POST', '/integration/exchange/markets/rebar/suspend', { reason: 'x' });
    expect([asBank.status, asBank.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(await trading.eventCount()).toBe(before);
  });

  it('copies settlement prices from billing.settlement-price.v1 once per commodity, day and contract; a correction replaces the price', async () => {
    await trading.publishPrice('rebar', '2026-02-27', 'rb2605', 318_000, true);
    await trading.publishPrice('rebar', '2026-02-27', 'rb2610', 321_000);
    await trading.priceRecorded('rebar', '2026-02-27', 'rb2605', 318_000);
    await trading.priceRecorded('rebar', '2026-02-27', 'rb2610', 321_000);
    // Republished (a new message id, so the inbox takes it): the stream records nothing more.
    await trading.publishPrice('rebar', '2026-02-27', 'rb2605', 318_000, true);
    await trading.publishPrice('rebar', '2026-02-27', 'rb2605', 318_100, true);
    await trading.priceRecorded('rebar', '2026-02-27', 'rb2605', 318_100);
    const { rows } = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [
      referencePricesStream('rebar', '2026-02-27').streamId,
    ]);
    // rb2605 318000, rb2610 321000, rb2605 corrected to 318100: three facts, the repeat none.
    expect(rows[0]!.n).toBe(3);
  });

  it('gives the base price of the trading day before: over a weekend with a make-up Saturday, and over the Spring Festival', async () => {
    // A price dated on the make-up Saturday 2026-02-28 (a working day, not a trading day): it must never be the base.
    await trading.publishPrice('rebar', '2026-02-28', 'rb2605', 999_900);
    await trading.publishPrice('rebar', '2026-02-13', 'rb2605', 305_000, true);
    await trading.priceRecorded('rebar', '2026-02-28', 'rb2605', 999_900);
    await trading.priceRecorded('rebar', '2026-02-13', 'rb2605', 305_000);

    // Mon 2026-03-02: Sun Mar 1 plain, Sat Feb 28 make-up (no trading) -> Fri Feb 27, whose rb2605 was corrected to 318100.
    const monday = await lookups.market('rebar', localDate('2026-03-02'));
    expect(monday).toMatchObject({
      tradingDay: '2026-03-02',
      referenceContract: 'rb2605',
      basePriceFenPerTonne: 318_100,
      priorSettlementFenPerTonne: { rb2605: 318_100, rb2610: 321_000 },
      maxUpBasisPoints: 700,
      maxDownBasisPoints: 300,
      tickFenPerTonne: 100,
      tradable: true,
      suspended: false,
    });
    // Tue 2026-02-24: Feb 15-23 Spring Festival days off, Sat Feb 14 make-up (no trading) -> Fri Feb 13.
    expect((await lookups.market('rebar', localDate('2026-02-24')))!.basePriceFenPerTonne).toBe(305_000);
    // Tue 2026-03-03 looks back to Mon Mar 2, for which no price is published yet: no base price.
    expect(await lookups.market('rebar', localDate('2026-03-03'))).toMatchObject({ basePriceFenPerTonne: null, priorSettlementFenPerTonne: {} });
    expect(await lookups.market('copper', localDate('2026-03-02'))).toBeNull();
  });

  it('gives the trader from its stream right after the exchange decides', async () => {
    const card = await trading.openCard(hengda, '恒达钢铁贸易有限公司');
    expect(await lookups.trader('party-hengda')).toBeNull();
    await trading.approvedTrader(hengda, card, '恒达钢铁贸易有限公司', ['rebar']);
    expect(await lookups.trader('party-hengda')).toEqual({ partyId: 'party-hengda', accountNumber: card, status: 'approved', commodities: ['rebar'] });
    await app.signed(EXCHANGE, 'POST', '/integration/exchange/traders/party-hengda/suspend', { reason: 'risk review' });
    expect((await lookups.trader('party-hengda'))!.status).toBe('suspended');
  });

  it('rebuilds the traders, markets and reference prices read models from the log, equal row for row to the live ones', async () => {
    const tables = ['traders', 'markets', 'reference_prices'];
    await app.readModelsCaughtUp();
    const counts = await app.copyLiveTables(tables);
    // traders: hengda; markets: rebar; reference prices: rb2605 and rb2610 on Feb 27, rb2605 on Feb 28 and Feb 13.
    expect(counts).toEqual([1, 1, 4]);
    await runEntryPoint(MAIN, ['rebuild', ...tables], app.commandEnv());
    for (const [i, table] of tables.entries()) {
      expect(await app.diffFromLiveCopy(table)).toEqual({
        table,
        onlyInA: 0,
        onlyInB: 0,
        countA: counts[i],
        countB: counts[i],
      });
    }
    await waitFor(async () => ((await app.as(hengda, 'GET', '/trading/markets/rebar')).status === 200 ? true : undefined), {
      describe: 'markets readable after rebuild',
    });
  });
});
