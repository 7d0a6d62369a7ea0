import { refuse } from '../errors/domain-error';
import { Fen, fen } from './money';

/**
 * Splits `amount` in proportion to integer `weights` so the parts add up to exactly `amount`
 * (largest-remainder method): each part first gets the truncated share, then the fen left over
 * go one each to the parts with the largest remainders, earlier parts first on ties. A weight of
 * 0 always gets 0. A negative amount is split by its magnitude and every part negated.
 */
export function allocate(amount: Fen, weights: readonly number[]): Fen[] {
  const total = BigInt(fen(amount, { allowNegative: true }));
  if (!Array.isArray(weights) || weights.length === 0) {
    throw refuse.invalid('INVALID_WEIGHTS', 'allocation needs at least one weight', 'weights', { reason: 'empty' });
  }
  const parts = weights.map((weight, i) => {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw refuse.invalid('INVALID_WEIGHTS', `weights[${i}] must be a whole number ≥ 0, got ${String(weight)}`, `weights[${i}]`, {
        value: String(weight),
        reason: 'not_a_non_negative_integer',
      });
    }
    return BigInt(weight);
  });
  const weightSum = parts.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw refuse.invalid('INVALID_WEIGHTS', 'at least one weight must be positive', 'weights', { reason: 'zero_total' });

  const magnitude = total < 0n ? -total : total;
  const shares = parts.map((weight) => (magnitude * weight) / weightSum);
  let leftOver = magnitude - shares.reduce((sum, share) => sum + share, 0n);
  const byRemainder = parts
    .map((weight, index) => ({ index, remainder: (magnitude * weight) % weightSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (leftOver === 0n) break;
    shares[index] += 1n;
    leftOver -= 1n;
  }
  // Each part is at most |amount|, so it is a safe integer like the amount itself.
  return shares.map((share) => fen(Number(total < 0n ? -share : share), { allowNegative: true }));
}
