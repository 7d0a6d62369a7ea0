import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { localDate, type Clock } from '@dw/kernel';
import { Roles } from '../auth/auth.decorators';
import { ROLES } from '../auth/role';
import { callerContextOf, CurrentCaller, type Caller } from '../http/caller';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IntegrationApi } from '../integration/integration-api.decorator';
import { CLOCK } from '../time/clock.token';
import { BusinessCalendars, CALENDAR_NAME } from './business-calendars';
import { CalendarDayResponseDto, CalendarResponseDto, PublishCalendarYearResponseDto } from './calendar.response.dto';
import { PublishCalendarYearRequestDto } from './publish-calendar-year.request.dto';

/** A path year that is not four digits reaches the decider as NaN and is refused there (CALENDAR_YEAR_INVALID). */
const yearOf = (year: string): number => (/^\d{4}$/.test(year) ? Number(year) : Number.NaN);

const PUBLISHED_YEAR = {
  type: PublishCalendarYearResponseDto,
  description: 'the year as now published: its revision, whether anything changed, and the calendar’s new last day',
};

/** Ops (people API) and the exchange (signed API) publish a year the same way, as themselves. */
function publishYear(
  calendars: BusinessCalendars,
  clock: Clock,
  year: string,
  body: PublishCalendarYearRequestDto,
  caller: Caller,
): Promise<PublishCalendarYearResponseDto> {
  return calendars.publish({ year: yearOf(year), ...body }, callerContextOf(caller, clock).metadata);
}

/** The business calendar every deadline of this service is counted on: read it, and (ops) publish a year. */
@Controller(`calendars/${CALENDAR_NAME}`)
export class CalendarHttpController {
  constructor(
    private readonly calendars: BusinessCalendars,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: CalendarResponseDto, description: 'the calendar’s coverage (with a warning when it runs out soon) and every published year' })
  read(): CalendarResponseDto {
    return { ...this.calendars.coverage(), years: this.calendars.years() };
  }

  /**
   * One day as the calendar sees it, with its neighbouring trading days. A day whose answer
   * needs a year not yet published (the trading day after 2026-12-31 before 2027 is) is refused
   * with 422 CALENDAR_OUT_OF_RANGE.
   */
  @Get('days/:date')
  @Roles(...ROLES)
  @ApiOkResponse({ type: CalendarDayResponseDto, description: 'what kind of day it is, and the trading days either side of it' })
  day(@Param('date') date: string): CalendarDayResponseDto {
    const calendar = this.calendars.current();
    const day = localDate(date, 'date');
    return {
      date: day,
      workingDay: calendar.isWorkingDay(day),
      tradingDay: calendar.isTradingDay(day),
      holiday: calendar.isHoliday(day),
      makeUpWorkingDay: calendar.isMakeUpWorkingDay(day),
      previousTradingDay: calendar.previousTradingDay(day),
      nextTradingDay: calendar.nextTradingDay(day),
    };
  }

  @Put('years/:year')
  @Roles('ops')
  @ApiOkResponse(PUBLISHED_YEAR)
  publish(@Param('year') year: string, @Body() body: PublishCalendarYearRequestDto, @CurrentCaller() caller: Caller): Promise<PublishCalendarYearResponseDto> {
    return publishYear(this.calendars, this.clock, year, body, caller);
  }
}

/** The exchange publishes each year's holidays through its signed integration API. */
@Controller(`integration/exchange/calendars/${CALENDAR_NAME}`)
@IntegrationApi()
@Roles('exchange')
export class ExchangeCalendarHttpController {
  constructor(
    private readonly calendars: BusinessCalendars,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put('years/:year')
  @Idempotent()
  @ApiOkResponse(PUBLISHED_YEAR)
  publish(@Param('year') year: string, @Body() body: PublishCalendarYearRequestDto, @CurrentCaller() caller: Caller): Promise<PublishCalendarYearResponseDto> {
    return publishYear(this.calendars, this.clock, year, body, caller);
  }
}
