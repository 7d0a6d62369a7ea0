import { type BusinessCalendar, type LocalDate, refuse } from '@dw/kernel';
import { settlementPriceOn, type SettlementPrice, type SettlementPricesState } from '../../settlement-price/domain/settlement-prices.decider';
import { perTonneFee } from './per-tonne-fee';

/** The money of one load-out's over/short, settled with the goods' owner at the exchange's settlement price. */
export interface OverShortSettlement {
  readonly ownerPartyId: string;
  /** |net − book| in kg. */
  readonly weightKg: number;
  readonly price: SettlementPrice;
  /** Signed fen: positive, more goods went out than the book (the owner pays); negative, fewer (the warehouse credits the owner). */
  readonly fen: number;
}

/**
 * The over/short of a load-out (net − book kg, the warehouse's scale weight taken as final)
 * settled between the warehouse and the goods' owner at the settlement price of the nearest
 * month listed on the trading day before the load-out day: |kg| × fen/t / 1000, rounded half up
 * once (BILL-FEE-ROUNDING); an over is the owner's to pay, a short the warehouse's to credit
 * (《上海期货交易所指定钢材厂库交割办法（试行）》第十六条). Null when the weights agree.
 */
export function overShortSettlementOf(
  ownerPartyId: string,
  overShortKg: number,
  loadOutDay: LocalDate,
  prices: SettlementPricesState,
  calendar: BusinessCalendar,
): OverShortSettlement | null {
  // rule BILL-OVER-SHORT-SETTLEMENT-PRICE
  if (overShortKg === 0) return null;
  const tradingDay = calendar.previousTradingDay(loadOutDay);
  const price = settlementPriceOn(prices, tradingDay);
  if (!price) {
    throw refuse.conflict(
      'SETTLEMENT_PRICE_NOT_PUBLISHED',
      `no settlement price of ${prices.commodity ?? 'the commodity'} for ${tradingDay}, the trading day before the load-out on ${loadOutDay}`,
      { tradingDay, loadOutDay },
    );
  }
  const weightKg = Math.abs(overShortKg);
  const amount = perTonneFee(price.fenPerTonne, weightKg);
  return { ownerPartyId, weightKg, price, fen: overShortKg > 0 ? amount : -amount };
}
