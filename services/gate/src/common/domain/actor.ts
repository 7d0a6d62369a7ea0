import type { DomainActor } from '@dw/kernel';

/**
 * Who acts on gate data: managers (vehicles, drivers, the blacklist, staff, alarms), depositors
 * (their orders' appointments, their own staff's visits), gate guards (entries typed at the
 * gatehouse, visitors, alarms), ops (alarms); warehouse staff host visitors; a signed device (a
 * plate camera, a face lane, a sensor, a speed or parking detector) and the order service's facts
 * (`system`, appointments a work order closes).
 */
export type ActorRole = 'manager' | 'gate_guard' | 'ops' | 'depositor' | 'device' | 'system';

export type Actor = DomainActor<ActorRole>;

export { requireRole } from '@dw/kernel';
