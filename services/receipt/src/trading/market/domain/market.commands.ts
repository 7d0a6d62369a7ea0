import type { Command } from '@dw/kernel';
import type { Actor } from '../../../common/domain/actor';
import type { TradingSession } from '../../common/trading-lookups';
import type { MarketSettings } from './market';

interface Stamp {
  readonly commodity: string;
  readonly actor: Actor;
  readonly at: string;
}

export type SetMarketSettings = Command<'SetMarketSettings', Stamp & MarketSettings>;
export type ChangeMarketSessions = Command<'ChangeMarketSessions', Stamp & { readonly sessions: readonly TradingSession[]; readonly reason: string }>;
export type ChangeMarketPriceBand = Command<
  'ChangeMarketPriceBand',
  Stamp & { readonly maxUpBasisPoints: number; readonly maxDownBasisPoints: number; readonly reason: string }
>;
export type SuspendMarketTrading = Command<'SuspendMarketTrading', Stamp & { readonly reason: string }>;
export type ResumeMarketTrading = Command<'ResumeMarketTrading', Stamp & { readonly reason: string }>;

export type MarketCommand = SetMarketSettings | ChangeMarketSessions | ChangeMarketPriceBand | SuspendMarketTrading | ResumeMarketTrading;
