import { kg, refuse, withinTolerance } from '@dw/kernel';

/**
 * How far a lot's net weight may differ from the inbound notice before an alarm is raised, in
 * basis points of the expected weight (rule INV-WEIGHT-TOLERANCE). The public rules name no
 * number, so none is written here: each commodity's tolerance is data, published by a manager as
 * dated versions (rule INV-TOLERANCE-VERSIONS), and a lot is opened with the version in force on
 * that day. Each lot carries the tolerance it was opened with, so a later version never re-judges
 * lots already weighed.
 */
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
