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
  /** One vehicle visit: its entry or refusal at the gate (the weighbridge and exit join it later). */
  visit: (visitId: string): StreamRef => ({ streamId: `visit-${visitId}`, streamType: 'visit' }),
  /** One visitor's visit: asked for or registered, the host's decision, in and out. */
  personVisit: (personVisitId: string): StreamRef => ({ streamId: `person-visit-${personVisitId}`, streamType: 'person-visit' }),
  /** One staff member the face lanes know: registered, deactivated. */
  staff: (staffId: string): StreamRef => ({ streamId: `staff-${staffId}`, streamType: 'staff' }),
  /** One pass through a face lane (`<deviceId>-<passId>`). */
  facePass: (passId: string): StreamRef => ({ streamId: `face-pass-${passId}`, streamType: 'face-pass' }),
  /** One alarm, detected to closed. */
  alarm: (alarmId: string): StreamRef => ({ streamId: `alarm-${alarmId}`, streamType: 'alarm' }),
} as const;
