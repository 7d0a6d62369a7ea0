import type { LocalDate } from '@dw/kernel';

/** A receipt trader (仓单交易商) as the listing and take decisions need it. */
export interface TraderView {
  readonly partyId: string;
  /** Its trading account number: its storage card number (标准仓单交易管理办法 第十条). */
  readonly accountNumber: string;
  readonly status: 'applied' | 'approved' | 'rejected' | 'suspended' | 'closed';
  /** The commodities the exchange permits it to trade. */
  readonly commodities: readonly string[];
}

/** One trading session of a commodity, Asia/Shanghai wall-clock times 'HH:MM', opens inclusive, closes exclusive. */
export interface TradingSession {
  readonly opens: string;
  readonly closes: string;
}

/**
 * A commodity's market on one trading day, as the exchange set it and as its prices stood the
 * trading day before: what a listing's quote and a take are judged against.
 */
export interface MarketView {
  readonly commodity: string;
  readonly tradingDay: LocalDate;
  /** The exchange lists this commodity on the platform (第四条, 第十九条(一)). */
  readonly tradable: boolean;
  /** The exchange suspended its trading (abnormal situation); listings and takes are refused. */
  readonly suspended: boolean;
  /** Price tick, fen per tonne: full prices and basis premiums are multiples of it (第二十一条). */
  readonly tickFenPerTonne: number;
  readonly sessions: readonly TradingSession[];
  /** The reference contract (标的期货合约, 第五十八条) and its settlement price on the prior trading day (第五十七条); null before one is published. */
  readonly referenceContract: string;
  readonly basePriceFenPerTonne: number | null;
  /** Maximum rise and fall of the band (第五十九条), basis points of the base price. */
  readonly maxUpBasisPoints: number;
  readonly maxDownBasisPoints: number;
  /** Settlement prices of the prior trading day by contract, for basis quotes. */
  readonly priorSettlementFenPerTonne: Readonly<Record<string, number>>;
}

/** What the trading platform's handlers read before they decide; implemented over the market and trader read models. */
export abstract class TradingLookups {
  abstract trader(partyId: string): Promise<TraderView | null>;
  abstract market(commodity: string, tradingDay: LocalDate): Promise<MarketView | null>;
}
