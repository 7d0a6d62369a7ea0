import { LocalDate, epochDayOf, localDate, localDateOfEpochDay, refuse } from '@dw/kernel';

/**
 * The same day of the month `months` later; when the target month is shorter, its last day
 * (2026-03-31 + 6 months = 2026-09-30, 2025-08-31 + 6 months = 2026-02-28). This is the usual
 * civil reading of "six months from" (as in java.time plusMonths) and never spills into the
 * month after the target. Plain calendar arithmetic: validity needs no holiday data.
 */
export function addMonthsClamped(date: string, months: number): LocalDate {
  // rule RCPT-VALIDITY-FACTORY-6M
  if (!Number.isSafeInteger(months)) {
    throw refuse.invalid('INVALID_MONTH_COUNT', `a month count must be an integer, got ${months}`, 'months', { value: months });
  }
  const valid = localDate(date);
  const day = Number(valid.slice(8, 10));
  const monthIndex = Number(valid.slice(0, 4)) * 12 + Number(valid.slice(5, 7)) - 1 + months;
  const firstOfTarget = epochDayOf(firstOfMonth(monthIndex));
  const daysInTarget = epochDayOf(firstOfMonth(monthIndex + 1)) - firstOfTarget;
  return localDateOfEpochDay(firstOfTarget + Math.min(day, daysInTarget) - 1);
}

function firstOfMonth(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}
