import { refuse } from '../errors/domain-error';
import { QuantityOptions, ScaledUnit, formatQuantity, integerQuantity, parseQuantity, sumQuantities } from '../money/scaled-integer';

/**
 * A weight in whole kilograms. Scales and the exchange work to the kilogram and tonnes are shown
 * with three decimals, so kg is exact for both. The safe-integer range (±9,007,199,254,740,991 kg)
 * is about 9e12 tonnes, far beyond any warehouse. Negative values only with `allowNegative`
 * (a shortfall), and arithmetic results may be negative.
 */
export type Kg = number & { readonly __brand: 'Kg' };

const KG: ScaledUnit = { decimals: 3, noun: 'weight', majorUnit: 'tonnes', invalidCode: 'INVALID_WEIGHT', overflowCode: 'WEIGHT_OVERFLOW' };

export function kg(value: number, options?: QuantityOptions): Kg {
  // rule KRN-WEIGHT-KG
  return integerQuantity(KG, value, options) as Kg;
}

/** '12.345' tonnes → 12345 kg; at most 3 decimals (INVALID_WEIGHT, reason 'decimals'). */
export function tonnesToKg(text: string, options?: QuantityOptions): Kg {
  // rule KRN-WEIGHT-KG
  return parseQuantity(KG, text, options) as Kg;
}

/** 12345 kg → '12.345' (tonnes, always 3 decimals). */
export function formatTonnes(weight: Kg): string {
  return formatQuantity(KG, weight);
}

export function addKg(a: Kg, b: Kg): Kg {
  return sumQuantities(KG, [a, b]) as Kg;
}

export function subtractKg(a: Kg, b: Kg): Kg {
  return sumQuantities(KG, [a, -kg(b, { allowNegative: true })]) as Kg;
}

export function sumKg(weights: readonly Kg[]): Kg {
  return sumQuantities(KG, weights) as Kg;
}

/** Either a share of the expected weight in basis points (0.3% = 30 bp) or a fixed number of kg. */
export type WeightTolerance = { basisPoints: number } | { kg: Kg };

/**
 * Whether |actual − expected| ≤ tolerance, boundary included. A basis-point tolerance is taken
 * of |expected| and compared exactly (|diff| × 10 000 ≤ |expected| × bp), so no rounding decides
 * a borderline weighing.
 */
export function withinTolerance(actual: Kg, expected: Kg, tolerance: WeightTolerance): boolean {
  // rule KRN-TOLERANCE-EXACT
  const difference = BigInt(subtractKg(actual, expected));
  const deviation = difference < 0n ? -difference : difference;
  if ('basisPoints' in tolerance) {
    const bp = tolerance.basisPoints;
    if (!Number.isSafeInteger(bp) || bp < 0) {
      throw refuse.invalid('INVALID_TOLERANCE', `tolerance in basis points must be a whole number ≥ 0, got ${String(bp)}`, 'tolerance.basisPoints', {
        value: String(bp),
      });
    }
    const base = BigInt(kg(expected, { allowNegative: true, field: 'expected' }));
    return deviation * 10_000n <= (base < 0n ? -base : base) * BigInt(bp);
  }
  return deviation <= BigInt(kg(tolerance.kg, { field: 'tolerance.kg' }));
}
