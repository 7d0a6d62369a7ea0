import { kg, refuse, withinTolerance } from '@dw/kernel';

/**
 * How far a lot's net weight may differ from the inbound notice before an alarm is raised, in
 * basis points of the expected weight (rule INV-WEIGHT-TOLERANCE). The public rules name no
 * number; 30 bp (±0.3%) is this project's default because it is the weighing difference ("磅差")
 * commonly accepted between scales for steel delivered on the SHFE, so a difference within it is scale noise, not missing goods.
 * Each lot carries the tolerance it was opened with, so changing the setting never re-judges
 * lots already weighed.
 */
export const DEFAULT_WEIGHT_TOLERANCE_BPS = 30;

export interface ToleranceVerdict {
  readonly withinTolerance: boolean;
  /** net − expected: negative when short, positive when over. */
  readonly differenceKg: number;
  /** The largest whole-kg difference still within tolerance: floor(expected × bp / 10 000). */
  readonly allowedDifferenceKg: number;
}

export function judgeWeight(expectedKg: number, netKg: number, toleranceBps: number): ToleranceVerdict {
  // rule INV-WEIGHT-TOLERANCE
  return {
    withinTolerance: withinTolerance(kg(netKg), kg(expectedKg), { basisPoints: toleranceBps }),
    differenceKg: netKg - expectedKg,
    allowedDifferenceKg: Math.floor((expectedKg * toleranceBps) / 10_000),
  };
}

export function validateToleranceBps(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > 10_000) {
    throw refuse.invalid('TOLERANCE_INVALID', `toleranceBps must be a whole number from 0 to 10000, got ${value}`, 'toleranceBps', {
      value,
    });
  }
  return value;
}
