import {
  type Command,
  type Decider,
  type DomainEvent,
  localDate,
  refuse,
  requireInstant,
  requireMobile,
  requireResidentId,
  requireText,
  shanghaiDateOf,
  unhandledCommand,
} from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import type { BlacklistEntry } from '../../vehicle/domain/blacklisting';
import { requirePlate } from '../../vehicle/domain/plate';

export type VisitorChannel = 'online' | 'walk_in';
export type PersonVisitStatus = 'awaiting_approval' | 'approved' | 'declined' | 'on_site' | 'left';
export const PERSON_REFUSAL_REASONS = ['not_approved', 'declined', 'wrong_day', 'id_mismatch', 'blacklisted'] as const;
export type PersonRefusalReason = (typeof PERSON_REFUSAL_REASONS)[number];

/** Who the visitor is, from the ID card. */
export interface Visitor {
  readonly name: string;
  readonly residentIdNumber: string;
  readonly mobile: string;
}

/** Who may ask for a visit online: a depositor (its own staff visiting) or warehouse staff (a guest). */
export const REQUESTERS: readonly Actor['role'][] = ['depositor', 'manager', 'ops', 'gate_guard'];
/** Who may be a host: warehouse staff. A manager may also approve or decline in a host's place. */
export const HOSTS: readonly Actor['role'][] = ['manager', 'ops', 'gate_guard'];

export type RequestVisitorAppointment = Command<
  'RequestVisitorAppointment',
  {
    readonly personVisitId: string;
    readonly visitor: Visitor;
    readonly host: string;
    readonly date: string;
    readonly purpose: string;
    readonly plate: string | null;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type RegisterVisitor = Command<
  'RegisterVisitor',
  { readonly personVisitId: string; readonly visitor: Visitor; readonly host: string; readonly purpose: string; readonly actor: Actor; readonly at: string }
>;
export type ApproveVisitor = Command<'ApproveVisitor', { readonly personVisitId: string; readonly actor: Actor; readonly at: string }>;
export type DeclineVisitor = Command<'DeclineVisitor', { readonly personVisitId: string; readonly reason: string; readonly actor: Actor; readonly at: string }>;
export type RecordPersonEntry = Command<
  'RecordPersonEntry',
  {
    readonly personVisitId: string;
    readonly entryId: string;
    readonly gate: string;
    /** The ID number the guard read from the card presented. */
    readonly residentIdNumber: string;
    /** That ID number's blacklisting (the drivers' blacklist, by ID number), if any. */
    readonly blacklisted: BlacklistEntry | null;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type RecordPersonExit = Command<
  'RecordPersonExit',
  { readonly personVisitId: string; readonly gate: string; readonly actor: Actor; readonly at: string }
>;
export type PersonVisitCommand = RequestVisitorAppointment | RegisterVisitor | ApproveVisitor | DeclineVisitor | RecordPersonEntry | RecordPersonExit;

export type VisitorAppointmentRequested = DomainEvent<
  'VisitorAppointmentRequested',
  {
    readonly personVisitId: string;
    readonly visitor: Visitor;
    readonly host: string;
    readonly date: string;
    readonly purpose: string;
    readonly plate: string | null;
    readonly partyId: string | null;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type VisitorRegistered = DomainEvent<
  'VisitorRegistered',
  {
    readonly personVisitId: string;
    readonly visitor: Visitor;
    readonly host: string;
    readonly date: string;
    readonly purpose: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type VisitorApproved = DomainEvent<
  'VisitorApproved',
  { readonly personVisitId: string; readonly host: string; readonly actor: Actor; readonly at: string }
>;
export type VisitorDeclined = DomainEvent<
  'VisitorDeclined',
  { readonly personVisitId: string; readonly host: string; readonly reason: string; readonly actor: Actor; readonly at: string }
>;
export type PersonAdmitted = DomainEvent<
  'PersonAdmitted',
  {
    readonly personVisitId: string;
    readonly entryId: string;
    readonly gate: string;
    readonly residentIdNumber: string;
    readonly name: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type PersonRefused = DomainEvent<
  'PersonRefused',
  {
    readonly personVisitId: string;
    readonly entryId: string;
    readonly gate: string;
    readonly residentIdNumber: string;
    readonly reasons: readonly PersonRefusalReason[];
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type PersonLeft = DomainEvent<'PersonLeft', { readonly personVisitId: string; readonly gate: string; readonly actor: Actor; readonly at: string }>;
export type PersonVisitEvent =
  VisitorAppointmentRequested | VisitorRegistered | VisitorApproved | VisitorDeclined | PersonAdmitted | PersonRefused | PersonLeft;

/** One visitor's visit: asked for (online or at the gatehouse), the host's decision, in, out. */
export interface PersonVisitState {
  readonly status: PersonVisitStatus | null;
  /** How it was asked for: who comes, to see whom, on which day. */
  readonly request: VisitorAppointmentRequested | VisitorRegistered | null;
  readonly decision: VisitorApproved | VisitorDeclined | null;
  /** The last gate decision on this visit (what the guard is answered with). */
  readonly lastEntry: PersonAdmitted | PersonRefused | null;
}

export const personVisitDecider: Decider<PersonVisitCommand, PersonVisitState, PersonVisitEvent> = {
  initialState: () => ({ status: null, request: null, decision: null, lastEntry: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'VisitorAppointmentRequested':
      case 'VisitorRegistered':
        return { ...state, status: 'awaiting_approval', request: event };
      case 'VisitorApproved':
        return { ...state, status: 'approved', decision: event };
      case 'VisitorDeclined':
        return { ...state, status: 'declined', decision: event };
      case 'PersonAdmitted':
        return { ...state, status: 'on_site', lastEntry: event };
      case 'PersonRefused':
        return { ...state, lastEntry: event };
      case 'PersonLeft':
        return { ...state, status: 'left' };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RequestVisitorAppointment':
        return requestVisitorAppointment(command, state);
      case 'RegisterVisitor':
        return registerVisitor(command, state);
      case 'ApproveVisitor':
        return approveVisitor(command, state);
      case 'DeclineVisitor':
        return declineVisitor(command, state);
      case 'RecordPersonEntry':
        return recordPersonEntry(command, state);
      case 'RecordPersonExit':
        return recordPersonExit(command, state);
      default:
        return unhandledCommand(command satisfies never);
    }
  },
};

const requireVisitor = (visitor: Visitor): Visitor => ({
  name: requireText(visitor.name, 'visitor.name'),
  residentIdNumber: requireResidentId(visitor.residentIdNumber, 'visitor.residentIdNumber'),
  mobile: requireMobile(visitor.mobile, 'visitor.mobile'),
});

/** Online, ahead of the day: a depositor for its own staff, or staff for a guest; never for a day already past (Shanghai). */
function requestVisitorAppointment(command: RequestVisitorAppointment, state: PersonVisitState): PersonVisitEvent[] {
  const { personVisitId, actor } = command.data;
  requireRole(actor, REQUESTERS, 'ask for visitor appointments');
  const visitor = requireVisitor(command.data.visitor);
  const host = requireText(command.data.host, 'host');
  const purpose = requireText(command.data.purpose, 'purpose');
  const date = localDate(command.data.date, 'date');
  const at = requireInstant(command.data.at, 'at');
  const plate = command.data.plate === null ? null : requirePlate(command.data.plate, 'plate');
  const today = shanghaiDateOf(new Date(at));
  if (date < today) throw refuse.invalid('VISIT_DATE_PAST', `the visit day ${date} is before today (${today})`, 'date', { today });
  if (state.status !== null) return [];
  const partyId = actor.role === 'depositor' ? (actor.partyId ?? null) : null;
  return [{ type: 'VisitorAppointmentRequested', data: { personVisitId, visitor, host, date, purpose, plate, partyId, actor, at } }];
}

/** A guard registers a walk-in visitor at the gatehouse terminal, from the ID card: for today, waiting for the host. */
function registerVisitor(command: RegisterVisitor, state: PersonVisitState): PersonVisitEvent[] {
  const { personVisitId, actor } = command.data;
  requireRole(actor, ['gate_guard'], 'register visitors at the gatehouse');
  const visitor = requireVisitor(command.data.visitor);
  const host = requireText(command.data.host, 'host');
  const purpose = requireText(command.data.purpose, 'purpose');
  const at = requireInstant(command.data.at, 'at');
  if (state.status !== null) return [];
  return [{ type: 'VisitorRegistered', data: { personVisitId, visitor, host, date: shanghaiDateOf(new Date(at)), purpose, actor, at } }];
}

/**
 * Only the host named on the visit (the token's subject) or a manager approves or declines it
 * (`NOT_THE_HOST` 403); a visit is decided once: the same decision again changes nothing, the
 * other one is `VISITOR_ALREADY_DECIDED`.
 */
function requireHostDecision(state: PersonVisitState, personVisitId: string, actor: Actor, decision: 'approved' | 'declined'): boolean {
  // rule GATE-VISITOR-HOST-APPROVAL
  requireRole(actor, HOSTS, 'approve or decline visitors');
  if (state.status === null) throw refuse.notFound('PERSON_VISIT_NOT_FOUND', `no visit ${personVisitId}`, { personVisitId });
  const host = state.request!.data.host;
  if (actor.subject !== host && actor.role !== 'manager') {
    throw refuse.forbidden('NOT_THE_HOST', `only the host ${host} or a manager may decide this visit`, { host });
  }
  if (state.status === decision) return false;
  if (state.status !== 'awaiting_approval') {
    throw refuse.conflict('VISITOR_ALREADY_DECIDED', `visit ${personVisitId} is ${state.status}`, { status: state.status });
  }
  return true;
}

function approveVisitor(command: ApproveVisitor, state: PersonVisitState): PersonVisitEvent[] {
  const { personVisitId, actor } = command.data;
  const at = requireInstant(command.data.at, 'at');
  if (!requireHostDecision(state, personVisitId, actor, 'approved')) return [];
  return [{ type: 'VisitorApproved', data: { personVisitId, host: state.request!.data.host, actor, at } }];
}

function declineVisitor(command: DeclineVisitor, state: PersonVisitState): PersonVisitEvent[] {
  const { personVisitId, actor } = command.data;
  const at = requireInstant(command.data.at, 'at');
  const reason = requireText(command.data.reason, 'reason');
  if (!requireHostDecision(state, personVisitId, actor, 'declined')) return [];
  return [{ type: 'VisitorDeclined', data: { personVisitId, host: state.request!.data.host, reason, actor, at } }];
}

/**
 * A guard checks the ID card at the gate: the visitor comes in only on an approved visit for
 * today (Shanghai) whose ID number is the card's, and never with a blacklisted ID number;
 * otherwise the refusal is recorded with every reason that holds. A visit comes in once
 * (`PERSON_ALREADY_ENTERED` once on site or left).
 */
function recordPersonEntry(command: RecordPersonEntry, state: PersonVisitState): PersonVisitEvent[] {
  // rule GATE-VISITOR-ENTRY
  const { personVisitId, entryId, gate, blacklisted, actor } = command.data;
  requireRole(actor, ['gate_guard'], 'let visitors in');
  const residentIdNumber = requireResidentId(command.data.residentIdNumber, 'residentIdNumber');
  const at = requireInstant(command.data.at, 'at');
  if (state.status === null) throw refuse.notFound('PERSON_VISIT_NOT_FOUND', `no visit ${personVisitId}`, { personVisitId });
  if (state.status === 'on_site' || state.status === 'left') {
    throw refuse.conflict('PERSON_ALREADY_ENTERED', `visit ${personVisitId} is ${state.status}`, { status: state.status });
  }
  const reasons: PersonRefusalReason[] = [];
  if (state.status === 'awaiting_approval') reasons.push('not_approved');
  if (state.status === 'declined') reasons.push('declined');
  const { date, visitor } = state.request!.data;
  if (date !== shanghaiDateOf(new Date(at))) reasons.push('wrong_day');
  if (residentIdNumber !== visitor.residentIdNumber) reasons.push('id_mismatch');
  if (blacklisted !== null) reasons.push('blacklisted');
  if (reasons.length > 0) return [{ type: 'PersonRefused', data: { personVisitId, entryId, gate, residentIdNumber, reasons, actor, at } }];
  return [{ type: 'PersonAdmitted', data: { personVisitId, entryId, gate, residentIdNumber, name: visitor.name, actor, at } }];
}

/** A guard records a visitor leaving: only one on site (`PERSON_NOT_ON_SITE`). */
function recordPersonExit(command: RecordPersonExit, state: PersonVisitState): PersonVisitEvent[] {
  const { personVisitId, gate, actor } = command.data;
  requireRole(actor, ['gate_guard'], 'record visitors leaving');
  const at = requireInstant(command.data.at, 'at');
  if (state.status === null) throw refuse.notFound('PERSON_VISIT_NOT_FOUND', `no visit ${personVisitId}`, { personVisitId });
  if (state.status !== 'on_site') throw refuse.conflict('PERSON_NOT_ON_SITE', `visit ${personVisitId} is ${state.status}`, { status: state.status });
  return [{ type: 'PersonLeft', data: { personVisitId, gate, actor, at } }];
}
