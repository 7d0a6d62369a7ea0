import { assertWeightKg, totalKg } from './weight-kg';
import { refusalOf } from '@dw/testing';

describe('receipt weights', () => {
  it('are whole kilograms of at least 1 kg', () => {
    expect(assertWeightKg(1, 'weightKg')).toBe(1);
    for (const bad of [0, -5, 1.5, Number.NaN, 2 ** 53]) {
      const error = refusalOf(() => assertWeightKg(bad, 'children[1].weightKg'));
      expect([error.code, error.field]).toEqual(['INVALID_WEIGHT', 'children[1].weightKg']);
    }
  });

  it('add up exactly and refuse a total beyond the safe range', () => {
    expect(totalKg([300_000, 150_000, 155_000])).toBe(605_000);
    expect(refusalOf(() => totalKg([Number.MAX_SAFE_INTEGER, 1])).code).toBe('WEIGHT_OVERFLOW');
  });
});
