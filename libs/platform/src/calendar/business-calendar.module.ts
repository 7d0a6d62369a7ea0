import { Global, Module } from '@nestjs/common';
import { HEALTH_INDICATOR } from '../health/health-indicator';
import { BusinessCalendars } from './business-calendars';
import { CalendarCoverageHealthIndicator } from './calendar-coverage.health-indicator';
import { CalendarHttpController, ExchangeCalendarHttpController } from './calendar.http.controller';

/**
 * The business calendar of every event-sourced service (imported by EventSourcingModule): the
 * calendar stream in the service's log, its API, its readiness check. Global, so any module of
 * the service can ask `BusinessCalendars` for working and trading days.
 */
@Global()
@Module({
  controllers: [CalendarHttpController, ExchangeCalendarHttpController],
  providers: [BusinessCalendars, CalendarCoverageHealthIndicator, { provide: HEALTH_INDICATOR, useExisting: CalendarCoverageHealthIndicator }],
  exports: [BusinessCalendars],
})
export class BusinessCalendarModule {}
