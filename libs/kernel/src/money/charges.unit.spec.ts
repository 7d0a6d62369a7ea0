import { kg, tonnesToKg } from '../weight/weight';
import { multiplyRate, percentOf, perTonneCharge } from './charges';
import { Fen, fen, formatYuan, yuanToFen } from './money';

// Fee rules of 《上海期货交易所指定钢材厂库交割办法（试行）》第二十二条–第二十五条 and
// 《上海期货交易所标准仓单交易管理办法（试行）》第四十三条、第四十八条 (not enforced yet: see
// docs/rules.md, Not enforced yet), each worked out by hand in yuan, then written in fen.

describe('perTonneCharge', () => {
  it('late buyer within 15 days: 2 CNY/t/day × 30.5 t × 3 days = 183.00 CNY', () => {
    // 2 × 30.5 = 61 CNY a day; × 3 days = 183.00 CNY = 18300 fen.
    expect(perTonneCharge(yuanToFen('2.00'), tonnesToKg('30.5'), 3)).toBe(18300);
  });

  it('late buyer beyond 15 days: 35 CNY/t × 12.345 t = 432.075 → 432.08 CNY (half-up)', () => {
    // 35 × 12.345 = 432.075; the third decimal 5 rounds the fen up: 432.08 CNY = 43208 fen.
    expect(perTonneCharge(yuanToFen('35'), tonnesToKg('12.345'))).toBe(43208);
    expect(perTonneCharge(yuanToFen('35'), tonnesToKg('12.345'), 1, 'down')).toBe(43207);
  });

  it('late factory within 15 days: 50 CNY/t × 20.5 t = 1025.00 CNY', () => {
    expect(formatYuan(perTonneCharge(yuanToFen('50'), tonnesToKg('20.5')))).toBe('1025.00');
  });

  it('late factory beyond 15 days: settlement price × tonnes × 130%, rounded once', () => {
    // 3456.78 CNY/t × 10.001 t = 34571.25678; × 1.3 = 44942.633814 → 44942.63 CNY = 4494263 fen.
    // Rounding the 34571.26 first and then taking 130% would give 44942.638 → 44942.64: one fen off.
    const price = yuanToFen('3456.78');
    const notShipped = tonnesToKg('10.001');
    expect(perTonneCharge(price, notShipped, { numerator: 130, denominator: 100 })).toBe(4494263);
    expect(percentOf(perTonneCharge(price, notShipped), 13_000)).toBe(4494264); // the double rounding, for contrast
  });

  it('over/short settlement may be negative: 3500 CNY/t × -0.125 t = -437.50 CNY', () => {
    // 125 kg short at 3500 CNY/t: 3500 × 0.125 = 437.5 CNY refunded.
    expect(perTonneCharge(fen(350000), kg(-125, { allowNegative: true }))).toBe(-43750);
  });

  it('rounds a negative half away from zero, as it does a positive one', () => {
    // 1 fen/t × -500 kg = -0.5 fen → -1 fen (the same magnitude as +0.5 → +1).
    expect(perTonneCharge(fen(1), kg(-500, { allowNegative: true }))).toBe(-1);
    expect(perTonneCharge(fen(1), kg(500))).toBe(1);
  });

  it('refuses bad multipliers and operands', () => {
    expect(() => perTonneCharge(fen(200), kg(1000), -1)).toThrow(expect.objectContaining({ code: 'INVALID_MULTIPLIER', field: 'multiplier' }));
    expect(() => perTonneCharge(fen(200), kg(1000), 1.5)).toThrow(expect.objectContaining({ code: 'INVALID_INTEGER', field: 'multiplier' }));
    expect(() => perTonneCharge(fen(200), kg(1000), { numerator: 13, denominator: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RATIO', field: 'multiplier.denominator' }),
    );
    expect(() => perTonneCharge(1.5 as Fen, kg(1000))).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'rateFenPerTonne' }));
  });

  it('refuses a result beyond the safe range', () => {
    // 90,071,992,547,409.91 CNY/t × 2 t overflows.
    expect(() => perTonneCharge(fen(Number.MAX_SAFE_INTEGER), kg(2000))).toThrow(expect.objectContaining({ code: 'AMOUNT_OVERFLOW' }));
  });
});

describe('percentOf', () => {
  it('0.5% of 12,345.67 CNY = 61.72835 → 61.73 CNY (6173 fen)', () => {
    // 1,234,567 fen × 50 bp / 10,000 = 6172.835 fen → 6173 half-up.
    expect(percentOf(fen(1_234_567), 50)).toBe(6173);
    expect(percentOf(fen(1_234_567), 50, 'down')).toBe(6172);
  });

  it('invoice deposit: 20% of 1,000,000.01 CNY = 200,000.002 → 200,000.00 CNY', () => {
    expect(percentOf(yuanToFen('1000000.01'), 2000)).toBe(20_000_000);
  });

  it('late-invoice penalty days 11-30: 1% a day of 88,888.88 CNY = 888.8888 → 888.89 CNY', () => {
    expect(percentOf(yuanToFen('88888.88'), 100)).toBe(88_889);
  });

  it('130% is 13000 bp and 0 bp is nothing', () => {
    expect(percentOf(fen(100_000), 13_000)).toBe(130_000);
    expect(percentOf(fen(100_000), 0)).toBe(0);
  });

  it('refuses negative or fractional basis points', () => {
    expect(() => percentOf(fen(100), -50)).toThrow(expect.objectContaining({ code: 'INVALID_BASIS_POINTS', field: 'basisPoints' }));
    expect(() => percentOf(fen(100), 0.5)).toThrow(expect.objectContaining({ code: 'INVALID_INTEGER', field: 'basisPoints' }));
  });
});

describe('multiplyRate', () => {
  it('multiplies by a ratio, rounding once', () => {
    // 100.01 CNY × 2/3 = 66.6733... → 66.67 CNY; 'up' gives 66.68.
    expect(multiplyRate(yuanToFen('100.01'), { numerator: 2, denominator: 3 })).toBe(6667);
    expect(multiplyRate(yuanToFen('100.01'), { numerator: 2, denominator: 3 }, 'up')).toBe(6668);
    // 130% of 0.05 CNY = 0.065 → 0.07 CNY.
    expect(multiplyRate(fen(5), { numerator: 130, denominator: 100 })).toBe(7);
  });

  it('refuses a ratio without a positive whole denominator', () => {
    expect(() => multiplyRate(fen(5), { numerator: 1, denominator: -3 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RATIO', field: 'rate.denominator' }),
    );
    expect(() => multiplyRate(fen(5), { numerator: 0.5, denominator: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INTEGER', field: 'rate.numerator' }),
    );
  });
});
