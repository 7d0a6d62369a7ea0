import type { DomainEvent } from '@dw/kernel';
import type { Actor } from '../../../common/domain/actor';
import type { TradingSession } from '../../common/trading-lookups';
import type { MarketSettings } from './market';

interface Stamp {
  readonly commodity: string;
  readonly actor: Actor;
  readonly at: string;
}

/** The exchange set the commodity's market (the first time, or any change): every setting as it now stands. */
export type MarketSettingsChanged = DomainEvent<'MarketSettingsChanged', Stamp & MarketSettings>;
/** Abnormal situation (第六十七条): the exchange changed the opening and closing times. */
export type MarketSessionsChanged = DomainEvent<'MarketSessionsChanged', Stamp & { readonly sessions: readonly TradingSession[]; readonly reason: string }>;
/** The exchange changed the band's maximum rise and fall (第五十九条, 第六十七条). */
export type MarketPriceBandChanged = DomainEvent<
  'MarketPriceBandChanged',
  Stamp & { readonly maxUpBasisPoints: number; readonly maxDownBasisPoints: number; readonly reason: string }
>;
/** Abnormal situation (第六十六条, 第六十七条): the exchange suspended trading in the commodity. */
export type MarketTradingSuspended = DomainEvent<'MarketTradingSuspended', Stamp & { readonly reason: string }>;
export type MarketTradingResumed = DomainEvent<'MarketTradingResumed', Stamp & { readonly reason: string }>;

export type MarketEvent = MarketSettingsChanged | MarketSessionsChanged | MarketPriceBandChanged | MarketTradingSuspended | MarketTradingResumed;
