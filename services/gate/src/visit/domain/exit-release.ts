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

/** The entitlement behind one outbound order, as the gate learnt it. */
export interface OrderEntitlement {
  /** The entitlement the order was opened from (null: none known). */
  readonly entitlementId: string | null;
  /** That entitlement's lots once receipt.entitlement.v1 granted it (live); null when never granted. */
  readonly lotIds: readonly string[] | null;
}

/** What the gate knows, at the exit check, about the visit's appointment and the entitlements behind the orders at stake. */
export interface ExitFacts {
  /** The visit's appointment and whether it still stands: the appointment not closed, its order not cancelled. Null: it came on none. */
  readonly appointment: { readonly orderId: string; readonly confirmed: boolean } | null;
  /** Each order at stake (the appointment's and every load's), by order id: each load answers to its own order's entitlement. */
  readonly orders: Readonly<Record<string, OrderEntitlement>>;
  /** Lots of those entitlements or the loads under an unreleased freeze hold (a pledge, a court order); reservations do not hold. */
  readonly frozenLotIds: readonly string[];
}

/** The orders an exit check judges: every load's, and the appointment's. */
export function ordersAtStake(loads: readonly CarriedLoad[], appointment: ExitFacts['appointment']): string[] {
  return [...new Set([...(appointment ? [appointment.orderId] : []), ...loads.map((load) => load.orderId)])];
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
 * behind each order at stake is live and none of its lots (or the loaded ones) is frozen, and every
 * load left under its own order's entitlement with lots that entitlement lists (so a truck loaded
 * under another order fails (1) alone: those pieces are that order's to take); (3) the weighbridge net is within the
 * lots' tolerance of the notes' net: |net − notes| × 10,000 ≤ notes × bp, exactly, the smallest
 * tolerance when the lots differ. Each condition is judged on its own, so a hold names all that fail.
 */
export function exitVerdictOf(loads: readonly CarriedLoad[], measuredNetKg: number, facts: ExitFacts): ExitVerdict {
  // rule GATE-EXIT-RELEASE
  const conditions: ExitCondition[] = [];
  const { appointment, orders } = facts;
  if (appointment === null || !appointment.confirmed || loads.some((load) => load.orderId !== appointment.orderId)) conditions.push('no_appointment');
  const entitlements = ordersAtStake(loads, appointment).map((orderId) => orders[orderId]);
  const lotsAtStake = new Set([...entitlements.flatMap((order) => order?.lotIds ?? []), ...loads.flatMap((load) => load.lotIds)]);
  const notLive = entitlements.some((order) => !order || order.entitlementId === null || order.lotIds === null);
  if (notLive || facts.frozenLotIds.some((lotId) => lotsAtStake.has(lotId))) conditions.push('entitlement_held');
  const outsideItsOrder = (load: CarriedLoad) => {
    const order = orders[load.orderId];
    return !order || load.entitlementId !== order.entitlementId || load.lotIds.some((lotId) => !(order.lotIds ?? []).includes(lotId));
  };
  if (loads.some(outsideItsOrder)) conditions.push('pieces_not_entitled');
  const notesNetKg = sumKg(loads.map((load) => kg(load.netKg)));
  const toleranceBps = loads.length === 0 ? 0 : Math.min(...loads.map((load) => load.toleranceBps));
  if (!withinTolerance(kg(measuredNetKg, { allowNegative: true }), notesNetKg, { basisPoints: toleranceBps })) conditions.push('net_outside_tolerance');
  return { conditions, notesNetKg, toleranceBps };
}
