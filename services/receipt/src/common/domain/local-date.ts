import { refuse } from '@dw/kernel';

/**
 * Civil dates of Asia/Shanghai as 'YYYY-MM-DD' strings (DOMAIN.md: business dates are Shanghai
 * dates). Plain calendar arithmetic only: validity periods count calendar days and months, so
 * they must not depend on the holiday calendar's coverage (a receipt issued in late 2026 expires
 * in 2027, beyond the calendar data).
 *
 * Names match the kernel's calendar/time API being written in @dw/kernel (LocalDate,
 * addCalendarDays, shanghaiDateOf); switch the imports when it is exported.
 */
export type LocalDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;
// China has kept UTC+8 all year since 1991 (no daylight saving), so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function parts(date: string): [number, number, number] | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

// setUTCFullYear keeps years 0–99 literal, which Date.UTC would shift into the 1900s.
function utcMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function epochDay(date: LocalDate): number {
  const [year, month, day] = parts(date) ?? invalidDate(date, 'date');
  return Math.round(utcMs(year, month, day) / DAY_MS);
}

function fromEpochDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function invalidDate(value: unknown, field: string): never {
  throw refuse.invalid('INVALID_DATE', `${field} must be a calendar date YYYY-MM-DD`, field, { value });
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parts(value) !== null;
}

export function assertLocalDate(value: unknown, field: string): LocalDate {
  if (!isLocalDate(value)) invalidDate(value, field);
  return value;
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return epochDay(to) - epochDay(from);
}

/**
 * The same day of the month `months` later; when the target month is shorter, its last day
 * (2026-03-31 + 6 months = 2026-09-30, 2025-08-31 + 6 months = 2026-02-28). This is the usual
 * civil reading of "six months from" and never lands in the month after the target.
 */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const [year, month, day] = parts(date) ?? invalidDate(date, 'date');
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return fromEpochDay(Math.round(utcMs(targetYear, targetMonth, targetDay) / DAY_MS));
}

/** The Shanghai civil date of a UTC instant (2026-03-01T16:30:00Z is 2026-03-02 in Shanghai). */
export function shanghaiDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Command times are ISO-8601 instants with an explicit offset, set by the handler from its Clock. */
export function assertInstant(value: unknown, field: string): Date {
  const parsed = typeof value === 'string' && INSTANT_PATTERN.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw refuse.invalid('INVALID_INSTANT', `${field} must be an ISO-8601 instant with a time zone`, field, { value });
  }
  return parsed;
}

/** The Shanghai business date on which a command given at `at` happens. */
export function businessDateOf(at: string): LocalDate {
  return shanghaiDateOf(assertInstant(at, 'at'));
}

export function earliestDate(dates: readonly LocalDate[]): LocalDate {
  return [...dates].sort()[0]!;
}

export function latestDate(dates: readonly LocalDate[]): LocalDate {
  return [...dates].sort().at(-1)!;
}
