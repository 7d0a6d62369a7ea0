import { Injectable } from '@nestjs/common';
import type { HealthIndicator, HealthWarning } from '../health/health-indicator';
import { BusinessCalendars } from './business-calendars';

/**
 * Readiness carries a warning from CALENDAR_WARNING_DAYS before the calendar's last day, and
 * after it. It never reports the service down for it: most requests need no date past the
 * calendar, and those that do are refused one by one (CALENDAR_OUT_OF_RANGE), never guessed.
 */
@Injectable()
export class CalendarCoverageHealthIndicator implements HealthIndicator {
  readonly name = 'calendar';

  constructor(private readonly calendars: BusinessCalendars) {}

  async check(): Promise<void | HealthWarning> {
    const { warning } = this.calendars.coverage();
    if (warning) return { warning };
  }
}
