import { d, factoryRebarTerms, warehouseRebarTerms } from './receipt-rule.fixtures.spec-helper';
import { validUntilOf } from './receipt-validity';

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
});
