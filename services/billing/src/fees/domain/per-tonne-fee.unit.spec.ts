import { refusalOf } from '@dw/testing';
import { perTonneFee } from './per-tonne-fee';

describe('per-tonne fee (integer fen from fen per tonne and kg)', () => {
  it('rounds rate × weight half up to the fen once per charge: 15 fen/t × 33 333 kg is 500 fen', () => {
    // 15 fen/t × 33.333 t = 15 × 33 333 / 1000 = 499 995 / 1000 = 499.995 fen → half up → 500 fen.
    expect(perTonneFee(15, 33_333)).toBe(500);
    // 20 fen/t × 33.333 t = 666 660 / 1000 = 666.66 fen → 667 fen.
    expect(perTonneFee(20, 33_333)).toBe(667);
    // 1 fen/t × 33.333 t = 33.333 fen → 33 fen.
    expect(perTonneFee(1, 33_333)).toBe(33);
    // Exactly half a fen rounds up: 5 fen/t × 0.1 t = 0.5 fen → 1; 5 × 0.099 t = 0.495 fen → 0.
    expect(perTonneFee(5, 100)).toBe(1);
    expect(perTonneFee(5, 99)).toBe(0);
    // A transfer of a 300 t receipt at 50 fen (0.5 yuan) per tonne: 50 × 300 = 15 000 fen (150 yuan).
    expect(perTonneFee(50, 300_000)).toBe(15_000);
    expect(perTonneFee(0, 300_000)).toBe(0);
  });

  it('rounds each day’s charge, so seven days at 1 fen/t × 33 333 kg are 231 fen, not 233', () => {
    // Per day: 1 × 33.333 = 33.333 fen → 33 fen; seven daily charges: 7 × 33 = 231 fen.
    // Rounding the seven days once would give 7 × 33.333 = 233.331 → 233 fen: not the rule.
    const days = Array.from({ length: 7 }, () => perTonneFee(1, 33_333));
    expect(days.reduce((sum, charge) => sum + charge, 0)).toBe(231);
  });

  it('refuses a fractional rate or weight rather than round it away', () => {
    expect(refusalOf(() => perTonneFee(1.5, 33_333)).field).toBe('rateFen');
    expect(refusalOf(() => perTonneFee(15, 33_333.5)).field).toBe('weightKg');
  });
});
