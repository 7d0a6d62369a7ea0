import { cnMainlandCalendar, localDate } from '@dw/kernel';
import type { Market } from './market';
import { marketViewOf, priceDayOf } from './market-view';

const market: Market = {
  commodity: 'rebar',
  tradable: true,
  tickFenPerTonne: 100,
  sessions: [{ opens: '09:00', closes: '11:30' }],
  referenceContract: 'rb2605',
  maxUpBasisPoints: 500,
  maxDownBasisPoints: 500,
  suspended: false,
  suspensionReason: null,
};

describe('the market a listing is judged against', () => {
  it('takes the prices of the trading day before: Monday looks back over the weekend to Friday, not to a make-up Saturday', () => {
    // Mon 2026-03-02: Sun Mar 1 is an ordinary Sunday, Sat Feb 28 is a make-up working day of the
    // Spring Festival (调休上班) but the exchange does not trade on it, so Fri Feb 27.
    expect(cnMainlandCalendar.isMakeUpWorkingDay('2026-02-28')).toBe(true);
    expect(cnMainlandCalendar.isTradingDay('2026-02-28')).toBe(false);
    expect(priceDayOf(cnMainlandCalendar, localDate('2026-03-02'))).toBe('2026-02-27');
    // An ordinary Tuesday looks back one day.
    expect(priceDayOf(cnMainlandCalendar, localDate('2026-03-03'))).toBe('2026-03-02');
  });

  it('looks back over a holiday: the first session after the Spring Festival uses the last one before it', () => {
    // Tue 2026-02-24: Feb 15-23 are the festival's days off, Sat Feb 14 a make-up day (no
    // trading), so the trading day before is Fri Feb 13.
    expect(priceDayOf(cnMainlandCalendar, localDate('2026-02-24'))).toBe('2026-02-13');
    // After National Day 2026 (Oct 1-7 off): Thu Oct 8 looks back to Wed Sep 30.
    expect(priceDayOf(cnMainlandCalendar, localDate('2026-10-08'))).toBe('2026-09-30');
  });

  it('the base price is the reference contract’s price; every contract’s price is there for basis quotes', () => {
    const view = marketViewOf(market, localDate('2026-03-02'), { rb2605: 318_000, rb2610: 321_000 });
    expect(view).toEqual({
      commodity: 'rebar',
      tradingDay: '2026-03-02',
      tradable: true,
      suspended: false,
      tickFenPerTonne: 100,
      sessions: [{ opens: '09:00', closes: '11:30' }],
      referenceContract: 'rb2605',
      basePriceFenPerTonne: 318_000,
      maxUpBasisPoints: 500,
      maxDownBasisPoints: 500,
      priorSettlementFenPerTonne: { rb2605: 318_000, rb2610: 321_000 },
    });
  });

  it('has no base price while the reference contract has no price that day', () => {
    expect(marketViewOf(market, localDate('2026-03-02'), { rb2610: 321_000 }).basePriceFenPerTonne).toBeNull();
  });
});
