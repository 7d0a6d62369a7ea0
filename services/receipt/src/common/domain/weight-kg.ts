import { kg, refuse, sumKg } from '@dw/kernel';

/*
 * Records and events keep weights as plain whole-kilogram numbers (they are JSON); these check
 * them with the kernel's weight rules (whole, safe-integer kg; INVALID_WEIGHT / WEIGHT_OVERFLOW).
 */

/** A lot, receipt or child weighs at least 1 kg. */
export function assertWeightKg(value: number, field: string): number {
  const weight = kg(value, { field });
  if (weight < 1) throw refuse.invalid('INVALID_WEIGHT', `${field} must be at least 1 kg, got ${value}`, field, { value, reason: 'below_minimum' });
  return weight;
}

/** Exact total; refuses (WEIGHT_OVERFLOW) rather than rounding past the safe-integer range. */
export function totalKg(values: readonly number[]): number {
  return sumKg(values.map((value) => kg(value)));
}
