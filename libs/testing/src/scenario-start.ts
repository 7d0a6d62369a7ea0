import { addCalendarDays, type BusinessCalendar, type LocalDate } from '@dw/kernel';

/**
 * The first day of a scenario that walks the environment's business clock over several days, all
 * of which must lie in the business calendar's data (holidays and make-up days are published a
 * year at a time): the first day after `today` that `fits`, or, when the data ends too soon after
 * today for any (its last weeks), the latest earlier day that fits; the environment's clock then
 * starts shifted back to it (FileShiftedClock takes a negative first shift). `fits` checks that
 * every day it needs is covered (`calendar.covers`) before asking anything else of the calendar.
 * Throws, naming the data's span, when no day fits at all, rather than searching without end.
 */
export function scenarioStartDay(today: LocalDate, calendar: BusinessCalendar, fits: (day: LocalDate) => boolean): LocalDate {
  for (let day = addCalendarDays(today, 1); calendar.covers(day); day = addCalendarDays(day, 1)) if (fits(day)) return day;
  const latest = today <= calendar.lastDate ? addCalendarDays(today, -1) : calendar.lastDate;
  for (let day = latest; calendar.covers(day); day = addCalendarDays(day, -1)) if (fits(day)) return day;
  throw new Error(`no day in the business calendar's data (${calendar.firstDate}..${calendar.lastDate}) fits the scenario`);
}

/** Whether `day` is a Monday (dates are calendar days, read at UTC midnight). */
export function isMonday(day: LocalDate): boolean {
  return new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
}
