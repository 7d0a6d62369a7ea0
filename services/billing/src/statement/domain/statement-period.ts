import { addCalendarDays, localDate, refuse, type LocalDate, type YearMonth } from '@dw/kernel';

/**
 * A statement's period is one calendar month in Asia/Shanghai, 'YYYY-MM': the month a
 * depositor's monthly settlement (the rate card's `monthly_statement`) runs by, and the dates
 * every fee and payment carries are Shanghai dates already.
 */
const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function yearMonth(text: string, field = 'period'): YearMonth {
  if (!PERIOD_PATTERN.test(text)) throw refuse.invalid('INVALID_PERIOD', `${JSON.stringify(text)} is not a month 'YYYY-MM'`, field, { period: text });
  return text as YearMonth;
}

export function periodOf(date: LocalDate): YearMonth {
  return date.slice(0, 7) as YearMonth;
}

export function firstDayOf(period: YearMonth): LocalDate {
  return localDate(`${period}-01`);
}

export function nextPeriod(period: YearMonth): YearMonth {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return (month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`) as YearMonth;
}

/** The month before: the last one ended when `period` is the current month. */
export function previousPeriod(period: YearMonth): YearMonth {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return (month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`) as YearMonth;
}

export function lastDayOf(period: YearMonth): LocalDate {
  return addCalendarDays(firstDayOf(nextPeriod(period)), -1);
}

/** The periods from `from` through `through`, in order (none when `from` is later). */
export function periodsFromThrough(from: YearMonth, through: YearMonth): YearMonth[] {
  const periods: YearMonth[] = [];
  for (let period = from; period <= through; period = nextPeriod(period)) periods.push(period);
  return periods;
}
