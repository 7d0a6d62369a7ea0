import fc from 'fast-check';
import { Rounding, mulDivRound, roundedQuotient } from './rounding';

const MAX = Number.MAX_SAFE_INTEGER;

describe('mulDivRound', () => {
  it.each<[number, number, number, Rounding, number, string]>([
    [7, 1, 2, 'half-up', 4, '3.5: a half goes up'],
    [7, 1, 2, 'down', 3, '3.5 truncated'],
    [7, 1, 2, 'up', 4, '3.5: any remainder goes up'],
    [5, 1, 3, 'half-up', 2, '1.67 is nearer 2'],
    [5, 1, 3, 'down', 1, '1.67 truncated'],
    [4, 1, 3, 'half-up', 1, '1.33 is nearer 1'],
    [4, 1, 3, 'up', 2, '1.33 has a remainder'],
    [6, 1, 3, 'up', 2, 'exact: no rounding in any mode'],
    [-7, 1, 2, 'half-up', -4, '-3.5: halves go away from zero (symmetric 四舍五入)'],
    [-7, 1, 2, 'down', -3, '-3.5 towards zero'],
    [-4, 1, 3, 'up', -2, '-1.33 away from zero'],
    [7, 1, -2, 'half-up', -4, 'a negative divisor gives the same magnitude'],
    [-7, -1, -2, 'half-up', -4, 'three negatives: negative result'],
    [1_234_567, 50, 10_000, 'half-up', 6173, '6172.835 -> 6173'],
  ])('%d × %d / %d (%s) = %d: %s', (a, b, c, rounding, expected) => {
    expect(mulDivRound(a, b, c, rounding)).toBe(expected);
  });

  it('rounds half-up by default', () => {
    expect(mulDivRound(1, 1, 2)).toBe(1); // 0.5 -> 1
    expect(mulDivRound(1, 49, 100)).toBe(0); // 0.49 -> 0
  });

  it('computes the product exactly even when it exceeds 2^53', () => {
    // MAX × 10 / 10 is MAX; in floating point MAX × 10 is not even representable exactly.
    expect(mulDivRound(MAX, 10, 10)).toBe(MAX);
    // (2^53 - 1) × 3 / 4 = 6,755,399,441,055,743.25 -> 6,755,399,441,055,743
    expect(mulDivRound(MAX, 3, 4)).toBe(6_755_399_441_055_743);
  });

  it('refuses bad operands and results', () => {
    expect(() => mulDivRound(MAX, 2, 1)).toThrow(expect.objectContaining({ code: 'INTEGER_OVERFLOW', kind: 'invalid' }));
    expect(() => mulDivRound(1, 1, 0)).toThrow(expect.objectContaining({ code: 'DIVISION_BY_ZERO' }));
    expect(() => mulDivRound(1.5, 1, 1)).toThrow(expect.objectContaining({ code: 'INVALID_INTEGER', field: 'a' }));
    expect(() => mulDivRound(1, Number.NaN, 1)).toThrow(expect.objectContaining({ code: 'INVALID_INTEGER', field: 'b' }));
    expect(() => mulDivRound(1, 1, MAX + 1)).toThrow(expect.objectContaining({ code: 'INVALID_INTEGER', field: 'c' }));
    // An unknown mode is refused even when the division is exact and no rounding would happen.
    expect(() => mulDivRound(4, 1, 2, 'nearest' as Rounding)).toThrow(expect.objectContaining({ code: 'INVALID_ROUNDING', field: 'rounding' }));
  });

  it('brackets the exact quotient (property)', () => {
    const operand = fc.integer({ min: -90_000_000, max: 90_000_000 }); // |ab| < 2^53, so c = ±1 cannot overflow
    const divisor = fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((c) => c !== 0);
    fc.assert(
      fc.property(operand, operand, divisor, (a, b, c) => {
        const twoAb = 2n * BigInt(a) * BigInt(b); // compared with 2·q·c so the check stays in integers
        const absC = BigInt(Math.abs(c));
        const down = BigInt(mulDivRound(a, b, c, 'down'));
        const up = BigInt(mulDivRound(a, b, c, 'up'));
        const halfUp = BigInt(mulDivRound(a, b, c, 'half-up'));
        const abs = (x: bigint) => (x < 0n ? -x : x);
        // down never exceeds the exact magnitude, up never falls short of it, and they differ by at most 1
        expect(abs(down * BigInt(c)) * 2n <= abs(twoAb)).toBe(true);
        expect(abs(up * BigInt(c)) * 2n >= abs(twoAb)).toBe(true);
        expect(abs(up - down) <= 1n).toBe(true);
        // half-up is within half a unit: |2qc - 2ab| <= |c|
        expect(abs(2n * halfUp * BigInt(c) - twoAb) <= absC).toBe(true);
      }),
    );
  });

  it('roundedQuotient works on BigInts directly', () => {
    expect(roundedQuotient(10n ** 30n + 5n, 10n)).toBe(10n ** 29n + 1n); // ...0.5 rounds up
  });
});
