import { addMonthsClamped } from './calendar-months';
import { refusalOf } from '@dw/testing';

describe('addMonthsClamped', () => {
  it('keeps the day of the month when the target month has it', () => {
    expect(addMonthsClamped('2026-01-31', 6)).toBe('2026-07-31'); // July has 31 days
    expect(addMonthsClamped('2026-08-15', 6)).toBe('2027-02-15'); // across the year end
    expect(addMonthsClamped('2026-07-31', -1)).toBe('2026-06-30'); // backwards, clamped too
  });

  it('clamps to the last day of a shorter target month', () => {
    expect(addMonthsClamped('2026-03-31', 6)).toBe('2026-09-30'); // September has 30 days
    expect(addMonthsClamped('2025-08-31', 6)).toBe('2026-02-28'); // February 2026 has 28
    expect(addMonthsClamped('2023-08-31', 6)).toBe('2024-02-29'); // February 2024 has 29 (leap year)
  });

  it('refuses an impossible date and a fractional month count', () => {
    expect(refusalOf(() => addMonthsClamped('2026-02-30', 6)).code).toBe('INVALID_DATE');
    expect(refusalOf(() => addMonthsClamped('2026-01-31', 1.5)).code).toBe('INVALID_MONTH_COUNT');
  });
});
