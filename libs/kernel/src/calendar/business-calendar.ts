import { refuse } from '../errors/domain-error';
import { parseCalendarData } from './calendar-data';
import { CalendarRangeError } from './calendar-range.error';
import { IsoDayOfWeek, LocalDate, addCalendarDays, dayOfWeek, epochDayOf, isWeekend, localDate, localDateOfEpochDay } from './local-date';

/**
 * Working days and exchange trading days of one jurisdiction, answered from data only.
 *
 * - working day: Monday–Friday that is not a holiday, plus the make-up working days (调休上班);
 * - trading day: Monday–Friday that is not a holiday; the exchanges stay closed on make-up
 *   weekend days.
 *
 * Counting (`addWorkingDays`, `addTradingDays`):
 * - n > 0: the n-th counted day strictly after `date` (so +1 is the next one);
 * - n < 0: the |n|-th counted day strictly before `date`;
 * - n = 0: `date` itself, whatever kind of day it is (it is still range-checked).
 * `date` itself need not be a working or trading day. `*Between(a, b)` counts the days in
 * (a, b], and is negative, -count((b, a]), when b is before a.
 *
 * Every date asked about, and every date a count walks through, must lie inside the data's
 * span; otherwise a CalendarRangeError is thrown. Dates are validated (INVALID_DATE).
 */
export class BusinessCalendar {
  readonly name: string;
  readonly firstDate: LocalDate;
  readonly lastDate: LocalDate;
  private readonly holidays: ReadonlySet<LocalDate>;
  private readonly makeUpWorkingDays: ReadonlySet<LocalDate>;

  /** `data` has the shape of `CalendarData`; it is validated here and refused whole if wrong. */
  constructor(data: unknown) {
    const parsed = parseCalendarData(data);
    this.name = parsed.name;
    this.firstDate = parsed.firstDate;
    this.lastDate = parsed.lastDate;
    this.holidays = parsed.holidays;
    this.makeUpWorkingDays = parsed.makeUpWorkingDays;
  }

  /** Whether the data can answer for `date`. */
  covers(date: string): boolean {
    const valid = localDate(date);
    return valid >= this.firstDate && valid <= this.lastDate;
  }

  /** A day off announced by the State Council (weekend days inside a holiday included). */
  isHoliday(date: string): boolean {
    return this.holidays.has(this.inRange(date));
  }

  isMakeUpWorkingDay(date: string): boolean {
    return this.makeUpWorkingDays.has(this.inRange(date));
  }

  isWorkingDay(date: string): boolean {
    return this.working(this.inRange(date));
  }

  isTradingDay(date: string): boolean {
    return this.trading(this.inRange(date));
  }

  addWorkingDays(date: string, n: number): LocalDate {
    return this.walk(date, n, (d) => this.working(d));
  }

  addTradingDays(date: string, n: number): LocalDate {
    return this.walk(date, n, (d) => this.trading(d));
  }

  /** The first trading day strictly after `date`. */
  nextTradingDay(date: string): LocalDate {
    return this.addTradingDays(date, 1);
  }

  /** The last trading day strictly before `date` (e.g. "the trading day before load-out"). */
  previousTradingDay(date: string): LocalDate {
    return this.addTradingDays(date, -1);
  }

  workingDaysBetween(from: string, to: string): number {
    return this.countBetween(from, to, (d) => this.working(d));
  }

  tradingDaysBetween(from: string, to: string): number {
    return this.countBetween(from, to, (d) => this.trading(d));
  }

  /**
   * The last date on which something due "no later than n working days before `date`" is in
   * time: `addWorkingDays(date, -n)`, inclusive. The pickup date itself is not one of the n
   * days (003: 应在拟提货日倒数第七个工作日前提交提货申请): for a pickup on Friday 2026-03-20,
   * counting back Thu 19, Wed 18, Tue 17, Mon 16, Fri 13, Thu 12, Wed 11 gives 2026-03-11, so an
   * application dated 2026-03-11 (Shanghai) is in time and one dated 2026-03-12 is late.
   */
  latestDateBefore(date: string, nWorkingDays: number): LocalDate {
    if (!Number.isSafeInteger(nWorkingDays) || nWorkingDays < 0) {
      throw refuse.invalid('INVALID_DAY_COUNT', `a number of working days must be a whole number ≥ 0, got ${nWorkingDays}`, 'nWorkingDays', {
        value: nWorkingDays,
      });
    }
    return this.addWorkingDays(date, -nWorkingDays);
  }

  /** Plain calendar arithmetic: needs no holiday data, so it is not limited to the data's span. */
  addCalendarDays(date: string, n: number): LocalDate {
    return addCalendarDays(date, n);
  }

  dayOfWeek(date: string): IsoDayOfWeek {
    return dayOfWeek(date);
  }

  private working(date: LocalDate): boolean {
    // rule KRN-TRADING-DAYS
    if (this.makeUpWorkingDays.has(date)) return true;
    return !isWeekend(date) && !this.holidays.has(date);
  }

  private trading(date: LocalDate): boolean {
    // rule KRN-TRADING-DAYS
    return !isWeekend(date) && !this.holidays.has(date);
  }

  private inRange(date: string, field = 'date'): LocalDate {
    // rule KRN-CALENDAR-NO-GUESS
    const valid = localDate(date, field);
    if (valid < this.firstDate || valid > this.lastDate) throw new CalendarRangeError(valid, this.firstDate, this.lastDate, field);
    return valid;
  }

  private walk(date: string, n: number, counts: (date: LocalDate) => boolean): LocalDate {
    const start = this.inRange(date);
    if (!Number.isSafeInteger(n)) {
      throw refuse.invalid('INVALID_DAY_COUNT', `a day count must be an integer, got ${n}`, 'n', { value: n });
    }
    const step = n > 0 ? 1 : -1;
    const first = epochDayOf(this.firstDate);
    const last = epochDayOf(this.lastDate);
    let day = epochDayOf(start);
    for (let remaining = Math.abs(n); remaining > 0;) {
      day += step;
      if (day < first || day > last) {
        // The answer depends on holidays not yet published: refuse rather than guess.
        throw new CalendarRangeError(step > 0 ? addCalendarDays(this.lastDate, 1) : addCalendarDays(this.firstDate, -1), this.firstDate, this.lastDate);
      }
      if (counts(localDateOfEpochDay(day))) remaining--;
    }
    return localDateOfEpochDay(day);
  }

  private countBetween(from: string, to: string, counts: (date: LocalDate) => boolean): number {
    const a = epochDayOf(this.inRange(from, 'from'));
    const b = epochDayOf(this.inRange(to, 'to'));
    const [low, high] = a <= b ? [a, b] : [b, a];
    let count = 0;
    for (let day = low + 1; day <= high; day++) if (counts(localDateOfEpochDay(day))) count++;
    // `count === 0` keeps a reversed empty span at 0, not -0.
    return a <= b || count === 0 ? count : -count;
  }
}
