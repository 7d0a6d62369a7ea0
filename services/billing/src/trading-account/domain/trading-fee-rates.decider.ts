import {
  type BusinessCalendar,
  type Command,
  type Decider,
  type DomainEvent,
  type LocalDate,
  refuse,
  requireNonNegativeInteger,
  unhandledCommand,
} from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import { exchangeCommodityDayOf } from '../../common/domain/exchange-input';

/**
 * The trading fee of a commodity (第四十条: "具体标准由交易所另行规定"), as the exchange sets it:
 * whole fen per tonne, charged to each side of a take (buyer and seller alike), in force from a
 * trading day on. One stream per commodity; versions only forward.
 */
export interface TradingFeeRate {
  readonly commodity: string;
  readonly fenPerTonnePerSide: number;
  readonly effectiveFrom: LocalDate;
}

export type SetTradingFeeRate = Command<
  'SetTradingFeeRate',
  {
    readonly commodity: string;
    readonly fenPerTonnePerSide: number;
    readonly effectiveFrom: string;
    readonly actor: Actor;
    readonly calendar: BusinessCalendar;
    readonly at: string;
  }
>;
export type TradingFeeRateSet = DomainEvent<'TradingFeeRateSet', TradingFeeRate & { readonly actor: Actor; readonly at: string }>;

export interface TradingFeeRatesState {
  readonly versions: readonly TradingFeeRate[];
}

export const tradingFeeRatesDecider: Decider<SetTradingFeeRate, TradingFeeRatesState, TradingFeeRateSet> = {
  initialState: () => ({ versions: [] }),
  evolve(state, event) {
    const { commodity, fenPerTonnePerSide, effectiveFrom } = event.data;
    return { versions: [...state.versions, { commodity, fenPerTonnePerSide, effectiveFrom }] };
  },
  decide(command, state) {
    switch (command.type) {
      case 'SetTradingFeeRate':
        return setTradingFeeRate(command, state);
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};

/** The exchange sets a rate in force from a trading day after the latest version's; the same version again changes nothing. */
function setTradingFeeRate(command: SetTradingFeeRate, state: TradingFeeRatesState): TradingFeeRateSet[] {
  // rule TRADE-FEE-RATE-DATA
  const {
    commodity,
    day: effectiveFrom,
    at,
  } = exchangeCommodityDayOf(command.data, { field: 'effectiveFrom', value: command.data.effectiveFrom }, 'set trading fee rates', {
    code: 'NOT_A_TRADING_DAY',
    reason: (day) => `${day} is not a trading day`,
  });
  const fenPerTonnePerSide = requireNonNegativeInteger(command.data.fenPerTonnePerSide, 'fenPerTonnePerSide');
  const latest = state.versions.at(-1);
  if (latest && latest.effectiveFrom === effectiveFrom && latest.fenPerTonnePerSide === fenPerTonnePerSide) return [];
  if (latest && effectiveFrom <= latest.effectiveFrom) {
    throw refuse.conflict('TRADING_FEE_RATE_NOT_FORWARD', `a rate is in force from ${latest.effectiveFrom}; a new one starts after it`, {
      effectiveFrom: latest.effectiveFrom,
      fenPerTonnePerSide: latest.fenPerTonnePerSide,
    });
  }
  return [{ type: 'TradingFeeRateSet', data: { commodity, fenPerTonnePerSide, effectiveFrom, actor: command.data.actor, at } }];
}

/** The rate in force on a trading day: the latest version effective on or before it; null before the first. */
export function tradingFeeRateOn(state: TradingFeeRatesState, day: LocalDate): TradingFeeRate | null {
  return [...state.versions].reverse().find((version) => version.effectiveFrom <= day) ?? null;
}
