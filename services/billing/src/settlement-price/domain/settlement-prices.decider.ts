import {
  type BusinessCalendar,
  type Command,
  type Decider,
  type DomainEvent,
  type LocalDate,
  refuse,
  requirePositiveInteger,
  requireText,
  unhandledCommand,
} from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import { exchangeCommodityDayOf } from '../../common/domain/exchange-input';

/** The exchange's settlement price of a commodity on one trading day, for the contract it names as the nearest month listed. */
export interface SettlementPrice {
  readonly commodity: string;
  readonly tradingDay: LocalDate;
  /** The futures contract the exchange names as the nearest month listed that day (e.g. `rb2701`). */
  readonly contract: string;
  /** Whole fen per tonne (yuan/t × 100). */
  readonly fenPerTonne: number;
}

/** One contract's settlement price on a trading day, and whether the exchange named it the nearest month listed that day. */
export interface ContractSettlementPrice extends SettlementPrice {
  readonly nearestMonth: boolean;
}

export type PublishSettlementPrice = Command<
  'PublishSettlementPrice',
  Omit<SettlementPrice, 'tradingDay'> & {
    readonly tradingDay: string;
    /** Left out: true, as the exchange published only the nearest month before it published every contract. */
    readonly nearestMonth?: boolean;
    readonly actor: Actor;
    readonly calendar: BusinessCalendar;
    readonly at: string;
  }
>;
export type SettlementPriceCommand = PublishSettlementPrice;

/** `nearestMonth` absent (events recorded before every contract was published) means true. */
export type SettlementPricePublished = DomainEvent<
  'SettlementPricePublished',
  SettlementPrice & { readonly nearestMonth?: boolean; readonly actor: Actor; readonly at: string }
>;
export type SettlementPriceEvent = SettlementPricePublished;

/** One stream per commodity: every trading day's settlement prices the exchange published, by day. */
export interface SettlementPricesState {
  readonly commodity: string | null;
  /** The nearest month's price of each day (over/short is settled at it). */
  readonly byDay: Readonly<Record<string, SettlementPrice>>;
  /** Every contract's price of each day, by contract (the nearest month's among them). */
  readonly contractsByDay: Readonly<Record<string, Readonly<Record<string, ContractSettlementPrice>>>>;
}

export const settlementPricesDecider: Decider<SettlementPriceCommand, SettlementPricesState, SettlementPriceEvent> = {
  initialState: () => ({ commodity: null, byDay: {}, contractsByDay: {} }),

  evolve(state, event) {
    const { commodity, tradingDay, contract, fenPerTonne } = event.data;
    const nearestMonth = event.data.nearestMonth ?? true;
    const price = { commodity, tradingDay, contract, fenPerTonne };
    return {
      commodity,
      byDay: nearestMonth ? { ...state.byDay, [tradingDay]: price } : state.byDay,
      contractsByDay: { ...state.contractsByDay, [tradingDay]: { ...state.contractsByDay[tradingDay], [contract]: { ...price, nearestMonth } } },
    };
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
 * The exchange publishes each contract's settlement price of a trading day, one of them flagged
 * the nearest month listed: billing records what it is told, once per day and contract. The same
 * price again changes nothing; another price for a contract already published that day, or a
 * second nearest month for the day, is refused, because over/short and trades already settled at
 * the first one would silently stop matching it.
 */
function publishSettlementPrice(command: PublishSettlementPrice, state: SettlementPricesState): SettlementPriceEvent[] {
  // rule BILL-SETTLEMENT-PRICE-ONCE
  // rule BILL-SETTLEMENT-PRICE-CONTRACTS
  const {
    commodity,
    day: tradingDay,
    at,
  } = exchangeCommodityDayOf(command.data, { field: 'tradingDay', value: command.data.tradingDay }, 'publish settlement prices', {
    code: 'SETTLEMENT_PRICE_NOT_TRADING_DAY',
    reason: (day) => `${day} is not a trading day: the exchange settles nothing on it`,
  });
  const contract = requireText(command.data.contract, 'contract');
  const fenPerTonne = requirePositiveInteger(command.data.fenPerTonne, 'fenPerTonne');
  const nearestMonth = command.data.nearestMonth ?? true;
  const sameContract = state.contractsByDay[tradingDay]?.[contract];
  if (sameContract) {
    if (sameContract.fenPerTonne === fenPerTonne && sameContract.nearestMonth === nearestMonth) return [];
    throw alreadyPublished(commodity, tradingDay, sameContract);
  }
  const nearest = state.byDay[tradingDay];
  if (nearestMonth && nearest) throw alreadyPublished(commodity, tradingDay, nearest);
  return [{ type: 'SettlementPricePublished', data: { commodity, tradingDay, contract, fenPerTonne, nearestMonth, actor: command.data.actor, at } }];
}

function alreadyPublished(commodity: string, tradingDay: LocalDate, published: SettlementPrice) {
  return refuse.conflict(
    'SETTLEMENT_PRICE_ALREADY_PUBLISHED',
    `${commodity} on ${tradingDay} was published as ${published.contract} at ${published.fenPerTonne} fen/t; a published day is never changed`,
    { commodity, tradingDay, contract: published.contract, fenPerTonne: published.fenPerTonne },
  );
}

/** The settlement price published for a trading day; null while the exchange has not published it. */
export function settlementPriceOn(state: SettlementPricesState, tradingDay: LocalDate): SettlementPrice | null {
  return state.byDay[tradingDay] ?? null;
}

/** Every contract's settlement price of a trading day (the nearest month's flagged); empty while none is published. */
export function contractPricesOn(state: SettlementPricesState, tradingDay: LocalDate): ContractSettlementPrice[] {
  return Object.values(state.contractsByDay[tradingDay] ?? {}).sort((a, b) => a.contract.localeCompare(b.contract));
}
