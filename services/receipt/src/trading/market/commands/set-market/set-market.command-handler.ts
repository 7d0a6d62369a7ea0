import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import { commandContextOf, type Caller } from '../../../../common/http/caller';
import type { MarketSettings } from '../../domain/market';
import type { MarketCommand } from '../../domain/market.commands';
import { marketDecider } from '../../domain/market.decider';
import { marketStream } from '../../market.streams';
import type { TradingSession } from '../../../common/trading-lookups';
import type { MarketResponseDto } from '../../queries/markets/markets.response.dto';

export type MarketRequest =
  | ({ readonly type: 'SetMarketSettings' } & MarketSettings)
  | { readonly type: 'ChangeMarketSessions'; readonly sessions: readonly TradingSession[]; readonly reason: string }
  | { readonly type: 'ChangeMarketPriceBand'; readonly maxUpBasisPoints: number; readonly maxDownBasisPoints: number; readonly reason: string }
  | { readonly type: 'SuspendMarketTrading'; readonly reason: string }
  | { readonly type: 'ResumeMarketTrading'; readonly reason: string };

/** The exchange's decisions on a commodity's market (`market-<commodity>`), each an event with who and when. */
@Injectable()
export class SetMarketCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(commodity: string, request: MarketRequest, caller: Caller): Promise<MarketResponseDto> {
    const { actor, at, metadata } = commandContextOf(caller, ['exchange'], this.clock);
    const { type, ...fields } = request;
    const command = { type, data: { ...fields, commodity, actor, at } } as MarketCommand;
    const handled = await handleCommand(this.store, { ...marketStream(commodity), decider: marketDecider, command, metadata });
    const market = handled.state!;
    return { ...market, sessions: [...market.sessions], version: handled.version };
  }
}
