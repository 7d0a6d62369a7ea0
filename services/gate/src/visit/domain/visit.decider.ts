import { type Command, type Decider, type DomainEvent, requireInstant, requireText, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import type { BlacklistEntry } from '../../vehicle/domain/blacklisting';
import { requirePlate } from '../../vehicle/domain/plate';
import type { VehicleClass, VehicleClassRules } from '../../vehicle/domain/vehicle-classes';

export type EntryMethod = 'plate_camera' | 'guard';
export type VisitPurpose = 'pickup' | 'delivery' | 'internal' | 'special';
export type RefusalReason = 'blacklisted' | 'no_appointment' | 'guard_release_required';

/** The day's appointment a vehicle arrives on, as the order's stream has it. */
export interface ArrivingOn {
  readonly appointmentId: string;
  readonly orderId: string;
  readonly purpose: 'pickup' | 'delivery';
}

export type RecordEntry = Command<
  'RecordEntry',
  {
    readonly visitId: string;
    readonly plate: string;
    readonly gate: string;
    readonly method: EntryMethod;
    /** The guard's reason (required when a guard types the plate); '' for a camera read. */
    readonly reason: string;
    /** The camera's client id; '' for a guard. */
    readonly deviceId: string;
    readonly vehicleClass: VehicleClass;
    readonly rules: VehicleClassRules;
    readonly blacklisted: BlacklistEntry | null;
    readonly appointment: ArrivingOn | null;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type VisitCommand = RecordEntry;

interface EntryFacts {
  readonly visitId: string;
  readonly plate: string;
  readonly vehicleClass: VehicleClass;
  readonly gate: string;
  readonly method: EntryMethod;
  readonly deviceId: string;
  readonly actor: Actor;
  readonly at: string;
}

export type VehicleAdmitted = DomainEvent<
  'VehicleAdmitted',
  EntryFacts & {
    readonly purpose: VisitPurpose;
    readonly appointmentId: string | null;
    readonly orderId: string | null;
    readonly reason: string;
    readonly needsWeighbridge: boolean;
  }
>;
export type VehicleRefused = DomainEvent<'VehicleRefused', EntryFacts & { readonly reasons: readonly RefusalReason[]; readonly note: string }>;
export type VisitEvent = VehicleAdmitted | VehicleRefused;

/** One vehicle visit: how it came in (or was turned away). The weighbridge and the exit will extend it. */
export interface VisitState {
  readonly entry: VisitEvent | null;
}

export const visitDecider: Decider<VisitCommand, VisitState, VisitEvent> = {
  initialState: () => ({ entry: null }),
  evolve: (_state, event) => ({ entry: event }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordEntry':
        return recordEntry(command, state);
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};

/**
 * The gate's decision on a vehicle, from its class's rules (data) and the day's appointment: a
 * blacklisted plate never comes in; a class that needs a guard's release is refused on a camera
 * read alone; a class that needs an appointment comes in only on one, unless a guard releases it
 * with a reason and the class allows that. Refusals are recorded like entries. A visit decides
 * once: a repeated read of the same visit changes nothing.
 */
function recordEntry(command: RecordEntry, state: VisitState): VisitEvent[] {
  // rules GATE-ENTRY-RELEASE, GATE-ENTRY-RECORDED, GATE-BLACKLIST-BARS
  const { visitId, gate, method, deviceId, vehicleClass, rules, blacklisted, appointment, actor } = command.data;
  requireRole(actor, method === 'guard' ? ['gate_guard'] : ['device'], 'let vehicles in');
  const plate = requirePlate(command.data.plate, 'plate');
  const at = requireInstant(command.data.at, 'at');
  // A guard who types a plate says why (the camera missed it, a special vehicle): who let it through and why is the record.
  const reason = method === 'guard' ? requireText(command.data.reason, 'reason') : '';
  if (state.entry !== null) return [];
  const facts: EntryFacts = { visitId, plate, vehicleClass, gate, method, deviceId, actor, at };
  const reasons: RefusalReason[] = [];
  if (blacklisted !== null) reasons.push('blacklisted');
  if (rules.needsGuardRelease && method !== 'guard') reasons.push('guard_release_required');
  const releasedWithoutAppointment = method === 'guard' && rules.guardMayReleaseWithoutAppointment;
  if (rules.needsAppointment && appointment === null && !releasedWithoutAppointment) reasons.push('no_appointment');
  if (reasons.length > 0) return [{ type: 'VehicleRefused', data: { ...facts, reasons, note: reason } }];
  const purpose: VisitPurpose = appointment?.purpose ?? (vehicleClass === 'special' ? 'special' : 'internal');
  return [
    {
      type: 'VehicleAdmitted',
      data: {
        ...facts,
        purpose,
        appointmentId: appointment?.appointmentId ?? null,
        orderId: appointment?.orderId ?? null,
        reason,
        needsWeighbridge: rules.needsWeighbridge,
      },
    },
  ];
}
