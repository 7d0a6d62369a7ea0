import { refuse } from '../errors/domain-error';
import { Kg, kg } from '../weight/weight';
import { Fen, fen, fenFromBigInt } from './money';
import { Ratio, Rounding, ratioParts, roundedQuotient, toBigIntOperand } from './rounding';

const KG_PER_TONNE = 1000n;
const BASIS_POINTS_PER_UNIT = 10_000n;

/** amount × numerator / denominator, rounded once at the end (default half-up). */
export function multiplyRate(amount: Fen, rate: Ratio, rounding: Rounding = 'half-up'): Fen {
  const [numerator, denominator] = ratioParts(rate, 'rate');
  return fenFromBigInt(roundedQuotient(amountOf(amount) * numerator, denominator, rounding));
}

/**
 * `basisPoints` hundredths of a percent of `amount`: 20% = 2000 bp, 0.5% = 50 bp, 130% = 13000 bp.
 * Integer basis points keep rates exact; a negative rate is refused (INVALID_BASIS_POINTS).
 */
export function percentOf(amount: Fen, basisPoints: number, rounding: Rounding = 'half-up'): Fen {
  const bp = toBigIntOperand(basisPoints, 'basisPoints');
  if (bp < 0n) {
    throw refuse.invalid('INVALID_BASIS_POINTS', `basis points must not be negative, got ${basisPoints}`, 'basisPoints', { value: basisPoints });
  }
  return fenFromBigInt(roundedQuotient(amountOf(amount) * bp, BASIS_POINTS_PER_UNIT, rounding));
}

/**
 * A charge quoted per tonne applied to a weight in kg, times a multiplier, rounded once:
 * round(rateFenPerTonne × kg × multiplier / 1000). The multiplier is a whole count ≥ 0 (days late)
 * or a ratio (130% = { numerator: 130, denominator: 100 }), so "2 CNY/t/day × t × days" and
 * "price × t × 130%" both round only at the end.
 */
export function perTonneCharge(rateFenPerTonne: Fen, quantity: Kg, multiplier: number | Ratio = 1, rounding: Rounding = 'half-up'): Fen {
  const rate = amountOf(rateFenPerTonne, 'rateFenPerTonne');
  const kilograms = BigInt(kg(quantity, { allowNegative: true, field: 'quantity' }));
  const [numerator, denominator] = typeof multiplier === 'number' ? [toBigIntOperand(multiplier, 'multiplier'), 1n] : ratioParts(multiplier, 'multiplier');
  if (numerator < 0n) {
    throw refuse.invalid('INVALID_MULTIPLIER', `a multiplier must not be negative, got ${numerator}`, 'multiplier', { value: Number(numerator) });
  }
  return fenFromBigInt(roundedQuotient(rate * kilograms * numerator, KG_PER_TONNE * denominator, rounding));
}

function amountOf(amount: Fen, field = 'amount'): bigint {
  return BigInt(fen(amount, { allowNegative: true, field }));
}
