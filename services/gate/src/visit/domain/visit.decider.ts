import { type Command, type Decider, type DomainEvent, kg, refuse, requireInstant, requireText, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import { type CarriedLoad, type ExitCondition, type ExitFacts, exitVerdictOf } from './exit-release';
import { type ExitPass, exitPassCanonicalBytes, exitPassNumberOf } from './exit-pass';
import { weighTicketNumberOf, weighTicketOf } from './weigh-ticket';
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
export type Weighing = 'tare' | 'gross';
export type ExitMethod = 'plate_camera' | 'guard';

/** A reading of the signed weighbridge scale for the vehicle on it. */
export type RecordWeighing = Command<
  'RecordWeighing',
  {
    readonly visitId: string;
    readonly readingId: string;
    readonly deviceId: string;
    readonly weightKg: number;
    readonly readAt: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;
/** A load-out note's pieces of one lot left on this vehicle (inventory's PiecesShippedOut). */
export type LearnLoad = Command<'LearnLoad', { readonly visitId: string; readonly load: CarriedLoad; readonly lotId: string; readonly at: string }>;
/** Run the exit check: the facts the gate knows about the appointment and the entitlement, and the gate's signer for a pass. */
export type CheckExit = Command<
  'CheckExit',
  {
    readonly visitId: string;
    readonly facts: ExitFacts;
    readonly sign: (canonical: Uint8Array) => string;
    readonly actor: Actor;
    readonly at: string;
  }
>;
/** The vehicle at the exit barrier. */
export type LeaveSite = Command<
  'LeaveSite',
  {
    readonly visitId: string;
    readonly gate: string;
    readonly method: ExitMethod;
    readonly reason: string;
    readonly deviceId: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type VisitCommand = RecordEntry | RecordWeighing | LearnLoad | CheckExit | LeaveSite;

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
export interface WeighingFacts {
  readonly visitId: string;
  readonly plate: string;
  readonly weighing: Weighing;
  readonly weightKg: number;
  readonly deviceId: string;
  readonly readingId: string;
  readonly readAt: string;
  readonly at: string;
}
export type VehicleWeighed = DomainEvent<'VehicleWeighed', WeighingFacts>;
export type WeighTicketIssued = DomainEvent<
  'WeighTicketIssued',
  {
    readonly visitId: string;
    readonly ticketNumber: string;
    readonly plate: string;
    readonly gate: string;
    readonly tareKg: number;
    readonly grossKg: number;
    readonly netKg: number;
    readonly tareDeviceId: string;
    readonly tareReadingId: string;
    readonly tareReadAt: string;
    readonly grossDeviceId: string;
    readonly grossReadingId: string;
    readonly grossReadAt: string;
    readonly sha256: string;
    readonly issuedAt: string;
  }
>;
/** A lot's part of a load-out note learnt for this vehicle (the gate's own record; not published). */
export type LoadLearnt = DomainEvent<'LoadLearnt', { readonly visitId: string; readonly lotId: string; readonly load: CarriedLoad; readonly at: string }>;
export type VehicleHeldAtExit = DomainEvent<
  'VehicleHeldAtExit',
  {
    readonly visitId: string;
    readonly plate: string;
    readonly gate: string;
    readonly conditions: readonly ExitCondition[];
    /** One red exit_held alarm per condition, in the same order. */
    readonly alarmIds: readonly string[];
    readonly loads: readonly CarriedLoad[];
    readonly measuredNetKg: number;
    readonly notesNetKg: number;
    readonly toleranceBps: number;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type ExitPassIssued = DomainEvent<'ExitPassIssued', ExitPass & { readonly signature: string; readonly actor: Actor }>;
export type VehicleLeft = DomainEvent<
  'VehicleLeft',
  {
    readonly visitId: string;
    readonly plate: string;
    readonly vehicleClass: VehicleClass;
    readonly purpose: VisitPurpose;
    readonly gate: string;
    /** Null for a vehicle that carried nothing out. */
    readonly passNumber: string | null;
    readonly method: ExitMethod;
    readonly reason: string;
    readonly deviceId: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type VisitEvent = VehicleAdmitted | VehicleRefused | VehicleWeighed | WeighTicketIssued | LoadLearnt | VehicleHeldAtExit | ExitPassIssued | VehicleLeft;
export type EntryEvent = VehicleAdmitted | VehicleRefused;

/** One vehicle visit: how it came in (or was turned away), its weighbridge readings and ticket, the loads it carries, the exit checks, its pass and its leaving. */
export interface VisitState {
  readonly entry: EntryEvent | null;
  readonly weighings: readonly WeighingFacts[];
  readonly ticket: WeighTicketIssued['data'] | null;
  readonly loads: readonly CarriedLoad[];
  /** Each lot's part learnt, `<noteId>/<lotId>`, so a repeated message adds nothing. */
  readonly learnt: readonly string[];
  readonly holds: readonly VehicleHeldAtExit['data'][];
  readonly pass: ExitPassIssued['data'] | null;
  readonly left: VehicleLeft['data'] | null;
}

/** Adds a lot's part to its note's load: lots joined, pieces and net summed, the smallest tolerance kept. */
function withLoad(loads: readonly CarriedLoad[], part: CarriedLoad): CarriedLoad[] {
  const existing = loads.find((load) => load.noteId === part.noteId);
  if (existing === undefined) return [...loads, part];
  const merged: CarriedLoad = {
    ...existing,
    lotIds: [...existing.lotIds, ...part.lotIds],
    pieces: existing.pieces + part.pieces,
    netKg: existing.netKg + part.netKg,
    toleranceBps: Math.min(existing.toleranceBps, part.toleranceBps),
  };
  return loads.map((load) => (load.noteId === part.noteId ? merged : load));
}

function evolveVisit(state: VisitState, event: VisitEvent): VisitState {
  switch (event.type) {
    case 'VehicleAdmitted':
    case 'VehicleRefused':
      return { ...state, entry: event };
    case 'VehicleWeighed':
      return { ...state, weighings: [...state.weighings, event.data] };
    case 'WeighTicketIssued':
      return { ...state, ticket: event.data };
    case 'LoadLearnt':
      return { ...state, loads: withLoad(state.loads, event.data.load), learnt: [...state.learnt, `${event.data.load.noteId}/${event.data.lotId}`] };
    case 'VehicleHeldAtExit':
      return { ...state, holds: [...state.holds, event.data] };
    case 'ExitPassIssued':
      return { ...state, pass: event.data };
    case 'VehicleLeft':
      return { ...state, left: event.data };
  }
}

export const visitDecider: Decider<VisitCommand, VisitState, VisitEvent> = {
  initialState: () => ({ entry: null, weighings: [], ticket: null, loads: [], learnt: [], holds: [], pass: null, left: null }),
  evolve: evolveVisit,
  decide(command, state) {
    switch (command.type) {
      case 'RecordEntry':
        return recordEntry(command, state);
      case 'RecordWeighing':
        return recordWeighing(command, state);
      case 'LearnLoad':
        return learnLoad(command, state);
      case 'CheckExit':
        return checkExit(command, state);
      case 'LeaveSite':
        return leaveSite(command, state);
      default:
        return unhandledCommand(command satisfies never);
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

/** The visit of a vehicle on site: admitted and not yet gone. */
function requireOnSite(state: VisitState, visitId: string): VehicleAdmitted['data'] {
  if (state.entry === null || state.entry.type !== 'VehicleAdmitted' || state.left !== null) {
    throw refuse.conflict('VISIT_NOT_ON_SITE', `visit ${visitId} is not a vehicle on site`, { visitId });
  }
  return state.entry.data;
}

/** Whether the vehicle takes goods out: a pickup, or any vehicle a load-out note names. */
export const carriesGoods = (state: VisitState): boolean =>
  (state.entry?.type === 'VehicleAdmitted' && state.entry.data.purpose === 'pickup') || state.loads.length > 0;

/**
 * The weighbridge scale's reading of the vehicle on it: a signed device, never a person. A pickup
 * is weighed empty on the way in (tare) and loaded on the way out (gross); a delivery the other
 * way round. The second reading issues the weigh ticket (net = gross − tare); a third is refused,
 * as is a class that is not weighed. The same reading again (scale and reading id) adds nothing.
 */
function recordWeighing(command: RecordWeighing, state: VisitState): VisitEvent[] {
  // rules GATE-WEIGH-FROM-SCALE, GATE-WEIGH-TICKET
  const { visitId, readingId, deviceId, actor } = command.data;
  requireRole(actor, ['device'], 'weigh vehicles');
  const at = requireInstant(command.data.at, 'at');
  const readAt = requireInstant(command.data.readAt, 'readAt');
  const weightKg = kg(command.data.weightKg, { field: 'weightKg' });
  if (state.weighings.some((w) => w.deviceId === deviceId && w.readingId === readingId)) return [];
  const entry = requireOnSite(state, visitId);
  if (!entry.needsWeighbridge) {
    throw refuse.conflict('VEHICLE_NOT_WEIGHED', `a ${entry.vehicleClass} vehicle is not weighed on the weighbridge`, {
      visitId,
      vehicleClass: entry.vehicleClass,
    });
  }
  if (state.weighings.length >= 2) {
    throw refuse.conflict('VEHICLE_ALREADY_WEIGHED', `visit ${visitId} has its tare and gross already`, { visitId, ticketNumber: state.ticket?.ticketNumber });
  }
  const inbound = entry.purpose === 'delivery';
  const weighing: Weighing = (state.weighings.length === 0) !== inbound ? 'tare' : 'gross';
  const weighed: WeighingFacts = { visitId, plate: entry.plate, weighing, weightKg, deviceId, readingId, readAt, at };
  if (state.weighings.length === 0) return [{ type: 'VehicleWeighed', data: weighed }];
  const first = state.weighings[0]!;
  const [tare, gross] = weighing === 'gross' ? [first, weighed] : [weighed, first];
  if (gross.weightKg < tare.weightKg) {
    throw refuse.invalid('GROSS_BELOW_TARE', `the gross ${gross.weightKg} kg is below the tare ${tare.weightKg} kg`, 'weightKg', {
      tareKg: tare.weightKg,
      grossKg: gross.weightKg,
    });
  }
  const facts = {
    ticketNumber: weighTicketNumberOf(visitId),
    visitId,
    plate: entry.plate,
    gate: entry.gate,
    tareKg: tare.weightKg,
    grossKg: gross.weightKg,
    netKg: gross.weightKg - tare.weightKg,
    tareDeviceId: tare.deviceId,
    tareReadingId: tare.readingId,
    tareReadAt: tare.readAt,
    grossDeviceId: gross.deviceId,
    grossReadingId: gross.readingId,
    grossReadAt: gross.readAt,
    issuedAt: at,
  };
  return [
    { type: 'VehicleWeighed', data: weighed },
    { type: 'WeighTicketIssued', data: { ...facts, sha256: weighTicketOf(facts).sha256 } },
  ];
}

/** A lot's part of a load-out note on this vehicle, once; a vehicle gone or never admitted learns nothing. */
function learnLoad(command: LearnLoad, state: VisitState): VisitEvent[] {
  const { visitId, lotId, load, at } = command.data;
  if (state.entry?.type !== 'VehicleAdmitted' || state.left !== null || state.learnt.includes(`${load.noteId}/${lotId}`)) return [];
  return [{ type: 'LoadLearnt', data: { visitId, lotId, load, at } }];
}

/**
 * The exit check of a vehicle carrying goods out (exit-release.ts decides the conditions): all
 * pass → the exit pass, signed by the gate over its canonical bytes; any fails → the vehicle is
 * held, one alarm per failed condition. Without a weigh ticket the net is unknown: `not_weighed`.
 * A vehicle with its pass is not checked again.
 */
function checkExit(command: CheckExit, state: VisitState): VisitEvent[] {
  // rules GATE-EXIT-RELEASE, GATE-EXIT-PASS
  const { visitId, facts, sign, actor } = command.data;
  requireRole(actor, ['gate_guard', 'device'], 'check vehicles out');
  const at = requireInstant(command.data.at, 'at');
  const entry = requireOnSite(state, visitId);
  if (state.pass !== null) return [];
  if (!carriesGoods(state)) throw refuse.conflict('EXIT_CHECK_NOT_NEEDED', `visit ${visitId} carries no goods out: it needs no exit check`, { visitId });
  const ticket = state.ticket;
  const verdict = exitVerdictOf(state.loads, ticket?.netKg ?? 0, facts);
  const conditions: ExitCondition[] =
    ticket === null ? [...verdict.conditions.filter((c) => c !== 'net_outside_tolerance'), 'not_weighed'] : [...verdict.conditions];
  if (conditions.length > 0) {
    const holdNo = state.holds.length + 1;
    return [
      {
        type: 'VehicleHeldAtExit',
        data: {
          visitId,
          plate: entry.plate,
          gate: entry.gate,
          conditions,
          alarmIds: conditions.map((condition) => `exit-${visitId}-${holdNo}-${condition}`),
          loads: state.loads,
          measuredNetKg: ticket?.netKg ?? 0,
          notesNetKg: verdict.notesNetKg,
          toleranceBps: verdict.toleranceBps,
          actor,
          at,
        },
      },
    ];
  }
  const pass: ExitPass = {
    passNumber: exitPassNumberOf(visitId, at),
    visitId,
    plate: entry.plate,
    orderId: facts.appointment!.orderId,
    entitlementId: facts.orderEntitlementId!,
    loadOutNoteIds: state.loads.map((load) => load.noteId),
    tareKg: ticket!.tareKg,
    grossKg: ticket!.grossKg,
    netKg: ticket!.netKg,
    ticketNumber: ticket!.ticketNumber,
    issuedBy: actor.subject,
    issuedAt: at,
  };
  return [{ type: 'ExitPassIssued', data: { ...pass, signature: sign(exitPassCanonicalBytes(pass)), actor } }];
}

/** What the exit barrier does with the vehicle: it leaves (with its pass, if it needed one) or stays, and why. */
export type BarrierVerdict =
  | { readonly leaves: true; readonly passNumber: string | null }
  | { readonly leaves: false; readonly conditions: readonly ExitCondition[]; readonly alarmIds: readonly string[] };

/**
 * A vehicle carrying goods out leaves only on its exit pass; one carrying nothing leaves once
 * weighed if its class is weighed (a delivery, tare out), at once if not. Otherwise it stays, on
 * the last exit check's conditions (`not_weighed` before any).
 */
export function barrierVerdictOf(state: VisitState): BarrierVerdict {
  // rule GATE-EXIT-LEAVE
  if (state.pass !== null) return { leaves: true, passNumber: state.pass.passNumber };
  const entry = state.entry as VehicleAdmitted;
  if (!carriesGoods(state) && (!entry.data.needsWeighbridge || state.ticket !== null)) return { leaves: true, passNumber: null };
  const last = state.holds.at(-1);
  if (state.ticket === null || last === undefined) return { leaves: false, conditions: ['not_weighed'], alarmIds: [] };
  return { leaves: false, conditions: last.conditions, alarmIds: last.alarmIds };
}

/** The vehicle at the exit barrier, read by the exit camera or typed by a guard with a reason: it leaves as barrierVerdictOf says, or nothing is recorded. */
function leaveSite(command: LeaveSite, state: VisitState): VisitEvent[] {
  // rule GATE-EXIT-LEAVE
  const { visitId, gate, method, deviceId, actor } = command.data;
  requireRole(actor, method === 'guard' ? ['gate_guard'] : ['device'], 'let vehicles out');
  const at = requireInstant(command.data.at, 'at');
  const reason = method === 'guard' ? requireText(command.data.reason, 'reason') : '';
  if (state.left !== null) return [];
  const entry = requireOnSite(state, visitId);
  const verdict = barrierVerdictOf(state);
  if (!verdict.leaves) return [];
  return [
    {
      type: 'VehicleLeft',
      data: {
        visitId,
        plate: entry.plate,
        vehicleClass: entry.vehicleClass,
        purpose: entry.purpose,
        gate,
        passNumber: verdict.passNumber,
        method,
        reason,
        deviceId,
        actor,
        at,
      },
    },
  ];
}
