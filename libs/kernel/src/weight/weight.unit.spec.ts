import fc from 'fast-check';
import { Kg, addKg, formatTonnes, kg, subtractKg, sumKg, tonnesToKg, withinTolerance } from './weight';

const MAX = Number.MAX_SAFE_INTEGER;

describe('Kg', () => {
  describe('kg()', () => {
    it('accepts whole kilograms, negatives only when allowed', () => {
      expect(kg(30_500)).toBe(30_500);
      expect(kg(-125, { allowNegative: true })).toBe(-125);
    });

    it.each([
      [12.5, 'not_integer'], // scales report whole kilograms
      [Number.NaN, 'not_integer'],
      [MAX + 1, 'unsafe_integer'],
      [-1, 'negative'],
    ])('refuses %s (%s)', (value, reason) => {
      expect(() => kg(value, { field: 'gross' })).toThrow(
        expect.objectContaining({ code: 'INVALID_WEIGHT', kind: 'invalid', field: 'gross', details: expect.objectContaining({ reason }) }),
      );
    });
  });

  describe('tonnesToKg()', () => {
    it.each([
      ['12.345', 12_345],
      ['30.5', 30_500], // 30.5 t is 30,500 kg, not 305
      ['12', 12_000],
      ['0.001', 1],
      ['0', 0],
    ])('parses %s t as %d kg', (text, expected) => {
      expect(tonnesToKg(text)).toBe(expected);
    });

    it('parses negatives only when allowed', () => {
      expect(tonnesToKg('-0.125', { allowNegative: true })).toBe(-125);
      expect(() => tonnesToKg('-0.125')).toThrow(expect.objectContaining({ code: 'INVALID_WEIGHT', details: { value: '-0.125', reason: 'negative' } }));
    });

    it.each([
      ['12.3456', 'decimals'], // below a kilogram
      ['1e3', 'format'],
      ['', 'format'],
      ['12,345', 'format'],
      ['.5', 'format'],
      ['NaN', 'format'],
      ['9007199254740.992', 'unsafe_integer'],
    ])('refuses %j (%s)', (text, reason) => {
      expect(() => tonnesToKg(text, { field: 'quantity' })).toThrow(
        expect.objectContaining({ code: 'INVALID_WEIGHT', field: 'quantity', details: { value: text, reason } }),
      );
    });
  });

  describe('formatTonnes()', () => {
    it.each([
      [12_345, '12.345'],
      [30_500, '30.500'],
      [1, '0.001'],
      [0, '0.000'],
      [-125, '-0.125'],
    ])('formats %d kg as %s t', (value, text) => {
      expect(formatTonnes(value as Kg)).toBe(text);
    });

    it('round-trips with tonnesToKg (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: -MAX, max: MAX }), (value) => {
          expect(tonnesToKg(formatTonnes(value as Kg), { allowNegative: true })).toBe(value);
        }),
      );
    });
  });

  describe('arithmetic', () => {
    it('adds, subtracts and sums exactly', () => {
      expect(addKg(kg(30_500), kg(12_345))).toBe(42_845);
      expect(subtractKg(kg(29_875), kg(30_000))).toBe(-125); // a shortfall of 125 kg
      expect(sumKg([kg(1), kg(2), kg(3)])).toBe(6);
      expect(sumKg([])).toBe(0);
    });

    it('refuses results beyond the safe range', () => {
      expect(() => addKg(kg(MAX), kg(1))).toThrow(expect.objectContaining({ code: 'WEIGHT_OVERFLOW', kind: 'invalid' }));
      expect(() => subtractKg(kg(-MAX, { allowNegative: true }), kg(1))).toThrow(expect.objectContaining({ code: 'WEIGHT_OVERFLOW' }));
      expect(() => sumKg([kg(MAX), kg(MAX)])).toThrow(expect.objectContaining({ code: 'WEIGHT_OVERFLOW' }));
    });

    it('refuses forged operands', () => {
      expect(() => addKg(1.5 as Kg, kg(1))).toThrow(expect.objectContaining({ code: 'INVALID_WEIGHT' }));
    });
  });

  describe('withinTolerance', () => {
    it('takes basis points of the expected weight, boundary included', () => {
      // 0.3% (30 bp) of 30,000 kg = 90 kg: 30,090 and 29,910 are within, 30,091 and 29,909 are not.
      const tolerance = { basisPoints: 30 };
      expect(withinTolerance(kg(30_090), kg(30_000), tolerance)).toBe(true);
      expect(withinTolerance(kg(29_910), kg(30_000), tolerance)).toBe(true);
      expect(withinTolerance(kg(30_091), kg(30_000), tolerance)).toBe(false);
      expect(withinTolerance(kg(29_909), kg(30_000), tolerance)).toBe(false);
    });

    it('compares a fractional basis-point tolerance exactly, without rounding it', () => {
      // 30 bp of 12,345 kg = 37.035 kg: a 37 kg difference is within, 38 kg is not.
      expect(withinTolerance(kg(12_382), kg(12_345), { basisPoints: 30 })).toBe(true);
      expect(withinTolerance(kg(12_383), kg(12_345), { basisPoints: 30 })).toBe(false);
    });

    it('takes an absolute tolerance in kg', () => {
      expect(withinTolerance(kg(30_050), kg(30_000), { kg: kg(50) })).toBe(true);
      expect(withinTolerance(kg(29_949), kg(30_000), { kg: kg(50) })).toBe(false);
      expect(withinTolerance(kg(30_000), kg(30_000), { kg: kg(0) })).toBe(true);
    });

    it('refuses negative or fractional tolerances', () => {
      expect(() => withinTolerance(kg(1), kg(1), { basisPoints: -1 })).toThrow(
        expect.objectContaining({ code: 'INVALID_TOLERANCE', field: 'tolerance.basisPoints' }),
      );
      expect(() => withinTolerance(kg(1), kg(1), { basisPoints: 2.5 })).toThrow(expect.objectContaining({ code: 'INVALID_TOLERANCE' }));
      expect(() => withinTolerance(kg(1), kg(1), { kg: -5 as Kg })).toThrow(expect.objectContaining({ code: 'INVALID_WEIGHT', field: 'tolerance.kg' }));
    });
  });
});
