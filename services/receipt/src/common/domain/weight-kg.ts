import { refuse } from '@dw/kernel';

/** Weights are whole kilograms (DOMAIN.md: never floats); a receipt or lot weighs at least 1 kg. */
export function assertWeightKg(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw refuse.invalid('INVALID_WEIGHT', `${field} must be a whole number of kilograms, at least 1`, field, { value });
  }
  return value;
}

/** Sum of whole kilograms; refuses a total beyond the safe-integer range instead of rounding it. */
export function sumKg(values: readonly number[]): number {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (!Number.isSafeInteger(total)) {
    throw refuse.invalid('WEIGHT_OVERFLOW', 'total weight is beyond the representable range', undefined, { total });
  }
  return total;
}
