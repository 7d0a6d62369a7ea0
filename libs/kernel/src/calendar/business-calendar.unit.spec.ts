import fc from 'fast-check';
import { DomainError } from '../errors/domain-error';
import { CalendarRangeError } from './calendar-range.error';
import { cnMainlandCalendar as calendar } from './cn-mainland-calendar';
import { addCalendarDays } from './local-date';

// Every expected date below was worked out by hand from the State Council notices in
// cn-mainland.calendar.json; the comment
// next to each says which holidays and make-up days the count walks over.

describe('BusinessCalendar (mainland China, 2025-2026)', () => {
  it('covers exactly 2025-01-01..2026-12-31', () => {
    expect(calendar.firstDate).toBe('2025-01-01');
    expect(calendar.lastDate).toBe('2026-12-31');
    expect(calendar.covers('2025-01-01')).toBe(true);
    expect(calendar.covers('2026-12-31')).toBe(true);
    expect(calendar.covers('2024-12-31')).toBe(false);
    expect(calendar.covers('2027-01-01')).toBe(false);
  });

  describe('kinds of day', () => {
    it.each([
      // date, working, trading, why
      ['2026-02-13', true, true, 'an ordinary Friday'],
      ['2026-02-14', true, false, 'Saturday make-up day of Spring Festival 2026: work, but the exchange is closed'],
      ['2026-02-15', false, false, 'Sunday inside Spring Festival 2026'],
      ['2026-02-16', false, false, 'Monday inside Spring Festival 2026'],
      ['2026-02-23', false, false, 'Monday, last day of Spring Festival 2026'],
      ['2026-02-24', true, true, 'Tuesday after Spring Festival 2026'],
      ['2026-02-28', true, false, 'second Saturday make-up day of Spring Festival 2026'],
      ['2026-03-01', false, false, 'an ordinary Sunday'],
      ['2026-01-03', false, false, 'Saturday inside New Year 2026'],
      ['2026-01-04', true, false, 'Sunday make-up day of New Year 2026'],
      ['2025-01-26', true, false, 'Sunday make-up day before Spring Festival 2025'],
      ['2025-02-04', false, false, 'Tuesday, last day of Spring Festival 2025'],
      ['2025-10-08', false, false, 'Wednesday, eighth day of National Day + Mid-Autumn 2025'],
      ['2025-10-11', true, false, 'Saturday make-up day after National Day 2025'],
      ['2026-09-25', false, false, 'Friday, Mid-Autumn 2026'],
      ['2026-10-07', false, false, 'Wednesday, last day of National Day 2026'],
      ['2026-10-10', true, false, 'Saturday make-up day after National Day 2026'],
    ])('%s: working %s, trading %s (%s)', (date, working, trading) => {
      expect(calendar.isWorkingDay(date)).toBe(working);
      expect(calendar.isTradingDay(date)).toBe(trading);
    });

    it('tells holidays and make-up days apart from plain weekends', () => {
      expect(calendar.isHoliday('2026-02-21')).toBe(true); // a Saturday, but listed as a Spring Festival day off
      expect(calendar.isHoliday('2026-03-07')).toBe(false); // a plain Saturday
      expect(calendar.isMakeUpWorkingDay('2026-05-09')).toBe(true); // Labour Day 2026 make-up Saturday
      expect(calendar.isMakeUpWorkingDay('2026-05-16')).toBe(false);
    });

    it('has 248 working and 243 trading days in 2025, 248 and 242 in 2026', () => {
      // 2025 starts on a Wednesday and has 365 days: 52 whole weeks + Dec 31 (Wed) = 261 weekdays.
      // Weekday holidays: Jan 1; Jan 28-31, Feb 3-4; Apr 4; May 1, 2, 5; Jun 2; Oct 1-3, 6-8 = 1+6+1+3+1+6 = 18.
      // Trading days = 261 - 18 = 243; make-up days Jan 26, Feb 8, Apr 27, Sep 28, Oct 11 = 5; working = 248.
      // (a, b] counting from Jan 1 skips Jan 1 itself, which is a holiday and counts for neither.
      expect(calendar.tradingDaysBetween('2025-01-01', '2025-12-31')).toBe(243);
      expect(calendar.workingDaysBetween('2025-01-01', '2025-12-31')).toBe(248);
      // 2026 starts on a Thursday: 52 weeks + Dec 31 (Thu) = 261 weekdays. Weekday holidays:
      // Jan 1-2; Feb 16-20, 23; Apr 6; May 1, 4, 5; Jun 19; Sep 25; Oct 1, 2, 5, 6, 7 = 2+6+1+3+1+1+5 = 19.
      // Trading = 242; make-up days Jan 4, Feb 14, Feb 28, May 9, Sep 20, Oct 10 = 6; working = 248.
      expect(calendar.tradingDaysBetween('2025-12-31', '2026-12-31')).toBe(242);
      expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    });
  });

  describe('Spring Festival 2026 (Feb 15-23 off; Sat Feb 14 and Sat Feb 28 worked)', () => {
    it('Fri 2026-02-13 + 1 working day is the make-up Saturday, + 1 trading day is Tue 2026-02-24', () => {
      expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
      // Sat 14 is not a trading day and Feb 15-23 are holidays, so the next session is Tue 24.
      expect(calendar.addTradingDays('2026-02-13', 1)).toBe('2026-02-24');
      expect(calendar.nextTradingDay('2026-02-13')).toBe('2026-02-24');
    });

    it('counts backwards over the festival', () => {
      // Working days before Tue 24: Sat 14 (1, make-up), Fri 13 (2).
      expect(calendar.addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
      expect(calendar.addWorkingDays('2026-02-24', -2)).toBe('2026-02-13');
      expect(calendar.previousTradingDay('2026-02-24')).toBe('2026-02-13');
    });

    it('counts days in (a, b]', () => {
      // (Fri 13, Tue 24]: working Sat 14 and Tue 24 = 2; trading only Tue 24 = 1.
      expect(calendar.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
      expect(calendar.tradingDaysBetween('2026-02-13', '2026-02-24')).toBe(1);
      // Reversed arguments give the negative count; equal dates give 0.
      expect(calendar.workingDaysBetween('2026-02-24', '2026-02-13')).toBe(-2);
      expect(calendar.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
      // (Sun 15, Mon 23] holds only holidays: 0, and 0 the other way round too (not -0).
      expect(calendar.tradingDaysBetween('2026-02-23', '2026-02-15')).toBe(0);
    });
  });

  describe('Spring Festival 2025 (Jan 28 - Feb 4 off; Sun Jan 26 and Sat Feb 8 worked)', () => {
    it('walks over the festival', () => {
      // From Fri Jan 24: Sun 26 (1, make-up), Mon 27 (2), Feb 5 (3) is the first day after the break.
      expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
      expect(calendar.addWorkingDays('2025-01-24', 2)).toBe('2025-01-27');
      expect(calendar.addWorkingDays('2025-01-24', 3)).toBe('2025-02-05');
      // Trading: Mon 27 (1), Wed Feb 5 (2).
      expect(calendar.addTradingDays('2025-01-24', 2)).toBe('2025-02-05');
      expect(calendar.nextTradingDay('2025-01-27')).toBe('2025-02-05');
    });

    it('counts the make-up Saturday after the festival as working only', () => {
      // (Fri Jan 24, Mon Feb 10]: working Jan 26, Jan 27, Feb 5, 6, 7, Sat Feb 8, Feb 10 = 7;
      // trading Jan 27, Feb 5, 6, 7, 10 = 5.
      expect(calendar.workingDaysBetween('2025-01-24', '2025-02-10')).toBe(7);
      expect(calendar.tradingDaysBetween('2025-01-24', '2025-02-10')).toBe(5);
    });
  });

  describe('New Year 2026 (Jan 1-3 off; Sun Jan 4 worked)', () => {
    it('crosses the year end', () => {
      // Wed 2025-12-31 is an ordinary day; the next working day is the make-up Sunday Jan 4,
      // the next trading day Mon Jan 5.
      expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
      expect(calendar.addTradingDays('2025-12-31', 1)).toBe('2026-01-05');
      expect(calendar.addWorkingDays('2026-01-05', -1)).toBe('2026-01-04');
      expect(calendar.previousTradingDay('2026-01-05')).toBe('2025-12-31');
    });
  });

  describe('National Day 2026 (Sep 25-27 and Oct 1-7 off; Sun Sep 20 and Sat Oct 10 worked)', () => {
    it('finds the first session after the Golden Week', () => {
      expect(calendar.nextTradingDay('2026-09-30')).toBe('2026-10-08'); // Thu Oct 8
      expect(calendar.previousTradingDay('2026-10-08')).toBe('2026-09-30');
      // Mid-Autumn: after Thu Sep 24 come Fri 25 (holiday), Sat 26, Sun 27, so Mon Sep 28.
      expect(calendar.nextTradingDay('2026-09-24')).toBe('2026-09-28');
    });

    it('differs between working and trading counts because of Sat Oct 10', () => {
      // From Wed Sep 30, working: Oct 8 (1), Oct 9 (2), Sat Oct 10 (3); trading: Oct 8, 9, Mon 12.
      expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
      expect(calendar.addTradingDays('2026-09-30', 3)).toBe('2026-10-12');
    });

    it('counts the three weeks around it', () => {
      // (Fri Sep 18, Fri Oct 9]: working Sun Sep 20, Sep 21-24 (4), Sep 28-30 (3), Oct 8-9 (2) = 10;
      // trading the same without Sep 20 = 9.
      expect(calendar.workingDaysBetween('2026-09-18', '2026-10-09')).toBe(10);
      expect(calendar.tradingDaysBetween('2026-09-18', '2026-10-09')).toBe(9);
    });
  });

  describe('pickup application: no later than 7 working days before the pickup date (003)', () => {
    it('in an ordinary month', () => {
      // Pickup Fri 2026-03-20: back Thu 19 (1), Wed 18 (2), Tue 17 (3), Mon 16 (4), Fri 13 (5),
      // Thu 12 (6), Wed 11 (7). Applying on Mar 11 is in time; Mar 12 is late.
      expect(calendar.latestDateBefore('2026-03-20', 7)).toBe('2026-03-11');
      expect(calendar.addWorkingDays('2026-03-20', -7)).toBe('2026-03-11');
    });

    it('across Spring Festival 2026', () => {
      // Pickup Thu 2026-02-26: Wed 25 (1), Tue 24 (2), Feb 15-23 off, Sat 14 make-up (3), Fri 13 (4),
      // Thu 12 (5), Wed 11 (6), Tue 10 (7).
      expect(calendar.latestDateBefore('2026-02-26', 7)).toBe('2026-02-10');
    });

    it('across National Day 2026', () => {
      // Pickup Mon 2026-10-12: Sat Oct 10 make-up (1), Fri 9 (2), Thu 8 (3), Oct 1-7 off, Wed Sep 30 (4),
      // Tue 29 (5), Mon 28 (6), Sep 25-27 off, Thu Sep 24 (7).
      expect(calendar.latestDateBefore('2026-10-12', 7)).toBe('2026-09-24');
    });

    it('the factory confirms within 3 working days of the application', () => {
      // Applied Thu 2026-04-30: Labour Day May 1-5 off, so Wed May 6 (1), Thu 7 (2), Fri 8 (3).
      expect(calendar.addWorkingDays('2026-04-30', 3)).toBe('2026-05-08');
    });

    it('refuses a negative or fractional number of working days', () => {
      expect(() => calendar.latestDateBefore('2026-03-20', -7)).toThrow(expect.objectContaining({ code: 'INVALID_DAY_COUNT', field: 'nWorkingDays' }));
      expect(() => calendar.latestDateBefore('2026-03-20', 6.5)).toThrow(expect.objectContaining({ code: 'INVALID_DAY_COUNT' }));
    });
  });

  describe('n = 0 and non-working start dates', () => {
    it('returns the date itself for n = 0, whatever kind of day it is', () => {
      expect(calendar.addWorkingDays('2026-02-16', 0)).toBe('2026-02-16'); // a holiday
      expect(calendar.addTradingDays('2026-03-01', 0)).toBe('2026-03-01'); // a Sunday
      expect(calendar.latestDateBefore('2026-03-20', 0)).toBe('2026-03-20');
    });

    it('counts from a holiday as from any other day', () => {
      // From Mon Feb 16 (holiday): the first working day after it is Tue Feb 24, the first before it Sat Feb 14.
      expect(calendar.addWorkingDays('2026-02-16', 1)).toBe('2026-02-24');
      expect(calendar.addWorkingDays('2026-02-16', -1)).toBe('2026-02-14');
      expect(calendar.addTradingDays('2026-02-16', -1)).toBe('2026-02-13');
    });
  });

  it('exposes calendar arithmetic that needs no holiday data', () => {
    expect(calendar.dayOfWeek('2026-10-10')).toBe(6);
    expect(calendar.addCalendarDays('2026-12-31', 1)).toBe('2027-01-01'); // plain arithmetic is not limited by the data
  });

  describe('outside the data', () => {
    const outOfRange = (date: string) =>
      expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE', kind: 'invalid', details: { date, firstDate: '2025-01-01', lastDate: '2026-12-31' } });

    it('refuses questions about dates before or after the data', () => {
      expect(() => calendar.isWorkingDay('2024-12-31')).toThrow(outOfRange('2024-12-31'));
      expect(() => calendar.isTradingDay('2027-01-01')).toThrow(outOfRange('2027-01-01'));
      expect(() => calendar.isHoliday('2027-02-10')).toThrow(CalendarRangeError);
      expect(() => calendar.addWorkingDays('2027-03-01', 0)).toThrow(CalendarRangeError);
    });

    it('refuses a walk that would leave the data, at the end', () => {
      // Thu 2026-12-31 is the last known day; what follows depends on the 2027 notice.
      expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
      expect(() => calendar.addWorkingDays('2026-12-30', 2)).toThrow(outOfRange('2027-01-01'));
      expect(() => calendar.nextTradingDay('2026-12-31')).toThrow(outOfRange('2027-01-01'));
    });

    it('refuses a walk that would leave the data, at the start', () => {
      // Thu 2025-01-02: the day before is the New Year holiday, and before that 2024 is unknown.
      expect(() => calendar.previousTradingDay('2025-01-02')).toThrow(outOfRange('2024-12-31'));
      expect(() => calendar.latestDateBefore('2025-01-08', 7)).toThrow(CalendarRangeError);
    });

    it('refuses a count with an end outside the data, naming the field', () => {
      expect(() => calendar.workingDaysBetween('2026-12-01', '2027-01-04')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE', field: 'to' }));
      expect(() => calendar.tradingDaysBetween('2024-12-01', '2025-01-04')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE', field: 'from' }));
    });

    it('is a DomainError, so the HTTP layer maps it to a problem+json 422', () => {
      expect(() => calendar.isWorkingDay('2027-01-01')).toThrow(DomainError);
    });
  });

  describe('bad input', () => {
    it.each(['2026-02-30', '2026/02/13', 'tomorrow'])('refuses the date %s with INVALID_DATE', (date) => {
      expect(() => calendar.isWorkingDay(date)).toThrow(expect.objectContaining({ code: 'INVALID_DATE', kind: 'invalid' }));
      expect(() => calendar.addTradingDays(date, 1)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
      expect(() => calendar.workingDaysBetween('2026-01-05', date)).toThrow(expect.objectContaining({ code: 'INVALID_DATE', field: 'to' }));
    });

    it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the day count %s', (n) => {
      expect(() => calendar.addWorkingDays('2026-03-02', n)).toThrow(expect.objectContaining({ code: 'INVALID_DAY_COUNT', field: 'n' }));
    });
  });

  describe('properties (dates well inside the data, |n| <= 20)', () => {
    const inside = fc.integer({ min: 40, max: 690 }).map((offset) => addCalendarDays('2025-01-01', offset));
    const count = fc.integer({ min: 1, max: 20 });

    it('the n-th working day after d is a working day with exactly n working days in (d, result]', () => {
      fc.assert(
        fc.property(inside, count, (date, n) => {
          const result = calendar.addWorkingDays(date, n);
          expect(calendar.isWorkingDay(result)).toBe(true);
          expect(calendar.workingDaysBetween(date, result)).toBe(n);
        }),
      );
    });

    it('the n-th trading day after d is a trading day with exactly n trading days in (d, result]', () => {
      fc.assert(
        fc.property(inside, count, (date, n) => {
          const result = calendar.addTradingDays(date, n);
          expect(calendar.isTradingDay(result)).toBe(true);
          expect(calendar.tradingDaysBetween(date, result)).toBe(n);
        }),
      );
    });

    it('going back n working days from a working day and forward n again returns to it', () => {
      fc.assert(
        fc.property(inside, count, (date, n) => {
          fc.pre(calendar.isWorkingDay(date));
          expect(calendar.addWorkingDays(calendar.addWorkingDays(date, -n), n)).toBe(date);
        }),
      );
    });

    it('every trading day is a working day', () => {
      fc.assert(fc.property(inside, (date) => !calendar.isTradingDay(date) || calendar.isWorkingDay(date)));
    });
  });
});
