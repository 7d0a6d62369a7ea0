import { DomainError } from '../errors/domain-error';
import { LocalDate, isWeekend, localDate } from './local-date';

/** One announced holiday: every day off (weekend days included) and its make-up working days. */
export interface HolidayData {
  name: string;
  daysOff: string[];
  makeUpWorkingDays: string[];
}

/** One year's State Council notice. */
export interface CalendarYearData {
  year: number;
  source: string;
  holidays: HolidayData[];
}

/**
 * The shape of a `*.calendar.json` file. `firstDate..lastDate` is the span the data answers
 * for; every calendar year it touches must have its notice in `years`, so widening the span
 * without adding the year's holidays is rejected at load time rather than read as "no holidays".
 */
export interface CalendarData {
  calendar: string;
  timeZone: string;
  firstDate: string;
  lastDate: string;
  source: string;
  years: CalendarYearData[];
}

/** The validated content of a calendar file, ready for lookups. */
export interface ParsedCalendar {
  name: string;
  firstDate: LocalDate;
  lastDate: LocalDate;
  holidays: ReadonlySet<LocalDate>;
  makeUpWorkingDays: ReadonlySet<LocalDate>;
}

/** A broken calendar file is a deployment fault, not a caller's mistake, so it is not a DomainError. */
export class InvalidCalendarDataError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`invalid calendar data at ${path}: ${reason}`);
    this.name = 'InvalidCalendarDataError';
  }
}

export function parseCalendarData(raw: unknown): ParsedCalendar {
  const data = record(raw, '$');
  const name = text(data.calendar, '$.calendar');
  text(data.timeZone, '$.timeZone');
  text(data.source, '$.source');
  const firstDate = date(data.firstDate, '$.firstDate');
  const lastDate = date(data.lastDate, '$.lastDate');
  if (firstDate > lastDate) throw new InvalidCalendarDataError('$.lastDate', `${lastDate} is before firstDate ${firstDate}`);

  const firstYear = Number(firstDate.slice(0, 4));
  const lastYear = Number(lastDate.slice(0, 4));
  const holidays = new Set<LocalDate>();
  const makeUpWorkingDays = new Set<LocalDate>();
  const seenYears = new Set<number>();
  list(data.years, '$.years').forEach((rawYear, y) => {
    const yearPath = `$.years[${y}]`;
    const yearData = record(rawYear, yearPath);
    const year = yearData.year;
    if (typeof year !== 'number' || !Number.isInteger(year)) throw new InvalidCalendarDataError(`${yearPath}.year`, 'must be an integer');
    if (seenYears.has(year)) throw new InvalidCalendarDataError(`${yearPath}.year`, `${year} appears twice`);
    if (year < firstYear || year > lastYear) throw new InvalidCalendarDataError(`${yearPath}.year`, `${year} is outside ${firstDate}..${lastDate}`);
    seenYears.add(year);
    text(yearData.source, `${yearPath}.source`);
    list(yearData.holidays, `${yearPath}.holidays`).forEach((rawHoliday, h) => {
      const holidayPath = `${yearPath}.holidays[${h}]`;
      const holiday = record(rawHoliday, holidayPath);
      text(holiday.name, `${holidayPath}.name`);
      const listedDay = (value: unknown, path: string): LocalDate => {
        const day = date(value, path);
        if (day < firstDate || day > lastDate) throw new InvalidCalendarDataError(path, `${day} is outside ${firstDate}..${lastDate}`);
        if (holidays.has(day) || makeUpWorkingDays.has(day)) throw new InvalidCalendarDataError(path, `${day} is listed twice`);
        return day;
      };
      list(holiday.daysOff, `${holidayPath}.daysOff`).forEach((value, i) => {
        holidays.add(listedDay(value, `${holidayPath}.daysOff[${i}]`));
      });
      list(holiday.makeUpWorkingDays, `${holidayPath}.makeUpWorkingDays`).forEach((value, i) => {
        const path = `${holidayPath}.makeUpWorkingDays[${i}]`;
        const day = listedDay(value, path);
        // A weekday is a working day anyway; a make-up day on one means the data is wrong.
        if (!isWeekend(day)) throw new InvalidCalendarDataError(path, `${day} is not a Saturday or Sunday`);
        makeUpWorkingDays.add(day);
      });
    });
  });

  for (let year = firstYear; year <= lastYear; year++) {
    if (!seenYears.has(year)) {
      throw new InvalidCalendarDataError('$.years', `the span ${firstDate}..${lastDate} includes ${year} but no notice for ${year} is listed`);
    }
  }
  return { name, firstDate, lastDate, holidays, makeUpWorkingDays };
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidCalendarDataError(path, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new InvalidCalendarDataError(path, 'must be an array');
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidCalendarDataError(path, 'must be a non-empty string');
  return value;
}

function date(value: unknown, path: string): LocalDate {
  try {
    return localDate(text(value, path), path);
  } catch (error) {
    if (error instanceof DomainError) throw new InvalidCalendarDataError(path, error.message);
    throw error;
  }
}
