import type { BusinessCalendar, LocalDate } from '@dw/kernel';
import type { MarketView } from '../../common/trading-lookups';
import type { Market } from './market';

/**
 * The trading day whose settlement prices a market on `tradingDay` is judged against: the
 * trading day before it (第五十七条: 基准价是标的期货合约的前一日结算价), from the business
 * calendar. Weekends, holidays and the make-up weekend days (调休上班, working days on which the
 * exchange does not trade, 第五条) are skipped: for Monday 2026-03-02 it is Friday 2026-02-27,
 * not the make-up Saturday 2026-02-28.
 */
export function priceDayOf(calendar: BusinessCalendar, tradingDay: LocalDate): LocalDate {
  // rule TRADE-BASE-PRICE-PRIOR-DAY
  return calendar.previousTradingDay(tradingDay);
}

/**
 * A market on a trading day as the listing and take decisions read it: the exchange's settings,
 * and the base price = the reference contract's settlement price on the prior trading day (null
 * while none is known), with every contract's price of that day for basis quotes.
 */
export function marketViewOf(market: Market, tradingDay: LocalDate, priorDayPrices: Readonly<Record<string, number>>): MarketView {
  // rule TRADE-BASE-PRICE-PRIOR-DAY
  return {
    commodity: market.commodity,
    tradingDay,
    tradable: market.tradable,
    suspended: market.suspended,
    tickFenPerTonne: market.tickFenPerTonne,
    sessions: market.sessions,
    referenceContract: market.referenceContract,
    basePriceFenPerTonne: priorDayPrices[market.referenceContract] ?? null,
    maxUpBasisPoints: market.maxUpBasisPoints,
    maxDownBasisPoints: market.maxDownBasisPoints,
    priorSettlementFenPerTonne: { ...priorDayPrices },
  };
}
