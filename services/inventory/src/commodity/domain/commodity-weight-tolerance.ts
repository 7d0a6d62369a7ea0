import { LocalDate, localDate, refuse, requireInstant, shanghaiDateOf } from '@dw/kernel';
import { validateToleranceBps } from '../../lot/domain/weight-tolerance';

/**
 * One dated version of a commodity's inbound weight tolerance, in basis points of the notice's
 * expected weight. The number is data, published by a manager from the warehouse's storage
 * contract with the depositor or the exchange's delivery rules for the commodity; the code holds
 * none. A version is never edited: a change is a new version effective from a later date.
 */
export interface WeightToleranceVersion {
  readonly version: number;
  readonly effectiveFrom: LocalDate;
  readonly toleranceBps: number;
}

/**
 * Decides a new version after `versions` (ascending): it takes effect today (Shanghai) or later,
 * and after the latest one, so no published tolerance changes for a day already begun and every
 * lot keeps being judged by the version in force on the day it was opened.
 */
export function nextToleranceVersion(
  versions: readonly WeightToleranceVersion[],
  request: { effectiveFrom: string; toleranceBps: number; at: string },
): WeightToleranceVersion {
  // rule INV-TOLERANCE-VERSIONS
  const today = shanghaiDateOf(new Date(requireInstant(request.at, 'at')), 'at');
  const effectiveFrom = localDate(request.effectiveFrom, 'effectiveFrom');
  const toleranceBps = validateToleranceBps(request.toleranceBps);
  if (effectiveFrom < today) {
    throw refuse.invalid('RULE_EFFECTIVE_DATE_IN_PAST', `a tolerance version cannot take effect before today (${today})`, 'effectiveFrom', {
      effectiveFrom,
      today,
    });
  }
  const latest = versions.at(-1);
  if (latest && effectiveFrom <= latest.effectiveFrom) {
    throw refuse.conflict('RULE_EFFECTIVE_DATE_NOT_AFTER_LATEST', `version ${latest.version} already takes effect on ${latest.effectiveFrom}`, {
      effectiveFrom,
      latestVersion: latest.version,
      latestEffectiveFrom: latest.effectiveFrom,
    });
  }
  return { version: versions.length + 1, effectiveFrom, toleranceBps };
}

/**
 * The tolerance in force for `code` on `date`: the latest version effective on or before it. A
 * commodity with none has no agreed weighing difference, so no lot of it can be judged on arrival:
 * `NO_WEIGHT_TOLERANCE_IN_FORCE`, and the inbound order opens no lot until a manager publishes one.
 */
export function toleranceInForceOn(versions: readonly WeightToleranceVersion[] | undefined, code: string, date: LocalDate): WeightToleranceVersion {
  // rule INV-TOLERANCE-VERSIONS
  const inForce = (versions ?? []).filter((version) => version.effectiveFrom <= date).at(-1);
  if (!inForce) {
    throw refuse.conflict('NO_WEIGHT_TOLERANCE_IN_FORCE', `no inbound weight tolerance of ${code} is in force on ${date}`, { code, date });
  }
  return inForce;
}
