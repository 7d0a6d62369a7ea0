import { LocalDate, epochDayOf, localDate, localDateOfEpochDay } from '../calendar/local-date';
import { refuse } from '../errors/domain-error';

/**
 * Instants are stored in UTC; business dates and deadlines (EFP applications before 14:00,
 * positions closed before 15:00, "the trading day before load-out") are Asia/Shanghai.
 *
 * Why a fixed UTC+8 and not a time-zone database: all of China keeps Beijing time, UTC+8, and
 * has not observed daylight saving since it ended on 1991-09-15 (the IANA Asia/Shanghai zone
 * has had no transition since). A constant is exact for every instant from then on, costs
 * nothing, and cannot change with the host's ICU/tzdata version. Before 1992 the offset was +9
 * in some summers, so earlier instants and dates are refused instead of answered wrongly.
 */
export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60;
/** The first Shanghai date these functions answer for (the first whole year without DST). */
export const SHANGHAI_FIXED_OFFSET_SINCE = '1992-01-01';

/** A Shanghai calendar month, 'YYYY-MM' (statement and billing periods). */
export type YearMonth = string & { readonly __brand: 'YearMonth' };

const OFFSET_MS = SHANGHAI_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const MIN_EPOCH_DAY = epochDayOf(SHANGHAI_FIXED_OFFSET_SINCE);
const MAX_EPOCH_DAY = epochDayOf('9999-12-31');
const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The Shanghai civil date of a UTC instant: 2026-03-01T16:30:00Z is 2026-03-02 00:30 in Shanghai. */
export function shanghaiDateOf(instant: Date, field = 'instant'): LocalDate {
  // rule KRN-SHANGHAI-DATES
  return localDateOfEpochDay(shanghaiEpochDayOf(instant, field));
}

export function shanghaiMonthOf(instant: Date, field = 'instant'): YearMonth {
  return shanghaiDateOf(instant, field).slice(0, 7) as YearMonth;
}

/** The UTC instant at which the Shanghai wall clock reads `hhmm` ('HH:MM', 24-hour) on `date`. */
export function shanghaiInstant(date: string, hhmm: string): Date {
  const match = TIME_OF_DAY_PATTERN.exec(hhmm);
  if (!match) {
    throw refuse.invalid('INVALID_TIME_OF_DAY', `a time of day must be HH:MM between 00:00 and 23:59, got ${JSON.stringify(hhmm)}`, 'time', {
      value: hhmm,
    });
  }
  return new Date(startOfShanghaiDay(date).getTime() + (Number(match[1]) * 60 + Number(match[2])) * 60_000);
}

/** The first instant of the Shanghai day `date` (its 00:00, which is 16:00 UTC the day before). */
export function startOfShanghaiDay(date: string): Date {
  return new Date(supportedEpochDay(date) * DAY_MS - OFFSET_MS);
}

/**
 * The exclusive end of the Shanghai day `date`: the first instant of the next day, so an
 * instant `t` falls on `date` exactly when `startOfShanghaiDay(date) <= t < endOfShanghaiDay(date)`.
 * Half-open bounds leave no gap (23:59:59.999 + 1 ms) and no overlap between consecutive days.
 */
export function endOfShanghaiDay(date: string): Date {
  return new Date(startOfShanghaiDay(date).getTime() + DAY_MS);
}

/**
 * Whether `instant` is strictly before `hhmm` Shanghai time on `date`: an EFP application at
 * 13:59:59.999 is in time for "before 14:00", one at 14:00:00.000 is not.
 */
export function isBeforeShanghaiDeadline(instant: Date, date: string, hhmm: string): boolean {
  return validInstant(instant, 'instant').getTime() < shanghaiInstant(date, hhmm).getTime();
}

/** Whether the Shanghai wall clock at `instant` reads earlier than `hhmm` on that same Shanghai day. */
export function isBeforeShanghaiTimeOfDay(instant: Date, hhmm: string): boolean {
  return isBeforeShanghaiDeadline(instant, shanghaiDateOf(instant), hhmm);
}

function shanghaiEpochDayOf(instant: Date, field: string): number {
  const epochDay = Math.floor((validInstant(instant, field).getTime() + OFFSET_MS) / DAY_MS);
  if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
    throw refuse.invalid(
      'INVALID_INSTANT',
      `${field} ${instant.toISOString()} is outside the supported span (Shanghai ${SHANGHAI_FIXED_OFFSET_SINCE}..9999-12-31)`,
      field,
      {
        value: instant.toISOString(),
        reason: 'out_of_range',
      },
    );
  }
  return epochDay;
}

function validInstant(instant: Date, field: string): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw refuse.invalid('INVALID_INSTANT', `${field} must be a valid Date`, field, { value: String(instant), reason: 'not_a_date' });
  }
  return instant;
}

function supportedEpochDay(date: string): number {
  const valid = localDate(date);
  const epochDay = epochDayOf(valid);
  if (epochDay < MIN_EPOCH_DAY) {
    throw refuse.invalid('INVALID_DATE', `${valid} is before ${SHANGHAI_FIXED_OFFSET_SINCE}, when Shanghai last changed its UTC offset`, 'date', {
      value: valid,
      reason: 'before_fixed_offset',
    });
  }
  return epochDay;
}
