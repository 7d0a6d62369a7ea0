import {
  addCalendarDays,
  addMonthsClamped,
  assertInstant,
  assertLocalDate,
  businessDateOf,
  calendarDaysBetween,
  shanghaiDateOf,
} from './local-date';
import { refusalOf } from './refusal.spec-helper';

const codeOf = (run: () => unknown) => refusalOf(run).code;

describe('local dates', () => {
  it('adds calendar days across months', () => {
    // 2026-03-05 + 90: 26 days to 03-31, +30 to 04-30 (56), +31 to 05-31 (87), +3 → 06-03 (90).
    expect(addCalendarDays('2026-03-05', 90)).toBe('2026-06-03');
    // 2026 is not a leap year: the day after 02-28 is 03-01; 2024 is: 02-29 exists.
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('counts calendar days between two dates', () => {
    // 02-25 → 02-28 is 3 days, then 03-01 … 03-06 is 6 more: 9.
    expect(calendarDaysBetween('2026-02-25', '2026-03-06')).toBe(9);
    expect(calendarDaysBetween('2026-03-06', '2026-02-25')).toBe(-9);
  });

  it('adds months keeping the day, clamped to the end of a shorter month', () => {
    expect(addMonthsClamped('2026-01-31', 6)).toBe('2026-07-31'); // July has 31 days
    expect(addMonthsClamped('2026-03-31', 6)).toBe('2026-09-30'); // September has 30
    expect(addMonthsClamped('2025-08-31', 6)).toBe('2026-02-28'); // February 2026 has 28
    expect(addMonthsClamped('2023-08-31', 6)).toBe('2024-02-29'); // February 2024 has 29
    expect(addMonthsClamped('2026-08-15', 6)).toBe('2027-02-15'); // across the year end
  });

  it('takes the Shanghai civil date of an instant (UTC+8)', () => {
    expect(shanghaiDateOf(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(shanghaiDateOf(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(businessDateOf('2026-03-02T00:10:00+08:00')).toBe('2026-03-02');
  });

  it('refuses malformed and impossible dates with INVALID_DATE', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-2-3', '2026-04-31', '', 20260101]) {
      expect(codeOf(() => assertLocalDate(bad, 'validUntil'))).toBe('INVALID_DATE');
    }
    expect(assertLocalDate('2024-02-29', 'd')).toBe('2024-02-29');
  });

  it('refuses instants without a zone with INVALID_INSTANT', () => {
    for (const bad of ['2026-03-01', '2026-03-01T10:00:00', 'yesterday', '2026-03-01T25:00:00Z']) {
      expect(codeOf(() => assertInstant(bad, 'at'))).toBe('INVALID_INSTANT');
    }
    expect(assertInstant('2026-03-01T10:00:00+08:00', 'at').toISOString()).toBe('2026-03-01T02:00:00.000Z');
  });
});
