import fc from 'fast-check';
import { Fen, addFen, fen, fenFromBigInt, formatYuan, subtractFen, sumFen, yuanToFen } from './money';

const MAX = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991 fen = 90,071,992,547,409.91 yuan

describe('Fen', () => {
  describe('fen()', () => {
    it('accepts whole fen, negatives only when allowed', () => {
      expect(fen(1234)).toBe(1234);
      expect(fen(0)).toBe(0);
      expect(fen(MAX)).toBe(MAX);
      expect(fen(-150, { allowNegative: true })).toBe(-150);
      expect(Object.is(fen(-0), 0)).toBe(true); // -0 never leaks into amounts
    });

    it.each([
      [1.5, 'not_integer'],
      [Number.NaN, 'not_integer'],
      [Number.POSITIVE_INFINITY, 'not_integer'],
      [MAX + 1, 'unsafe_integer'], // 2^53: the first integer whose neighbour cannot be represented
      [-1, 'negative'],
    ])('refuses %s (%s) naming the field', (value, reason) => {
      expect(() => fen(value, { field: 'storageFee' })).toThrow(
        expect.objectContaining({ code: 'INVALID_AMOUNT', kind: 'invalid', field: 'storageFee', details: expect.objectContaining({ reason }) }),
      );
    });

    it('refuses a value that is not a number (untyped JSON)', () => {
      expect(() => fen('12' as unknown as number)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'amount' }));
    });
  });

  describe('yuanToFen()', () => {
    it.each([
      ['12.34', 1234],
      ['0.05', 5],
      ['12.3', 1230], // one decimal is 30 fen, not 3
      ['12', 1200],
      ['0', 0],
      ['0.00', 0],
      ['90071992547409.91', MAX], // the largest representable amount
    ])('parses %s yuan as %d fen', (text, expected) => {
      expect(yuanToFen(text)).toBe(expected);
    });

    it('parses negatives only when allowed, and -0.00 as 0', () => {
      expect(yuanToFen('-12.34', { allowNegative: true })).toBe(-1234);
      expect(Object.is(yuanToFen('-0.00', { allowNegative: true }), 0)).toBe(true);
      expect(() => yuanToFen('-12.34', { field: 'price' })).toThrow(
        expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'price', details: { value: '-12.34', reason: 'negative' } }),
      );
    });

    it.each([
      ['1.234', 'decimals'], // fen are the smallest unit: a third decimal is refused, not rounded
      ['0.001', 'decimals'],
      ['1e3', 'format'],
      ['1E-2', 'format'],
      ['NaN', 'format'],
      ['Infinity', 'format'],
      ['', 'format'],
      [' 1', 'format'],
      ['1 ', 'format'],
      ['+1', 'format'],
      ['1,000.00', 'format'],
      ['.5', 'format'],
      ['1.', 'format'],
      ['01.00', 'format'],
      ['0x10', 'format'],
      ['１２', 'format'], // full-width digits
      ['90071992547409.92', 'unsafe_integer'], // one fen past the safe range
    ])('refuses %j (%s)', (text, reason) => {
      expect(() => yuanToFen(text)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'amount', details: { value: text, reason } }));
    });

    it('refuses a number where a string is required (floats never carry money in)', () => {
      expect(() => yuanToFen(12.34 as unknown as string)).toThrow(
        expect.objectContaining({ code: 'INVALID_AMOUNT', details: expect.objectContaining({ reason: 'format' }) }),
      );
    });
  });

  describe('formatYuan()', () => {
    it.each([
      [1234, '12.34'],
      [5, '0.05'],
      [100, '1.00'],
      [0, '0.00'],
      [-5, '-0.05'],
      [-1234, '-12.34'],
      [MAX, '90071992547409.91'],
    ])('formats %d fen as %s', (value, text) => {
      expect(formatYuan(value as Fen)).toBe(text);
    });

    it('refuses a forged non-integer Fen', () => {
      expect(() => formatYuan(12.5 as Fen)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    });

    it('round-trips with yuanToFen for every safe amount (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: -MAX, max: MAX }), (value) => {
          expect(yuanToFen(formatYuan(value as Fen), { allowNegative: true })).toBe(value);
        }),
      );
    });
  });

  describe('addition and subtraction', () => {
    it('adds, subtracts and sums exactly', () => {
      // 0.10 + 0.20 yuan is exactly 0.30 here (in binary floating point 0.1 + 0.2 !== 0.3).
      expect(addFen(fen(10), fen(20))).toBe(30);
      expect(subtractFen(fen(100), fen(250))).toBe(-150); // results may go negative (a balance owed)
      expect(sumFen([fen(1234), fen(5), fen(-39, { allowNegative: true })])).toBe(1200);
      expect(sumFen([])).toBe(0);
    });

    it('refuses results beyond the safe range', () => {
      const overflow = expect.objectContaining({ code: 'AMOUNT_OVERFLOW', kind: 'invalid' });
      expect(() => addFen(fen(MAX), fen(1))).toThrow(overflow);
      expect(() => subtractFen(fen(-MAX, { allowNegative: true }), fen(1))).toThrow(overflow);
      expect(() => sumFen([fen(MAX), fen(MAX)])).toThrow(overflow);
      expect(() => fenFromBigInt(BigInt(MAX) + 1n)).toThrow(overflow);
    });

    it('checks only the total of a sum, not the running total', () => {
      expect(sumFen([fen(MAX), fen(1), fen(-1, { allowNegative: true })])).toBe(MAX);
    });

    it('refuses forged operands', () => {
      expect(() => addFen(0.5 as Fen, fen(1))).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
      expect(() => sumFen([fen(1), Number.NaN as Fen])).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    });
  });
});
