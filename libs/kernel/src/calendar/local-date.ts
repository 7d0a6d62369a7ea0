import { refuse } from '../errors/domain-error';

/**
 * A civil date 'YYYY-MM-DD' with no time and no zone. In this system every LocalDate is an
 * Asia/Shanghai business date (a pickup date, a trading day, a statement day).
 * The brand means "validated": only `localDate()` and the functions here produce one, so a
 * LocalDate in a signature is known to be a real date of the proleptic Gregorian calendar.
 * ISO strings of fixed width compare correctly as strings, so `<`, `>` and `===` are safe.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export type IsoDayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// The 4-digit format bounds the range above; below, year 0000 is refused although ISO 8601's
// proleptic calendar has it, because PostgreSQL's `date` does not (it counts 1 BC, then AD 1)
// and every LocalDate may reach a query. Arithmetic must stay inside years 0001-9999.
const MIN_EPOCH_DAY = epochDayFromCivil(1, 1, 1);
const MAX_EPOCH_DAY = epochDayFromCivil(9999, 12, 31);

/** Validates `text` as a real calendar date, or throws INVALID_DATE naming `field`. */
export function localDate(text: string, field = 'date'): LocalDate {
  const match = typeof text === 'string' ? LOCAL_DATE_PATTERN.exec(text) : null;
  if (!match) {
    throw refuse.invalid('INVALID_DATE', `${field} must be a date written YYYY-MM-DD, got ${JSON.stringify(text)}`, field, {
      value: text,
      reason: 'format',
    });
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year === 0) {
    throw refuse.invalid('INVALID_DATE', `${field} ${text} is before year 0001`, field, { value: text, reason: 'out_of_range' });
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw refuse.invalid('INVALID_DATE', `${field} ${text} is not a day of the calendar`, field, {
      value: text,
      reason: 'no_such_day',
    });
  }
  return text as LocalDate;
}

/** Days since 1970-01-01 (negative before it). */
export function epochDayOf(date: string): number {
  const valid = localDate(date);
  return epochDayFromCivil(Number(valid.slice(0, 4)), Number(valid.slice(5, 7)), Number(valid.slice(8, 10)));
}

/** The date `epochDay` days after 1970-01-01; refuses days outside years 0001–9999. */
export function localDateOfEpochDay(epochDay: number): LocalDate {
  if (!Number.isSafeInteger(epochDay) || epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
    throw refuse.invalid('INVALID_DATE', `day ${epochDay} after 1970-01-01 is outside years 0001-9999`, 'date', {
      value: epochDay,
      reason: 'out_of_range',
    });
  }
  const { year, month, day } = civilFromEpochDay(epochDay);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as LocalDate;
}

export function addCalendarDays(date: string, days: number): LocalDate {
  if (!Number.isSafeInteger(days)) {
    throw refuse.invalid('INVALID_DAY_COUNT', `a day count must be an integer, got ${days}`, 'days', { value: days });
  }
  return localDateOfEpochDay(epochDayOf(date) + days);
}

export function dayOfWeek(date: string): IsoDayOfWeek {
  // 1970-01-01 was a Thursday (ISO 4); `((x % 7) + 7) % 7` keeps the result positive before 1970.
  return (((((epochDayOf(date) + 3) % 7) + 7) % 7) + 1) as IsoDayOfWeek;
}

export function isWeekend(date: string): boolean {
  return dayOfWeek(date) >= 6;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// Integer civil-date arithmetic (H. Hinnant, "chrono-compatible low-level date algorithms"):
// exact for every date, with no dependency on the host's Date or time zone.
function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromEpochDay(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
