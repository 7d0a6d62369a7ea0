/**
 * Stream ids and types of the gate service's log. One stream per aggregate instance, so an
 * aggregate's invariants are guarded by its stream's expected version.
 */
export interface StreamRef {
  readonly streamId: string;
  readonly streamType: string;
}

export const streams = {
  /** One plate: its registration (class) and its blacklisting. */
  vehicle: (plate: string): StreamRef => ({ streamId: `vehicle-${plate}`, streamType: 'vehicle' }),
  /** One driver by resident ID number: name, mobile and blacklisting. */
  driver: (residentIdNumber: string): StreamRef => ({ streamId: `driver-${residentIdNumber}`, streamType: 'driver' }),
  /** One work order as the gate knows it (from order.work-order.v1) and the appointments it authorises. */
  gateOrder: (orderId: string): StreamRef => ({ streamId: `gate-order-${orderId}`, streamType: 'gate-order' }),
  /** One slot: a gate's period on a day, and the appointments holding its places. */
  slot: (gate: string, date: string, period: string): StreamRef => ({ streamId: `slot-${gate}-${date}-${period}`, streamType: 'slot' }),
  /** One vehicle visit: its entry or refusal, weighbridge readings and ticket, the loads it carries, exit checks, pass and leaving. */
  visit: (visitId: string): StreamRef => ({ streamId: `visit-${visitId}`, streamType: 'visit' }),
  /** One entitlement as receipt.entitlement.v1 told the gate: granted (with its lots) and exhausted. */
  gateEntitlement: (entitlementId: string): StreamRef => ({ streamId: `gate-entitlement-${entitlementId}`, streamType: 'gate-entitlement' }),
  /** One lot's freeze holds as inventory.lot.v1 told the gate (placed, released). */
  gateLot: (lotId: string): StreamRef => ({ streamId: `gate-lot-${lotId}`, streamType: 'gate-lot' }),
  /** One alarm, detected to closed. */
  alarm: (alarmId: string): StreamRef => ({ streamId: `alarm-${alarmId}`, streamType: 'alarm' }),
} as const;
