import { LocalDate, isBeforeShanghaiTimeOfDay, mulDivRound, refuse, requireInstant, requireOneOf, requireText } from '@dw/kernel';
import type { MarketView, TraderView } from '../../common/trading-lookups';

/** The calendar's answer for the Shanghai date a command happens on (BusinessCalendars, data). */
export interface TradingDate {
  readonly date: LocalDate;
  readonly isTradingDay: boolean;
}

/**
 * Only an approved trader trades, and only the commodities the exchange permits it
 * (标准仓单交易管理办法 第六条, 第十八条); a suspended trader neither lists nor takes (第六十四条).
 * A party that is no trader at all is told so, like one whose qualification is still pending.
 */
export function requireTraderPermitted(trader: TraderView | null, commodity: string): TraderView {
  // rule TRADE-TRADER-PERMITTED
  if (trader?.status === 'suspended') {
    throw refuse.forbidden('TRADE_TRADER_SUSPENDED', 'the exchange suspended this trader’s trading', { partyId: trader.partyId });
  }
  if (!trader || trader.status !== 'approved') {
    throw refuse.forbidden('TRADE_NOT_A_TRADER', 'only an approved receipt trader trades on the platform', { status: trader?.status ?? null });
  }
  if (!trader.commodities.includes(commodity)) {
    throw refuse.forbidden('TRADE_COMMODITY_NOT_PERMITTED', `this trader is not permitted to trade ${commodity}`, { commodity });
  }
  return trader;
}

/**
 * The market is open at `at` (标准仓单交易管理办法 第五条, 第六十七条): a trading day (Monday–Friday
 * but public holidays, from the calendar data), the commodity tradable on the platform and not
 * suspended by the exchange, and `at` within one of its sessions (opens inclusive, closes
 * exclusive, Shanghai wall clock).
 */
export function requireMarketOpen(market: MarketView | null, commodity: string, today: TradingDate, at: string): MarketView {
  // rule TRADE-MARKET-OPEN
  requireInstant(at, 'at');
  if (!market || !market.tradable) {
    throw refuse.conflict('TRADE_COMMODITY_NOT_TRADABLE', `${commodity} is not traded on the platform`, { commodity });
  }
  if (!today.isTradingDay) throw refuse.conflict('TRADE_NOT_TRADING_DAY', `${today.date} is not a trading day`, { date: today.date });
  if (market.suspended) throw refuse.conflict('TRADE_MARKET_SUSPENDED', `the exchange suspended trading in ${commodity}`, { commodity });
  const instant = new Date(at);
  const inSession = market.sessions.some((session) => !isBeforeShanghaiTimeOfDay(instant, session.opens) && isBeforeShanghaiTimeOfDay(instant, session.closes));
  if (!inSession) {
    throw refuse.conflict('TRADE_OUTSIDE_SESSION', `${commodity} trades only in its sessions`, {
      sessions: market.sessions.map((s) => `${s.opens}-${s.closes}`),
    });
  }
  return market;
}

/** The last close of the day's sessions: a listing still open then is closed (rule TRADE-LISTING-DAY). */
export function lastCloseOf(market: MarketView): string {
  return market.sessions.map((session) => session.closes).reduce((latest, closes) => (closes > latest ? closes : latest), '00:00');
}

export interface PriceBand {
  readonly lowerFenPerTonne: number;
  readonly upperFenPerTonne: number;
}

/**
 * The price band (标准仓单交易管理办法 第五十六条–第五十九条): [base × (1 − max down), base × (1 + max
 * up)], base = the reference contract's settlement price of the prior trading day. Prices are whole
 * fen per tonne and a bound that is not whole lets in only the prices inside it: the lower bound is
 * rounded up, the upper bound down. With no base price published the band is unknown and every
 * quote is refused (TRADE_NO_BASE_PRICE).
 */
export function priceBandOf(market: MarketView): PriceBand {
  // rule TRADE-QUOTE-BAND
  const base = market.basePriceFenPerTonne;
  if (base === null) {
    throw refuse.conflict(
      'TRADE_NO_BASE_PRICE',
      `no settlement price of ${market.referenceContract} was published for the trading day before ${market.tradingDay}`,
      {
        commodity: market.commodity,
        referenceContract: market.referenceContract,
      },
    );
  }
  return {
    lowerFenPerTonne: mulDivRound(base, 10_000 - market.maxDownBasisPoints, 10_000, 'up'),
    upperFenPerTonne: mulDivRound(base, 10_000 + market.maxUpBasisPoints, 10_000, 'down'),
  };
}

export const QUOTE_KINDS = ['full', 'basis'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

export interface QuoteRequest {
  readonly kind: string;
  readonly priceFenPerTonne?: number;
  readonly contract?: string;
  readonly premiumFenPerTonne?: number;
}

/** The seller's quote as listed: a basis quote stands for the contract's prior settlement + premium. */
export interface Quote {
  readonly kind: QuoteKind;
  readonly contract: string;
  readonly premiumFenPerTonne: number;
  readonly priceFenPerTonne: number;
}

/**
 * A quote (标准仓单交易管理办法 第二十一条): a full price, or a futures contract plus a premium
 * (negative: a discount) whose price is that contract's settlement price of the prior trading day
 * plus the premium. The full price or the premium is a multiple of the tick; the price is then
 * judged against the band (rule TRADE-QUOTE-BAND).
 */
export function quoteOf(request: QuoteRequest, market: MarketView): Quote {
  // rules TRADE-QUOTE-TICK, TRADE-BASIS-PRICE
  const kind = requireOneOf(request?.kind, QUOTE_KINDS, 'quote.kind');
  const band = priceBandOf(market);
  const quote = kind === 'full' ? fullQuote(request, market) : basisQuote(request, market);
  if (quote.priceFenPerTonne < band.lowerFenPerTonne || quote.priceFenPerTonne > band.upperFenPerTonne) {
    throw refuse.invalid(
      'TRADE_PRICE_OUTSIDE_BAND',
      `${quote.priceFenPerTonne} fen/t is outside the band ${band.lowerFenPerTonne}–${band.upperFenPerTonne} fen/t`,
      kind === 'full' ? 'quote.priceFenPerTonne' : 'quote.premiumFenPerTonne',
      { priceFenPerTonne: quote.priceFenPerTonne, ...band },
    );
  }
  return quote;
}

function fullQuote(request: QuoteRequest, market: MarketView): Quote {
  const price = request.priceFenPerTonne;
  if (typeof price !== 'number' || !Number.isSafeInteger(price) || price <= 0) {
    throw refuse.invalid('TRADE_PRICE_INVALID', 'a full price is a positive whole number of fen per tonne', 'quote.priceFenPerTonne', { value: price ?? null });
  }
  requireOnTick(price, market, 'quote.priceFenPerTonne');
  return { kind: 'full', contract: '', premiumFenPerTonne: 0, priceFenPerTonne: price };
}

function basisQuote(request: QuoteRequest, market: MarketView): Quote {
  // rule TRADE-BASIS-PRICE
  const contract = requireText(request.contract, 'quote.contract');
  const premium = request.premiumFenPerTonne;
  if (typeof premium !== 'number' || !Number.isSafeInteger(premium)) {
    throw refuse.invalid('TRADE_PRICE_INVALID', 'a premium is a whole number of fen per tonne (negative: a discount)', 'quote.premiumFenPerTonne', {
      value: premium ?? null,
    });
  }
  const settlement = Object.prototype.hasOwnProperty.call(market.priorSettlementFenPerTonne, contract)
    ? market.priorSettlementFenPerTonne[contract]
    : undefined;
  if (settlement === undefined) {
    throw refuse.invalid('TRADE_BASIS_CONTRACT_UNKNOWN', `${contract} has no settlement price of the prior trading day`, 'quote.contract', {
      contract,
      contracts: Object.keys(market.priorSettlementFenPerTonne).sort(),
    });
  }
  requireOnTick(premium, market, 'quote.premiumFenPerTonne');
  return { kind: 'basis', contract, premiumFenPerTonne: premium, priceFenPerTonne: settlement + premium };
}

function requireOnTick(value: number, market: MarketView, field: string): void {
  // rule TRADE-QUOTE-TICK
  if (value % market.tickFenPerTonne !== 0) {
    throw refuse.invalid('TRADE_PRICE_OFF_TICK', `${value} fen/t is not a multiple of the tick ${market.tickFenPerTonne} fen/t`, field, {
      value,
      tickFenPerTonne: market.tickFenPerTonne,
    });
  }
}

/** Proceeds of a take: price (fen/t) × weight (kg) / 1000, rounded half up to the fen, once over the take's whole weight. */
export function proceedsFenOf(priceFenPerTonne: number, weightKg: number): number {
  // rule TRADE-TAKE-PROCEEDS
  return mulDivRound(priceFenPerTonne, weightKg, 1000, 'half-up');
}
