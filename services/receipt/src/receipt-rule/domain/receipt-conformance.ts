import { LocalDate, epochDayOf, formatTonnes, kg, refuse, withinTolerance } from '@dw/kernel';
import { ReceiptRuleTerms } from './receipt-rule.terms';

/**
 * The unit rule: a receipt carries a whole number n ≥ 1 of delivery units, n being its weight
 * divided by the unit and rounded to the nearest whole (half up), and its weight may deviate
 * from n × unit by at most n × unit × tolerance. With rebar's 300 t unit and ±3% that is
 * 291–309 t for one unit and 582–618 t for two; a split or merge must leave every receipt
 * inside such a band. Integer arithmetic throughout (weights are whole kilograms).
 */
export function unitsOf(weightKg: number, terms: Pick<ReceiptRuleTerms, 'unitKg'>): number {
  // rule RCPT-UNIT-TOLERANCE
  return Math.max(1, Math.floor((2 * weightKg + terms.unitKg) / (2 * terms.unitKg)));
}

/** The weights allowed for `units` units, for telling the caller (the check itself is the kernel's withinTolerance). */
export function unitBandKg(units: number, terms: Pick<ReceiptRuleTerms, 'unitKg' | 'unitToleranceBp'>): { minKg: number; maxKg: number } {
  const nominal = units * terms.unitKg;
  // BigInt: nominal × basis points can pass 2^53 for very large weights; the quotient cannot.
  const slack = Number((BigInt(nominal) * BigInt(terms.unitToleranceBp)) / 10_000n);
  return { minKg: nominal - slack, maxKg: nominal + slack };
}

/** Inclusive count of calendar days from the earliest to the latest date (one date = 1 day). */
export function productionSpanDays(productionDates: readonly LocalDate[]): number {
  // rule RCPT-PRODUCTION-SPAN
  const days = productionDates.map((date) => epochDayOf(date));
  return Math.max(...days) - Math.min(...days) + 1;
}

/** Refuses a receipt (being issued, split off or merged) that its commodity's rules do not allow. */
export function assertReceiptConforms(
  terms: ReceiptRuleTerms,
  receipt: { readonly weightKg: number; readonly productionDates: readonly LocalDate[] },
  field: string,
): void {
  // rules RCPT-UNIT-TOLERANCE, RCPT-PRODUCTION-SPAN
  if (receipt.productionDates.length === 0) {
    throw refuse.invalid('PRODUCTION_DATES_REQUIRED', `${field}: a receipt states the production dates of its goods`, `${field}.productionDates`);
  }
  const spanDays = productionSpanDays(receipt.productionDates);
  if (terms.maxProductionSpanDays !== null && spanDays > terms.maxProductionSpanDays) {
    const sorted = [...receipt.productionDates].sort();
    throw refuse.invalid(
      'PRODUCTION_DATE_SPAN_EXCEEDED',
      `${field}: production dates span ${spanDays} days, at most ${terms.maxProductionSpanDays} allowed on one receipt`,
      `${field}.productionDates`,
      { spanDays, maxSpanDays: terms.maxProductionSpanDays, earliest: sorted[0], latest: sorted.at(-1) },
    );
  }
  const units = unitsOf(receipt.weightKg, terms);
  const weight = kg(receipt.weightKg, { field: `${field}.weightKg` });
  if (!withinTolerance(weight, kg(units * terms.unitKg), { basisPoints: terms.unitToleranceBp })) {
    const band = unitBandKg(units, terms);
    const t = (value: number) => formatTonnes(kg(value));
    throw refuse.invalid(
      'RECEIPT_WEIGHT_OUTSIDE_UNIT_TOLERANCE',
      `${field}: ${t(weight)} t is outside ${t(band.minKg)}–${t(band.maxKg)} t allowed for ${units} unit(s) of ${t(terms.unitKg)} t`,
      `${field}.weightKg`,
      { weightKg: receipt.weightKg, units, unitKg: terms.unitKg, toleranceBp: terms.unitToleranceBp, ...band },
    );
  }
}
