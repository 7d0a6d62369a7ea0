import { addCalendarDays, cnMainlandCalendar, localDate, type LocalDate } from '@dw/kernel';
import { isMonday, scenarioStartDay } from './scenario-start';

describe('scenarioStartDay', () => {
  // A Monday whose next 16 days hold no public holiday, every one of them in the data.
  const holidayFreeFortnight = (day: LocalDate) =>
    isMonday(day) &&
    Array.from({ length: 16 }, (_, n) => addCalendarDays(day, n)).every((d) => cnMainlandCalendar.covers(d) && !cnMainlandCalendar.isHoliday(d));

  it('takes the first fitting day after today while the data reaches far enough', () => {
    // Tuesday 2026-12-08: Monday 12-14 runs 16 days to 12-29, inside 2026's data and holiday-free.
    expect(scenarioStartDay(localDate('2026-12-08'), cnMainlandCalendar, holidayFreeFortnight)).toBe('2026-12-14');
  });

  it('falls back to the latest fitting day before today when the data ends too soon after it', () => {
    // Monday 2026-12-21 would run to 2027-01-05, past the data (it ends 2026-12-31); 12-14 runs to
    // 12-29 and is the latest Monday before Wednesday 12-23 that fits.
    expect(scenarioStartDay(localDate('2026-12-23'), cnMainlandCalendar, holidayFreeFortnight)).toBe('2026-12-14');
  });

  it('falls back from the data’s last day when today is past it', () => {
    expect(scenarioStartDay(localDate('2027-03-01'), cnMainlandCalendar, holidayFreeFortnight)).toBe('2026-12-14');
  });

  it('says so, naming the data’s span, when no day fits', () => {
    expect(() => scenarioStartDay(localDate('2026-12-08'), cnMainlandCalendar, () => false)).toThrow(/2025-01-01\.\.2026-12-31/);
  });
});
