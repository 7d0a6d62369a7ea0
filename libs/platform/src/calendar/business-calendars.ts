import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventStore, handleCommand, loadAggregate, type EventMetadata } from '@dw/event-store';
import {
  BusinessCalendar,
  calendarPublicationDecider,
  cnMainlandCalendar,
  cnMainlandCalendarData,
  epochDayOf,
  publishedCalendar,
  shanghaiDateOf,
  type CalendarPublicationState,
  type Clock,
  type HolidayData,
  type PublishedYear,
} from '@dw/kernel';
import { platformMetrics } from '@dw/observability';
import { BaseServiceConfig } from '../config/base-service.config';
import { CLOCK } from '../time/clock.token';

export const CALENDAR_NAME = cnMainlandCalendarData.calendar;
export const CALENDAR_STREAM = `business-calendar-${CALENDAR_NAME}`;
const STREAM_TYPE = 'business-calendar';
const BUNDLED = { subject: 'bundled-calendar-data', role: 'ops' };

export interface CalendarCoverage {
  calendar: string;
  firstDate: string;
  lastDate: string;
  /** Days from today (Shanghai) to lastDate; negative once the calendar has run out. */
  daysLeft: number;
  warningDays: number;
  /** Set from warningDays before lastDate on (daysLeft <= warningDays): what ops must do. */
  warning?: string;
}

export interface CalendarNotice {
  year: number;
  source: string;
  holidays: HolidayData[];
}

/**
 * The service's business calendar, read from its own log (stream `business-calendar-cn-mainland`)
 * so that a year the exchange or ops publish at run time is used without a restart, by every
 * replica within CALENDAR_REFRESH_MS and at once by the one that took the publication.
 *
 * On first start the bundled years (2025, 2026) are published into the log; after that the log
 * is the only source, and the bundled data is never consulted again for a year the log has.
 */
@Injectable()
export class BusinessCalendars implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BusinessCalendar');
  private state: CalendarPublicationState | null = null;
  private calendar: BusinessCalendar = cnMainlandCalendar;
  private timer: NodeJS.Timeout | null = null;
  private lastAlarmedDaysLeft: number | null = null;

  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BaseServiceConfig) private readonly config: BaseServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.seedBundledYears();
      await this.refresh();
    } catch (error) {
      // Until the log answers, the bundled years (facts, a subset of the log's) serve.
      this.logger.error(`business calendar not loaded from the log yet: ${String(error)}`);
    }
    this.timer = setInterval(
      () => void this.refresh().catch((error: unknown) => this.logger.error(`calendar refresh failed: ${String(error)}`)),
      this.config.CALENDAR_REFRESH_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The calendar as last read from the log. Asking it beyond its last year is refused (CALENDAR_OUT_OF_RANGE). */
  current(): BusinessCalendar {
    return this.calendar;
  }

  /** The published years, with who published each and when. */
  years(): PublishedYear[] {
    return this.state?.years ?? [];
  }

  coverage(): CalendarCoverage {
    const today = shanghaiDateOf(this.clock.now());
    const daysLeft = epochDayOf(this.calendar.lastDate) - epochDayOf(today);
    const warningDays = this.config.CALENDAR_WARNING_DAYS;
    return {
      calendar: this.calendar.name,
      firstDate: this.calendar.firstDate,
      lastDate: this.calendar.lastDate,
      daysLeft,
      warningDays,
      ...(daysLeft <= warningDays ? { warning: warningOf(this.calendar.lastDate, daysLeft) } : {}),
    };
  }

  /** Publishes (or corrects) one year; answers the year's revision and the calendar's new last day. */
  async publish(notice: CalendarNotice, metadata: EventMetadata): Promise<{ year: number; revision: number; changed: boolean; lastDate: string }> {
    const handled = await handleCommand(this.store, {
      streamId: CALENDAR_STREAM,
      streamType: STREAM_TYPE,
      decider: calendarPublicationDecider,
      command: {
        type: 'PublishCalendarYear',
        data: {
          calendar: CALENDAR_NAME,
          timeZone: cnMainlandCalendarData.timeZone,
          ...notice,
          today: shanghaiDateOf(this.clock.now()),
          publishedBy: metadata.actor,
          publishedAt: this.clock.now().toISOString(),
        },
      },
      metadata,
      retriesOnConflict: 3,
    });
    this.use(handled.state);
    const year = handled.state.years.find((y) => y.year === notice.year)!;
    return { year: notice.year, revision: year.revision, changed: handled.appended !== null, lastDate: this.calendar.lastDate };
  }

  /** Rereads the stream; cheap (a few events), and the way replicas learn of a publication. */
  async refresh(): Promise<void> {
    this.use(await this.loadState());
  }

  private async loadState(): Promise<CalendarPublicationState> {
    return (await this.store.transaction((tx) => loadAggregate(tx, CALENDAR_STREAM, calendarPublicationDecider))).state;
  }

  private use(state: CalendarPublicationState): void {
    const calendar = publishedCalendar(state);
    if (calendar === null) return;
    this.state = state;
    this.calendar = calendar;
    const coverage = this.coverage();
    platformMetrics.calendarCoverage.set({ calendar: coverage.calendar }, coverage.daysLeft);
    // Once a day (when the count changes), not on every refresh.
    if (coverage.warning && coverage.daysLeft !== this.lastAlarmedDaysLeft) {
      this.lastAlarmedDaysLeft = coverage.daysLeft;
      this.logger.warn(JSON.stringify({ alarm: 'CALENDAR_COVERAGE_LOW', ...coverage }));
    }
  }

  /** The bundled years the log lacks (only on a fresh log: a year once in the log is the log's). */
  private async seedBundledYears(): Promise<void> {
    const have = new Set((await this.loadState()).years.map((y) => y.year));
    for (const year of cnMainlandCalendarData.years) {
      if (have.has(year.year)) continue;
      await this.publish({ year: year.year, source: year.source, holidays: year.holidays }, { actor: BUNDLED, correlationId: `calendar-seed-${year.year}` });
    }
  }
}

function warningOf(lastDate: string, daysLeft: number): string {
  if (daysLeft < 0) return `the business calendar ended on ${lastDate}: deadlines past it are refused until the next year's holidays are published`;
  return `the business calendar ends on ${lastDate}, ${daysLeft} day(s) from today: publish the next year's holidays`;
}
