import { refusalOf } from '@dw/testing';
import { priceBandOf, proceedsFenOf, quoteOf, requireMarketOpen, requireTraderPermitted } from './market-rules';
import { at, buyerTrader, rebarMarket, today } from './trading.fixtures.spec-helper';

describe('trading market rules: band, tick, basis price, proceeds, sessions', () => {
  it('works the band out from the base price: lower bound rounded up, upper bound rounded down to the fen', () => {
    // 351 200 × (1 − 5%) = 351 200 × 0.95 = 333 640 exactly; 351 200 × 1.05 = 368 760 exactly.
    expect(priceBandOf(rebarMarket)).toEqual({ lowerFenPerTonne: 333_640, upperFenPerTonne: 368_760 });
    // 351 233 × 0.93 = 326 646.69 → the band starts inside it at 326 647 (rounded up);
    // 351 233 × 1.07 = 375 819.31 → the band ends at 375 819 (rounded down).
    const odd = { ...rebarMarket, basePriceFenPerTonne: 351_233, maxUpBasisPoints: 700, maxDownBasisPoints: 700, tickFenPerTonne: 1 };
    expect(priceBandOf(odd)).toEqual({ lowerFenPerTonne: 326_647, upperFenPerTonne: 375_819 });
    expect(quoteOf({ kind: 'full', priceFenPerTonne: 326_647 }, odd).priceFenPerTonne).toBe(326_647);
    expect(refusalOf(() => quoteOf({ kind: 'full', priceFenPerTonne: 326_646 }, odd)).code).toBe('TRADE_PRICE_OUTSIDE_BAND');
    expect(quoteOf({ kind: 'full', priceFenPerTonne: 375_819 }, odd).priceFenPerTonne).toBe(375_819);
    expect(refusalOf(() => quoteOf({ kind: 'full', priceFenPerTonne: 375_820 }, odd)).code).toBe('TRADE_PRICE_OUTSIDE_BAND');
  });

  it('accepts a full price on the tick at the band’s bounds and refuses one off the tick or outside', () => {
    expect(quoteOf({ kind: 'full', priceFenPerTonne: 333_700 }, rebarMarket)).toEqual({
      kind: 'full',
      contract: '',
      premiumFenPerTonne: 0,
      priceFenPerTonne: 333_700,
    });
    expect(quoteOf({ kind: 'full', priceFenPerTonne: 368_700 }, rebarMarket).priceFenPerTonne).toBe(368_700);
    // 351 250 is 3 512.50 yuan: not a whole yuan, the tick.
    const offTick = refusalOf(() => quoteOf({ kind: 'full', priceFenPerTonne: 351_250 }, rebarMarket));
    expect([offTick.code, offTick.field]).toEqual(['TRADE_PRICE_OFF_TICK', 'quote.priceFenPerTonne']);
    // 333 600 < 333 640 and 368 800 > 368 760.
    expect(refusalOf(() => quoteOf({ kind: 'full', priceFenPerTonne: 333_600 }, rebarMarket)).details).toMatchObject({
      lowerFenPerTonne: 333_640,
      upperFenPerTonne: 368_760,
    });
    expect(refusalOf(() => quoteOf({ kind: 'full', priceFenPerTonne: 368_800 }, rebarMarket)).code).toBe('TRADE_PRICE_OUTSIDE_BAND');
    expect(refusalOf(() => quoteOf({ kind: 'full', priceFenPerTonne: 0 }, rebarMarket)).code).toBe('TRADE_PRICE_INVALID');
    expect(refusalOf(() => quoteOf({ kind: 'limit', priceFenPerTonne: 351_200 }, rebarMarket)).code).toBe('VALUE_NOT_ALLOWED');
  });

  it('prices a basis quote at the contract’s prior settlement plus the premium, judged against the band', () => {
    // rb2610 settled at 352 000; a discount of 15 yuan (−1 500 fen) → 350 500 fen/t, inside 333 640–368 760.
    expect(quoteOf({ kind: 'basis', contract: 'rb2610', premiumFenPerTonne: -1_500 }, rebarMarket)).toEqual({
      kind: 'basis',
      contract: 'rb2610',
      premiumFenPerTonne: -1_500,
      priceFenPerTonne: 350_500,
    });
    // + 200 yuan → 372 000 > 368 760.
    const outside = refusalOf(() => quoteOf({ kind: 'basis', contract: 'rb2610', premiumFenPerTonne: 20_000 }, rebarMarket));
    expect([outside.code, outside.field, outside.details.priceFenPerTonne]).toEqual(['TRADE_PRICE_OUTSIDE_BAND', 'quote.premiumFenPerTonne', 372_000]);
    expect(refusalOf(() => quoteOf({ kind: 'basis', contract: 'rb2610', premiumFenPerTonne: -1_550 }, rebarMarket)).code).toBe('TRADE_PRICE_OFF_TICK');
    const unknown = refusalOf(() => quoteOf({ kind: 'basis', contract: 'rb2701', premiumFenPerTonne: 0 }, rebarMarket));
    expect([unknown.code, unknown.field]).toEqual(['TRADE_BASIS_CONTRACT_UNKNOWN', 'quote.contract']);
    expect(refusalOf(() => quoteOf({ kind: 'basis', contract: 'toString', premiumFenPerTonne: 0 }, rebarMarket)).code).toBe('TRADE_BASIS_CONTRACT_UNKNOWN');
    expect(refusalOf(() => quoteOf({ kind: 'basis', contract: 'rb2610', premiumFenPerTonne: 1.5 }, rebarMarket)).code).toBe('TRADE_PRICE_INVALID');
  });

  it('refuses every quote while no base price is published (TRADE_NO_BASE_PRICE)', () => {
    const unpublished = { ...rebarMarket, basePriceFenPerTonne: null };
    expect(refusalOf(() => quoteOf({ kind: 'full', priceFenPerTonne: 351_200 }, unpublished)).code).toBe('TRADE_NO_BASE_PRICE');
    expect(refusalOf(() => quoteOf({ kind: 'basis', contract: 'rb2610', premiumFenPerTonne: 0 }, unpublished)).code).toBe('TRADE_NO_BASE_PRICE');
  });

  it('rounds proceeds half up to the fen over the take’s weight', () => {
    // 351 200 fen/t × 600 000 kg = 351 200 × 600 t = 210 720 000 fen exactly.
    expect(proceedsFenOf(351_200, 600_000)).toBe(210_720_000);
    // 351 201 × 300.5 t = 105 360 300 + 175 600.5 = 105 535 900.5 → half up → 105 535 901.
    expect(proceedsFenOf(351_201, 300_500)).toBe(105_535_901);
    // 351 201 × 300.499 t = 105 535 900.5 − 351.201 = 105 535 549.299 → 105 535 549.
    expect(proceedsFenOf(351_201, 300_499)).toBe(105_535_549);
  });

  it('opens the market only on a trading day, for a tradable commodity not suspended, within a session', () => {
    expect(requireMarketOpen(rebarMarket, 'rebar', today, at)).toBe(rebarMarket);
    // 09:00 opens (inclusive), 11:30 closes (exclusive), 13:30 reopens; Shanghai is UTC+8.
    expect(requireMarketOpen(rebarMarket, 'rebar', today, '2026-04-01T01:00:00Z')).toBe(rebarMarket);
    expect(refusalOf(() => requireMarketOpen(rebarMarket, 'rebar', today, '2026-04-01T00:59:59Z')).code).toBe('TRADE_OUTSIDE_SESSION');
    expect(refusalOf(() => requireMarketOpen(rebarMarket, 'rebar', today, '2026-04-01T03:30:00Z')).code).toBe('TRADE_OUTSIDE_SESSION');
    expect(requireMarketOpen(rebarMarket, 'rebar', today, '2026-04-01T05:30:00Z')).toBe(rebarMarket);
    expect(refusalOf(() => requireMarketOpen(rebarMarket, 'rebar', today, '2026-04-01T07:00:00Z')).code).toBe('TRADE_OUTSIDE_SESSION');
    expect(refusalOf(() => requireMarketOpen(rebarMarket, 'rebar', { ...today, isTradingDay: false }, at)).code).toBe('TRADE_NOT_TRADING_DAY');
    expect(refusalOf(() => requireMarketOpen({ ...rebarMarket, suspended: true }, 'rebar', today, at)).code).toBe('TRADE_MARKET_SUSPENDED');
    expect(refusalOf(() => requireMarketOpen({ ...rebarMarket, tradable: false }, 'rebar', today, at)).code).toBe('TRADE_COMMODITY_NOT_TRADABLE');
    expect(refusalOf(() => requireMarketOpen(null, 'copper', today, at)).code).toBe('TRADE_COMMODITY_NOT_TRADABLE');
  });

  it('lets only an approved trader permitted the commodity trade', () => {
    expect(requireTraderPermitted(buyerTrader, 'rebar')).toBe(buyerTrader);
    expect(refusalOf(() => requireTraderPermitted(null, 'rebar')).code).toBe('TRADE_NOT_A_TRADER');
    expect(refusalOf(() => requireTraderPermitted({ ...buyerTrader, status: 'applied' }, 'rebar')).code).toBe('TRADE_NOT_A_TRADER');
    expect(refusalOf(() => requireTraderPermitted({ ...buyerTrader, status: 'closed' }, 'rebar')).code).toBe('TRADE_NOT_A_TRADER');
    expect(refusalOf(() => requireTraderPermitted({ ...buyerTrader, status: 'suspended' }, 'rebar')).code).toBe('TRADE_TRADER_SUSPENDED');
    expect(refusalOf(() => requireTraderPermitted(buyerTrader, 'wire')).code).toBe('TRADE_COMMODITY_NOT_PERMITTED');
  });
});
