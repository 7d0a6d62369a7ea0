import { judgeWeight, validateToleranceBps } from './weight-tolerance';

describe('judgeWeight', () => {
  it.each([
    // 100 t expected at 30 bp: 100,000 × 30 / 10,000 = 300 kg either way, boundary included
    [100_000, 100_300, true, 300, 300],
    [100_000, 100_301, false, 301, 300],
    [100_000, 99_700, true, -300, 300],
    [100_000, 99_699, false, -301, 300],
    // 6,001 kg at 30 bp allows 18.003 kg: a whole 18 kg passes, 19 kg does not
    [6_001, 6_019, true, 18, 18],
    [6_001, 6_020, false, 19, 18],
  ])('expected %i kg, net %i kg → within %s (difference %i, allowed %i)', (expectedKg, netKg, within, difference, allowed) => {
    expect(judgeWeight(expectedKg, netKg, 30)).toEqual({ withinTolerance: within, differenceKg: difference, allowedDifferenceKg: allowed });
  });

  it('with 0 bp only the exact weight passes', () => {
    expect(judgeWeight(6_000, 6_000, 0).withinTolerance).toBe(true);
    expect(judgeWeight(6_000, 6_001, 0).withinTolerance).toBe(false);
  });

  it.each([[-1], [10_001], [2.5]])('refuses a tolerance of %p bp', (bps) => {
    expect(() => validateToleranceBps(bps)).toThrow(expect.objectContaining({ code: 'TOLERANCE_INVALID', field: 'toleranceBps' }));
  });
});
