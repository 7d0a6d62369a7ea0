import fc from 'fast-check';
import { DomainError } from '../errors/domain-error';
import { addCalendarDays, dayOfWeek, epochDayOf, isWeekend, localDate, localDateOfEpochDay } from './local-date';

describe('localDate', () => {
  it.each(['2026-02-13', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts the real date %s', (text) => {
    expect(localDate(text)).toBe(text);
  });

  it('refuses year 0000, which PostgreSQL cannot store (a query with it would fail, not answer)', () => {
    expect(() => localDate('0000-01-01', 'date')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', field: 'date', details: expect.objectContaining({ reason: 'out_of_range' }) }),
    );
  });

  it.each([
    ['2026-02-29', 'no_such_day'], // 2026 is not a leap year
    ['1900-02-29', 'no_such_day'], // divisible by 100 and not by 400: not leap
    ['2026-04-31', 'no_such_day'], // April has 30 days
    ['2026-13-01', 'no_such_day'],
    ['2026-00-10', 'no_such_day'],
    ['2026-01-00', 'no_such_day'],
    ['2026-2-3', 'format'],
    ['20260203', 'format'],
    ['2026-02-03T00:00', 'format'],
    [' 2026-02-03', 'format'],
    ['', 'format'],
    ['２０２６-02-03', 'format'], // full-width digits are not ASCII digits
  ])('refuses %s with INVALID_DATE (%s)', (text, reason) => {
    expect(() => localDate(text, 'pickupDate')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', kind: 'invalid', field: 'pickupDate', details: { value: text, reason } }),
    );
  });

  it('refuses a value that is not a string at all (untyped JSON input)', () => {
    expect(() => localDate(20260213 as unknown as string)).toThrow(DomainError);
  });
});

describe('day arithmetic', () => {
  it('counts days from 1970-01-01', () => {
    expect(epochDayOf('1970-01-01')).toBe(0);
    expect(epochDayOf('1969-12-31')).toBe(-1);
    // 2000-03-01: 30 years of 365 days + 7 leap days (72,76,80,84,88,92,96) + Jan 31 + Feb 29 = 10957 + 60
    expect(epochDayOf('2000-03-01')).toBe(11017);
  });

  it('adds calendar days across month, leap-day and year ends', () => {
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01'); // 2026 has no Feb 29
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2026-03-02', 0)).toBe('2026-03-02');
    // across several month ends: 16 (rest of Jan) + 28 + 31 + 30 + 31 + 30 + 15 = 181 days
    expect(addCalendarDays('2026-01-15', 181)).toBe('2026-07-15');
  });

  it('refuses fractional day counts and results outside years 0001-9999', () => {
    expect(() => addCalendarDays('2026-01-01', 0.5)).toThrow(expect.objectContaining({ code: 'INVALID_DAY_COUNT', field: 'days' }));
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', details: expect.objectContaining({ reason: 'out_of_range' }) }),
    );
    expect(() => addCalendarDays('0001-01-01', -1)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', details: expect.objectContaining({ reason: 'out_of_range' }) }),
    );
  });

  it('names ISO days of the week', () => {
    expect(dayOfWeek('2026-02-13')).toBe(5); // Friday (Feb 14 2026, a make-up working day, is a Saturday)
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(dayOfWeek('2026-01-04')).toBe(7); // the Sunday make-up day of New Year 2026
    expect(dayOfWeek('2025-01-01')).toBe(3); // a Wednesday, New Year's Day 2025
    expect(dayOfWeek('1969-12-29')).toBe(1); // a Monday before the epoch
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-13')).toBe(false);
  });

  it('agrees with the host Date for any day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (epochDay) => {
        const viaDate = new Date(epochDay * 86_400_000);
        const date = localDateOfEpochDay(epochDay);
        expect(date).toBe(viaDate.toISOString().slice(0, 10));
        expect(dayOfWeek(date)).toBe(viaDate.getUTCDay() === 0 ? 7 : viaDate.getUTCDay());
        expect(epochDayOf(date)).toBe(epochDay);
      }),
    );
  });
});
