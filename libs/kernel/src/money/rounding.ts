import { refuse } from '../errors/domain-error';

/**
 * How an exact quotient becomes an integer. All three act on the magnitude, symmetrically for
 * negative values (as java.math.RoundingMode HALF_UP / DOWN / UP do):
 * - 'half-up': to the nearest integer, halves away from zero (四舍五入; the default for fees);
 * - 'down': towards zero (truncate);
 * - 'up': away from zero (any remainder adds one).
 */
export type Rounding = 'half-up' | 'down' | 'up';
const ROUNDINGS: readonly Rounding[] = ['half-up', 'down', 'up'];

/** A rational factor such as 130% = { numerator: 130, denominator: 100 }. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

/**
 * round(a × b / c) for safe integers, computed exactly in BigInt so the product may exceed 2^53
 * on the way; only the result must be a safe integer (INTEGER_OVERFLOW otherwise).
 */
export function mulDivRound(a: number, b: number, c: number, rounding: Rounding = 'half-up'): number {
  const quotient = roundedQuotient(toBigIntOperand(a, 'a') * toBigIntOperand(b, 'b'), toBigIntOperand(c, 'c'), rounding);
  if (quotient > BigInt(Number.MAX_SAFE_INTEGER) || quotient < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw refuse.invalid('INTEGER_OVERFLOW', `${a} × ${b} / ${c} is beyond ±${Number.MAX_SAFE_INTEGER}`, undefined, { a, b, c });
  }
  return Number(quotient);
}

/** numerator / denominator rounded as asked; the building block for every fee formula. */
export function roundedQuotient(numerator: bigint, denominator: bigint, rounding: Rounding = 'half-up'): bigint {
  if (!ROUNDINGS.includes(rounding)) {
    throw refuse.invalid('INVALID_ROUNDING', `rounding must be 'half-up', 'down' or 'up', got ${String(rounding)}`, 'rounding');
  }
  if (denominator === 0n) throw refuse.invalid('DIVISION_BY_ZERO', 'cannot divide by zero', 'denominator');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const remainder = n % d;
  if (remainder !== 0n && (rounding === 'up' || (rounding === 'half-up' && 2n * remainder >= d))) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** Checks a ratio (denominator > 0) and returns it as BigInts. */
export function ratioParts(ratio: Ratio, field = 'ratio'): [bigint, bigint] {
  const numerator = toBigIntOperand(ratio?.numerator, `${field}.numerator`);
  const denominator = toBigIntOperand(ratio?.denominator, `${field}.denominator`);
  if (denominator <= 0n) {
    throw refuse.invalid('INVALID_RATIO', `${field}.denominator must be positive, got ${denominator}`, `${field}.denominator`, {
      value: Number(denominator),
    });
  }
  return [numerator, denominator];
}

/** A safe integer operand as a BigInt, or INVALID_INTEGER naming `field`. */
export function toBigIntOperand(value: number, field: string): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw refuse.invalid('INVALID_INTEGER', `${field} must be a safe integer, got ${String(value)}`, field, { value: String(value) });
  }
  return BigInt(value);
}
