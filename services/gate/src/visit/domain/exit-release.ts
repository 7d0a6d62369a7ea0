import { kg, sumKg, withinTolerance } from '@dw/kernel';

/** One load-out note a vehicle carries out, as the gate learnt it from inventory's PiecesShippedOut (one message per lot of the note). */
export interface CarriedLoad {
  readonly noteId: string;
  readonly orderId: string;
  /** The entitlement the pieces left under; null when the load-out named none. */
  readonly entitlementId: string | null;
  readonly lotIds: readonly string[];
  readonly pieces: number;
  readonly netKg: number;
  /** The smallest weight tolerance of the note's lots, in basis points. */
  readonly toleranceBps: number;
}

/** What the gate knows, at the exit check, about the visit's appointment and the entitlement behind its order. */
export interface ExitFacts {
  /** The visit's appointment and whether it still stands: the appointment not closed, its order not cancelled. Null: it came on none. */
  readonly appointment: { readonly orderId: string; readonly confirmed: boolean } | null;
  /** The entitlement the order was opened from (null: none known). */
  readonly orderEntitlementId: string | null;
  /** That entitlement as receipt.entitlement.v1 told it: granted (live) and its lots; null when never granted. */
  readonly entitlement: { readonly lotIds: readonly string[] } | null;
  /** Lots of the entitlement or the loads under an unreleased freeze hold (a pledge, a court order); reservations do not hold. */
  readonly frozenLotIds: readonly string[];
}

export const EXIT_CONDITIONS = ['no_appointment', 'entitlement_held', 'pieces_not_entitled', 'net_outside_tolerance', 'not_weighed'] as const;
export type ExitCondition = (typeof EXIT_CONDITIONS)[number];

export interface ExitVerdict {
  /** The failed conditions, in the order of EXIT_CONDITIONS; empty: the vehicle may leave. */
  readonly conditions: readonly ExitCondition[];
  /** The sum of the load-out notes' net. */
  readonly notesNetKg: number;
  /** The smallest tolerance of the lots carried (0 with no load). */
  readonly toleranceBps: number;
}

/**
 * The exit release of a vehicle carrying goods out: it leaves only when (1) every load's order is
 * the order of the appointment it came on and that appointment still stands; (2) the entitlement
 * behind the order is live and none of its lots (or the loaded ones) is frozen, and every loaded
 * lot left under that entitlement and is one it lists; (3) the weighbridge net is within the
 * lots' tolerance of the notes' net: |net − notes| × 10,000 ≤ notes × bp, exactly, the smallest
 * tolerance when the lots differ. Each condition is judged on its own, so a hold names all that fail.
 */
export function exitVerdictOf(loads: readonly CarriedLoad[], measuredNetKg: number, facts: ExitFacts): ExitVerdict {
  // rule GATE-EXIT-RELEASE
  const conditions: ExitCondition[] = [];
  const { appointment, orderEntitlementId, entitlement } = facts;
  if (appointment === null || !appointment.confirmed || loads.some((load) => load.orderId !== appointment.orderId)) conditions.push('no_appointment');
  const loadedLots = loads.flatMap((load) => load.lotIds);
  const lotsAtStake = new Set([...(entitlement?.lotIds ?? []), ...loadedLots]);
  if (orderEntitlementId === null || entitlement === null || facts.frozenLotIds.some((lotId) => lotsAtStake.has(lotId))) conditions.push('entitlement_held');
  const entitled = new Set(entitlement?.lotIds ?? []);
  if (loads.some((load) => load.entitlementId !== orderEntitlementId) || loadedLots.some((lotId) => !entitled.has(lotId))) {
    conditions.push('pieces_not_entitled');
  }
  const notesNetKg = sumKg(loads.map((load) => kg(load.netKg)));
  const toleranceBps = loads.length === 0 ? 0 : Math.min(...loads.map((load) => load.toleranceBps));
  if (!withinTolerance(kg(measuredNetKg, { allowNegative: true }), notesNetKg, { basisPoints: toleranceBps })) conditions.push('net_outside_tolerance');
  return { conditions, notesNetKg, toleranceBps };
}

/** The tolerance in whole kg (rounded down) the notes' net allows, as shown on a hold: never used to decide, the exact comparison decides. */
export const allowedDifferenceKg = (notesNetKg: number, toleranceBps: number): number => Math.floor((notesNetKg * toleranceBps) / 10_000);
