import { Inject, Injectable } from '@nestjs/common';
import { Database, EventStore, handleCommandIn } from '@dw/event-store';
import { type Clock, localDate, refuse } from '@dw/kernel';
import { BusinessCalendars, CLOCK, callerContextOf, type Caller } from '@dw/platform';
import type { ActorRole } from '../../../common/domain/actor';
import { tradingAccountDecider } from '../../domain/trading-account.decider';
import { closeOf } from '../../domain/trading-money';
import { tradingStreams } from '../../trading-streams';
import type { TradingDaySettledResponseDto } from './settle-trading-day.response.dto';

/**
 * The settlement after a trading day's close (第三十三条, 第三十八条), run by the exchange: on each
 * trading account, in a transaction of its own, invoices more than 30 days late are forfeited and
 * the day's report issued with the day's collected fees deducted. Each step is once per account
 * and day, so a run repeated (or resumed after a failure) issues nothing twice.
 */
@Injectable()
export class SettleTradingDayCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  async execute(day: string, caller: Caller): Promise<TradingDaySettledResponseDto> {
    const { actor, at, metadata } = callerContextOf<ActorRole>(caller, this.clock, ['exchange']);
    const tradingDay = localDate(day, 'tradingDay');
    const calendar = this.calendars.current();
    if (!calendar.isTradingDay(tradingDay)) throw refuse.invalid('NOT_A_TRADING_DAY', `${tradingDay} is not a trading day`, 'tradingDay', { tradingDay });
    if (this.clock.now() < closeOf(tradingDay)) {
      throw refuse.conflict('TRADING_DAY_NOT_CLOSED', `${tradingDay} is settled after its close at 15:00 Asia/Shanghai`, { tradingDay });
    }
    // The accounts opened so far (the read model of the accounts; one opened later has no movement of the day).
    const { rows } = await this.db.query<{ party_id: string }>(`SELECT party_id FROM trading_accounts ORDER BY party_id`);
    let reports = 0;
    for (const { party_id: partyId } of rows) {
      const state = await this.store.transaction(async (tx) => {
        const stream = { ...tradingStreams.account(partyId), decider: tradingAccountDecider, metadata };
        await handleCommandIn(tx, { ...stream, command: { type: 'ForfeitInvoiceDeposits', data: { actor, calendar, at } } });
        return (await handleCommandIn(tx, { ...stream, command: { type: 'IssueSettlementReport', data: { tradingDay, calendar, at } } })).state;
      });
      if (state.reports[tradingDay]) reports += 1;
    }
    return { tradingDay, reports };
  }
}
