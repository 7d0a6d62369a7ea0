import {
  type BusinessCalendar,
  type Command,
  type Decider,
  type DomainEvent,
  type LocalDate,
  localDate,
  refuse,
  requireInstant,
  requirePositiveInteger,
  requireText,
  unhandledCommand,
} from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';

/** The exchange's settlement price of a commodity on one trading day, for the contract it names as the nearest month listed. */
export interface SettlementPrice {
  readonly commodity: string;
  readonly tradingDay: LocalDate;
  /** The futures contract the exchange names as the nearest month listed that day (e.g. `rb2701`). */
  readonly contract: string;
  /** Whole fen per tonne (yuan/t × 100). */
  readonly fenPerTonne: number;
}

export type PublishSettlementPrice = Command<
  'PublishSettlementPrice',
  Omit<SettlementPrice, 'tradingDay'> & { readonly tradingDay: string; readonly actor: Actor; readonly calendar: BusinessCalendar; readonly at: string }
>;
export type SettlementPriceCommand = PublishSettlementPrice;

export type SettlementPricePublished = DomainEvent<'SettlementPricePublished', SettlementPrice & { readonly actor: Actor; readonly at: string }>;
export type SettlementPriceEvent = SettlementPricePublished;

/** One stream per commodity: every trading day's settlement price the exchange published, by day. */
export interface SettlementPricesState {
  readonly commodity: string | null;
  readonly byDay: Readonly<Record<string, SettlementPrice>>;
}

export const settlementPricesDecider: Decider<SettlementPriceCommand, SettlementPricesState, SettlementPriceEvent> = {
  initialState: () => ({ commodity: null, byDay: {} }),

  evolve(state, event) {
    const { commodity, tradingDay, contract, fenPerTonne } = event.data;
    return { commodity, byDay: { ...state.byDay, [tradingDay]: { commodity, tradingDay, contract, fenPerTonne } } };
  },

  decide(command, state) {
    switch (command.type) {
      case 'PublishSettlementPrice':
        return publishSettlementPrice(command, state);
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};

/**
 * The exchange publishes a trading day's settlement price of a commodity with the contract it
 * names as the nearest month listed: billing records what it is told, once per day. The same
 * price again changes nothing; another price or contract for a day already published is refused,
 * because over/short already settled at the first one would silently stop matching it.
 */
function publishSettlementPrice(command: PublishSettlementPrice, state: SettlementPricesState): SettlementPriceEvent[] {
  // rule BILL-SETTLEMENT-PRICE-ONCE
  const { actor, calendar } = command.data;
  requireRole(actor, ['exchange'], 'publish settlement prices');
  const commodity = requireText(command.data.commodity, 'commodity');
  const tradingDay = localDate(command.data.tradingDay, 'tradingDay');
  const contract = requireText(command.data.contract, 'contract');
  const fenPerTonne = requirePositiveInteger(command.data.fenPerTonne, 'fenPerTonne');
  const at = requireInstant(command.data.at, 'at');
  if (!calendar.isTradingDay(tradingDay)) {
    throw refuse.invalid('SETTLEMENT_PRICE_NOT_TRADING_DAY', `${tradingDay} is not a trading day: the exchange settles nothing on it`, 'tradingDay', {
      tradingDay,
    });
  }
  const published = state.byDay[tradingDay];
  if (published) {
    if (published.contract === contract && published.fenPerTonne === fenPerTonne) return [];
    throw refuse.conflict(
      'SETTLEMENT_PRICE_ALREADY_PUBLISHED',
      `${commodity} on ${tradingDay} was published as ${published.contract} at ${published.fenPerTonne} fen/t; a published day is never changed`,
      { commodity, tradingDay, contract: published.contract, fenPerTonne: published.fenPerTonne },
    );
  }
  return [{ type: 'SettlementPricePublished', data: { commodity, tradingDay, contract, fenPerTonne, actor, at } }];
}

/** The settlement price published for a trading day; null while the exchange has not published it. */
export function settlementPriceOn(state: SettlementPricesState, tradingDay: LocalDate): SettlementPrice | null {
  return state.byDay[tradingDay] ?? null;
}
