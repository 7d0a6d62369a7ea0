import { d, factoryRebarTerms, warehouseRebarTerms } from './receipt-rule.fixtures.spec-helper';
import { cnMainlandCalendar } from '@dw/kernel';
import { lastTradingDayWithin, validUntilOf } from './receipt-validity';

describe('receipt validity', () => {
  it('warehouse rebar: 90 days from the earliest production date on the receipt', () => {
    // 2026-03-05 + 90 days: 26 days to 03-31, 30 more to 04-30 (56), 31 more to 05-31 (87), 3 more: 06-03.
    expect(validUntilOf(warehouseRebarTerms, d('2026-03-20'), [d('2026-03-05')])).toBe('2026-06-03');
    // Two production dates: the older goods (03-05) decide, not the newer (03-07 would give 06-05).
    expect(validUntilOf(warehouseRebarTerms, d('2026-03-20'), [d('2026-03-07'), d('2026-03-05')])).toBe('2026-06-03');
  });

  it('factory: 6 months from the issue date, clamped to the end of a shorter month', () => {
    expect(validUntilOf(factoryRebarTerms, d('2026-01-31'), [d('2026-01-20')])).toBe('2026-07-31'); // July has 31 days
    expect(validUntilOf(factoryRebarTerms, d('2026-03-31'), [d('2026-03-20')])).toBe('2026-09-30'); // September has 30
    expect(validUntilOf(factoryRebarTerms, d('2025-08-31'), [d('2025-08-20')])).toBe('2026-02-28'); // February 2026 has 28
  });

  it('the last trading day within validity, from the holiday calendar (2026)', () => {
    // Wednesday 2026-06-03 is an ordinary trading day: it is its own last trading day.
    expect(lastTradingDayWithin(cnMainlandCalendar, d('2026-06-03'))).toBe('2026-06-03');
    // Sunday 2026-10-04 falls in National Day (Oct 1–7): back over Oct 1–3 (holiday), the last trading day is Wed 09-30.
    expect(lastTradingDayWithin(cnMainlandCalendar, d('2026-10-04'))).toBe('2026-09-30');
    // Sunday 2026-06-21 ends Dragon Boat (Jun 19–21): Sat 20 and Fri 19 are off, so Thu 06-18.
    expect(lastTradingDayWithin(cnMainlandCalendar, d('2026-06-21'))).toBe('2026-06-18');
    // Saturday 2026-02-14 is a make-up WORKING day, but exchanges do not trade on it: Fri 02-13.
    expect(lastTradingDayWithin(cnMainlandCalendar, d('2026-02-14'))).toBe('2026-02-13');
  });

  it('has no answer beyond the published calendar data, rather than a guess', () => {
    expect(lastTradingDayWithin(cnMainlandCalendar, d('2027-03-01'))).toBeNull();
    // Thursday 2026-12-31, the last day of the data, is a trading day and answers for itself.
    expect(lastTradingDayWithin(cnMainlandCalendar, d('2026-12-31'))).toBe('2026-12-31');
  });
});
