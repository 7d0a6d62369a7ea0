import fc from 'fast-check';
import { assertReceiptConforms, productionSpanDays, unitBandKg, unitsOf } from './receipt-conformance';
import { d, factoryRebarTerms, warehouseRebarTerms } from './receipt-rule.fixtures.spec-helper';
import { refusalOf } from '@dw/testing';

const produced = [d('2026-03-05')];
const check = (weightKg: number, productionDates = produced, terms = warehouseRebarTerms) =>
  assertReceiptConforms(terms, { weightKg, productionDates }, 'receipts[0]');

describe('receipt unit rule (300 t unit, ±3%)', () => {
  it('accepts one unit within ±3%: 3% of 300 000 kg is 9 000 kg, so 291 000–309 000 kg', () => {
    for (const weightKg of [291_000, 300_000, 309_000]) expect(() => check(weightKg)).not.toThrow();
  });

  it('refuses a kilogram beyond the band on either side, naming the band', () => {
    const over = refusalOf(() => check(309_001));
    expect([over.code, over.field]).toEqual(['RECEIPT_WEIGHT_OUTSIDE_UNIT_TOLERANCE', 'receipts[0].weightKg']);
    expect(over.details).toMatchObject({ units: 1, minKg: 291_000, maxKg: 309_000 });
    expect(over.message).toBe('receipts[0]: 309.001 t is outside 291.000–309.000 t allowed for 1 unit(s) of 300.000 t');
    expect(refusalOf(() => check(290_999)).code).toBe('RECEIPT_WEIGHT_OUTSIDE_UNIT_TOLERANCE');
  });

  it('scales the band with whole units: two units are 600 000 kg ± 18 000 kg', () => {
    expect(() => check(618_000)).not.toThrow();
    expect(() => check(582_000)).not.toThrow();
    // 450 t is 1.5 units, rounded half up to 2 units, whose band starts at 582 t.
    expect(refusalOf(() => check(450_000)).details).toMatchObject({ units: 2, minKg: 582_000, maxKg: 618_000 });
  });

  it('counts a tiny receipt as one unit, so it is refused rather than allowed as zero units', () => {
    expect(unitsOf(100, warehouseRebarTerms)).toBe(1);
    expect(refusalOf(() => check(100)).code).toBe('RECEIPT_WEIGHT_OUTSIDE_UNIT_TOLERANCE');
  });

  it('property: for up to 16 units every weight inside the band passes and the first kilogram outside fails', () => {
    // Above 16 units the ±3% bands of n and n+1 units overlap, so "outside n's band" may be inside n+1's.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 10_000 }), (units, permille) => {
        const band = unitBandKg(units, warehouseRebarTerms);
        const inside = band.minKg + Math.floor(((band.maxKg - band.minKg) * permille) / 10_000);
        expect(() => check(inside)).not.toThrow();
        expect(refusalOf(() => check(band.maxKg + 1)).code).toBe('RECEIPT_WEIGHT_OUTSIDE_UNIT_TOLERANCE');
        expect(refusalOf(() => check(band.minKg - 1)).code).toBe('RECEIPT_WEIGHT_OUTSIDE_UNIT_TOLERANCE');
      }),
    );
  });
});

describe('production-date span (rebar factory: at most 10 consecutive days)', () => {
  it('counts the span inclusively', () => {
    expect(productionSpanDays([d('2026-03-01')])).toBe(1);
    expect(productionSpanDays([d('2026-03-10'), d('2026-03-01')])).toBe(10);
    // Across February 2026 (28 days): 25, 26, 27, 28 and 1…6 March = 10 days.
    expect(productionSpanDays([d('2026-02-25'), d('2026-03-06')])).toBe(10);
  });

  it('allows 10 days and refuses 11', () => {
    expect(() => check(300_000, [d('2026-03-01'), d('2026-03-10')], factoryRebarTerms)).not.toThrow();
    const error = refusalOf(() => check(300_000, [d('2026-03-01'), d('2026-03-05'), d('2026-03-11')], factoryRebarTerms));
    expect([error.code, error.field]).toEqual(['PRODUCTION_DATE_SPAN_EXCEEDED', 'receipts[0].productionDates']);
    expect(error.details).toEqual({ spanDays: 11, maxSpanDays: 10, earliest: '2026-03-01', latest: '2026-03-11' });
  });

  it('does not limit the span when the rule has none (warehouse rebar)', () => {
    expect(() => check(300_000, [d('2026-01-01'), d('2026-03-01')])).not.toThrow();
  });

  it('refuses a receipt without production dates', () => {
    expect(refusalOf(() => check(300_000, [])).code).toBe('PRODUCTION_DATES_REQUIRED');
  });
});
