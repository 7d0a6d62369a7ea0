import { Inject, Injectable } from '@nestjs/common';
import { type Clock, shanghaiDateOf } from '@dw/kernel';
import { BusinessCalendars, CLOCK } from '@dw/platform';
import { nowOf } from '../../../common/http/clock-instant';
import type { TradingDate } from '../domain/market-rules';

/** When a trading command happens: the instant from the injected clock, its Shanghai date and whether the calendar data makes it a trading day. */
@Injectable()
export class TradingClock {
  constructor(
    @Inject(CLOCK) readonly clock: Clock,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  now(): { at: string; today: TradingDate } {
    const at = nowOf(this.clock);
    const date = shanghaiDateOf(new Date(at));
    return { at, today: { date, isTradingDay: this.calendars.current().isTradingDay(date) } };
  }
}
