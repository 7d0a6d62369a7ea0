import fc from 'fast-check';
import { allocate } from './allocate';
import { Fen, fen } from './money';

describe('allocate', () => {
  it('splits 1.00 CNY three ways as 0.34 + 0.33 + 0.33', () => {
    // 100 / 3 = 33 each with 1 fen left; all remainders tie, so the first part takes it.
    expect(allocate(fen(100), [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('splits a storage fee by weight, the left-over fen to the largest remainder', () => {
    // 10.00 CNY over 30,500 + 12,345 + 7,155 = 50,000 kg:
    // 1000 × 30500/50000 = 610 exactly; × 12345/50000 = 246.9; × 7155/50000 = 143.1.
    // Truncated: 610 + 246 + 143 = 999; the 1 fen left goes to .9 (the second part): 610, 247, 143.
    expect(allocate(fen(1000), [30_500, 12_345, 7_155])).toEqual([610, 247, 143]);
  });

  it('gives exact shares without any remainder', () => {
    expect(allocate(fen(1000), [1, 2, 3, 4])).toEqual([100, 200, 300, 400]);
  });

  it('never gives a fen to a zero weight', () => {
    expect(allocate(fen(1), [0, 0, 5])).toEqual([0, 0, 1]);
    expect(allocate(fen(10), [0, 3, 7])).toEqual([0, 3, 7]);
  });

  it('splits a negative amount (a refund) by its magnitude', () => {
    expect(allocate(fen(-100, { allowNegative: true }), [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(fen(0), [1, 2])).toEqual([0, 0]);
  });

  it.each<[string, readonly number[], string]>([
    ['no weights', [], 'weights'],
    ['a negative weight', [1, -1], 'weights[1]'],
    ['a fractional weight', [1.5], 'weights[0]'],
    ['only zero weights', [0, 0], 'weights'],
  ])('refuses %s', (_case, weights, field) => {
    expect(() => allocate(fen(100), weights)).toThrow(expect.objectContaining({ code: 'INVALID_WEIGHTS', kind: 'invalid', field }));
  });

  it('refuses a forged amount', () => {
    expect(() => allocate(0.5 as Fen, [1])).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('never loses or invents a fen, and each part is within one fen of its exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const parts = allocate(amount as Fen, weights);
          expect(parts.reduce((sum, part) => sum + BigInt(part), 0n)).toBe(BigInt(amount));
          const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
          parts.forEach((part, i) => {
            const error = BigInt(part) * total - BigInt(amount) * BigInt(weights[i]); // (part - exact share) × total
            expect(error < total && error > -total).toBe(true);
          });
        },
      ),
    );
  });
});
