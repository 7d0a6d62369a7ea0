import type { Command, Decider, DomainEvent } from '../decider/decider';
import { refuse } from '../errors/domain-error';
import { BusinessCalendar } from './business-calendar';
import { CalendarData, CalendarYearData, HolidayData, InvalidCalendarDataError } from './calendar-data';
import { LocalDate } from './local-date';

/**
 * The business calendar as data in the log: one stream per jurisdiction, one event per year's
 * State Council notice. The exchange (signed API) or ops publish a year at run time; every
 * deadline then reads the calendar the log holds, so no deploy is needed at the new year and
 * a rebuild sees what the live system saw.
 *
 * Rules of publication:
 * - years are contiguous: the first publication may be any year, then only a year already
 *   covered (a correction) or the year after the last (no gap a count could walk across);
 * - the year's notice must be sound: every day off and make-up day inside that year, none
 *   listed twice, make-up days on a weekend (the whole calendar is validated as one file is);
 * - a correction may not change any day before `today`: deadlines already counted over those
 *   days stand (the State Council has moved holidays at short notice, e.g. the 2020 extension
 *   of the Spring Festival, but never in the past);
 * - publishing the same notice again changes nothing (a retried publication is harmless).
 */
export interface CalendarYearPublished extends DomainEvent<'CalendarYearPublished'> {
  data: {
    calendar: string;
    timeZone: string;
    year: number;
    source: string;
    holidays: HolidayData[];
    /** 1 for a year's first publication, then one more for each correction. */
    revision: number;
    publishedBy: { subject: string; role: string };
    publishedAt: string;
  };
}

export type CalendarPublicationEvent = CalendarYearPublished;

export interface PublishCalendarYear extends Command<'PublishCalendarYear'> {
  /** The notice as it will be recorded (its revision is decided), and the Shanghai date of the publication: days before it may not change. */
  data: Omit<CalendarYearPublished['data'], 'revision'> & { today: LocalDate };
}

export type PublishedYear = Omit<CalendarYearPublished['data'], 'calendar' | 'timeZone'>;

export interface CalendarPublicationState {
  calendar: string | null;
  timeZone: string | null;
  /** By year, ascending. */
  years: PublishedYear[];
}

export const calendarPublicationDecider: Decider<PublishCalendarYear, CalendarPublicationState, CalendarPublicationEvent> = {
  initialState: () => ({ calendar: null, timeZone: null, years: [] }),
  evolve(state, event) {
    const { calendar, timeZone, year, source, holidays, revision, publishedBy, publishedAt } = event.data;
    const published: PublishedYear = { year, source, holidays, revision, publishedBy, publishedAt };
    const years = [...state.years.filter((y) => y.year !== year), published].sort((a, b) => a.year - b.year);
    return { calendar, timeZone, years };
  },
  decide(command, state) {
    switch (command.type) {
      case 'PublishCalendarYear':
        return publishYear(command, state);
    }
  },
};

function publishYear(command: PublishCalendarYear, state: CalendarPublicationState): CalendarPublicationEvent[] {
  // rule KRN-CALENDAR-PUBLICATION
  const { calendar, timeZone, year, source, holidays, today, publishedBy, publishedAt } = command.data;
  if (!Number.isInteger(year) || year < 1992 || year > 2200) {
    throw refuse.invalid('CALENDAR_YEAR_INVALID', `a calendar year must be a whole year from 1992 to 2200, got ${year}`, 'year', { value: year });
  }
  if (state.calendar !== null && state.calendar !== calendar) {
    throw refuse.invalid('CALENDAR_MISMATCH', `this stream holds the ${state.calendar} calendar, not ${calendar}`, 'calendar');
  }
  const first = state.years[0]?.year;
  const last = state.years[state.years.length - 1]?.year;
  if (first !== undefined && last !== undefined && (year < first - 1 || year > last + 1)) {
    throw refuse.invalid(
      'CALENDAR_YEAR_GAP',
      `the calendar covers ${first}..${last}; the next year to publish is ${last + 1} (or ${first - 1}), so that no count walks across an unpublished year`,
      'year',
      { firstYear: first, lastYear: last, year },
    );
  }
  holidays.forEach((holiday, h) =>
    (['daysOff', 'makeUpWorkingDays'] as const).forEach((list) =>
      holiday[list]?.forEach((day, d) => {
        if (typeof day === 'string' && !day.startsWith(`${year}-`)) {
          throw refuse.invalid(
            'CALENDAR_DATA_INVALID',
            `${day} is not in ${year}: a year's notice lists only days of that year`,
            `holidays[${h}].${list}[${d}]`,
          );
        }
      }),
    ),
  );
  const notice: CalendarYearData = { year, source, holidays };
  // Validates the year as part of the whole calendar, with the same rules as a data file.
  calendarOf(calendar, timeZone, [...state.years.filter((y) => y.year !== year), notice]);

  const previous = state.years.find((y) => y.year === year);
  if (previous !== undefined) {
    if (sameNotice(previous, notice)) return [];
    const changed = changedDays(previous.holidays, holidays).filter((day) => day < today);
    if (changed.length > 0) {
      throw refuse.conflict('CALENDAR_PAST_DAYS_CHANGED', `a correction may not change days before ${today}: ${changed.join(', ')}`, {
        days: changed,
        today,
      });
    }
  }
  return [
    {
      type: 'CalendarYearPublished',
      data: { calendar, timeZone, year, source, holidays, revision: (previous?.revision ?? 0) + 1, publishedBy, publishedAt },
    },
  ];
}

/**
 * The calendar of the published years (null before any is). A notice that does not validate is
 * refused as CALENDAR_DATA_INVALID, naming the path of the bad entry.
 */
export function calendarOf(calendar: string, timeZone: string, years: readonly CalendarYearData[]): BusinessCalendar {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const data: CalendarData = {
    calendar,
    timeZone,
    firstDate: `${sorted[0]!.year}-01-01`,
    lastDate: `${sorted[sorted.length - 1]!.year}-12-31`,
    source: 'published calendar years',
    years: sorted.map(({ year, source, holidays }) => ({ year, source, holidays })),
  };
  try {
    return new BusinessCalendar(data);
  } catch (error) {
    if (error instanceof InvalidCalendarDataError) {
      throw refuse.invalid('CALENDAR_DATA_INVALID', error.message, error.path.replace(/^\$\.years\[\d+\]\.?/, '') || 'holidays', { path: error.path });
    }
    throw error;
  }
}

/** The calendar a stream's state describes, or null before any year is published. */
export function publishedCalendar(state: CalendarPublicationState): BusinessCalendar | null {
  if (state.calendar === null || state.timeZone === null || state.years.length === 0) return null;
  return calendarOf(state.calendar, state.timeZone, state.years);
}

function sameNotice(previous: PublishedYear, notice: CalendarYearData): boolean {
  return previous.source === notice.source && JSON.stringify(previous.holidays) === JSON.stringify(notice.holidays);
}

/** Days whose kind (day off, make-up working day, ordinary) differs between two notices of one year. */
function changedDays(before: readonly HolidayData[], after: readonly HolidayData[]): LocalDate[] {
  const kinds = (holidays: readonly HolidayData[]) => {
    const kind = new Map<string, string>();
    for (const h of holidays) {
      for (const day of h.daysOff) kind.set(day, 'off');
      for (const day of h.makeUpWorkingDays) kind.set(day, 'make-up');
    }
    return kind;
  };
  const a = kinds(before);
  const b = kinds(after);
  const days = new Set([...a.keys(), ...b.keys()]);
  return [...days].filter((day) => a.get(day) !== b.get(day)).sort() as LocalDate[];
}
