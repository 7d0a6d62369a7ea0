import { Inject, Injectable } from '@nestjs/common';
import { Database, EventStore, loadAggregate } from '@dw/event-store';
import { type LocalDate, localDate } from '@dw/kernel';
import { BusinessCalendars } from '@dw/platform';
import { marketDecider } from '../market/domain/market.decider';
import { marketViewOf, priceDayOf } from '../market/domain/market-view';
import { marketStream } from '../market/market.streams';
import { traderDecider } from '../trader/domain/trader.decider';
import { traderStream } from '../trader/trader.stream';
import { type MarketView, type TraderView, TradingLookups } from './trading-lookups';

/**
 * TradingLookups over the receipt service's own log:
 * - the trader and the market are folded from their streams (`trader-<party>`, `market-<commodity>`)
 *   at the moment of the call, never from a read model, so a listing or take decided right after
 *   the exchange suspended a trader or a market sees the suspension;
 * - the prices come from the `reference_prices` read model, the platform's copy of
 *   billing.settlement-price.v1: a copy of another service's facts is as current as its
 *   consumer (normally milliseconds after billing publishes), and the prices that matter (the
 *   prior trading day's) were published a day before they are read.
 */
@Injectable()
export class EventStoreTradingLookups extends TradingLookups {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {
    super();
  }

  async trader(partyId: string): Promise<TraderView | null> {
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, traderStream(partyId).streamId, traderDecider));
    if (!state) return null;
    const { accountNumber, status, commodities } = state;
    return { partyId: state.partyId, accountNumber, status, commodities: [...commodities] };
  }

  async market(commodity: string, tradingDay: LocalDate): Promise<MarketView | null> {
    const day = localDate(tradingDay, 'tradingDay');
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, marketStream(commodity).streamId, marketDecider));
    if (!state) return null;
    const priceDay = priceDayOf(this.calendars.current(), day);
    const { rows } = await this.db.query<{ contract: string; fen_per_tonne: string }>(
      `SELECT contract, fen_per_tonne FROM reference_prices WHERE commodity = $1 AND trading_day = $2 ORDER BY contract`,
      [commodity, priceDay],
    );
    const prices = Object.fromEntries(rows.map((row) => [row.contract, Number(row.fen_per_tonne)]));
    return marketViewOf(state, day, prices);
  }
}
