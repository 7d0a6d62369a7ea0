import {
  type Command,
  type Decider,
  type DomainEvent,
  localDate,
  refuse,
  requireInstant,
  requireText,
  shanghaiInstant,
  unhandledCommand,
  requireMobile,
  requireResidentId,
} from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import type { BlacklistEntry } from '../../vehicle/domain/blacklisting';
import { requirePlate } from '../../vehicle/domain/plate';
import type { SlotPeriod } from './slot-plan';

export type Purpose = 'pickup' | 'delivery';
export type OrderOutcome = 'completed' | 'cancelled';
export type AppointmentStatus = 'booked' | 'arrived' | 'no_show' | 'closed';

export interface Person {
  readonly residentIdNumber: string;
  readonly name: string;
  readonly mobile: string;
}

export interface SlotRef {
  readonly gate: string;
  readonly date: string;
  readonly period: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface Appointment extends SlotRef {
  readonly appointmentId: string;
  readonly plate: string;
  readonly driver: Person;
  readonly status: AppointmentStatus;
}

/** What a pickup application or an inbound notice authorises at the gate. */
export interface OrderAuthority {
  readonly orderId: string;
  readonly purpose: Purpose;
  readonly ownerPartyId: string;
  /** The pickup application's collector; null for a delivery (the notice names no driver). */
  readonly collector: Person | null;
  /** The pickup application's vehicles; empty: any vehicle not blacklisted. */
  readonly plates: readonly string[];
  /** First and last day vehicles may come (Shanghai); null: unbounded on that side. */
  readonly from: string | null;
  readonly until: string | null;
  /** The entitlement (receipt cancellation) a pickup order was opened from; absent for a delivery or an order drafted without one. */
  readonly entitlementId?: string;
}

export type AuthoriseOrder = Command<'AuthoriseOrder', OrderAuthority & { readonly at: string }>;
export type CloseOrder = Command<'CloseOrder', { readonly orderId: string; readonly outcome: OrderOutcome; readonly at: string }>;
export type BookAppointment = Command<
  'BookAppointment',
  {
    readonly orderId: string;
    readonly plate: string;
    readonly driver: Person;
    readonly gate: string;
    readonly date: string;
    readonly period: SlotPeriod;
    readonly plateBlacklisted: BlacklistEntry | null;
    readonly driverBlacklisted: BlacklistEntry | null;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type RescheduleAppointment = Command<
  'RescheduleAppointment',
  { readonly appointmentId: string; readonly gate: string; readonly date: string; readonly period: SlotPeriod; readonly actor: Actor; readonly at: string }
>;
export type MarkNoShow = Command<'MarkNoShow', { readonly appointmentId: string; readonly at: string }>;
export type RecordArrival = Command<'RecordArrival', { readonly appointmentId: string; readonly visitId: string; readonly at: string }>;
export type GateOrderCommand = AuthoriseOrder | CloseOrder | BookAppointment | RescheduleAppointment | MarkNoShow | RecordArrival;

export type OrderAuthorised = DomainEvent<'OrderAuthorised', OrderAuthority & { readonly at: string }>;
export type OrderClosed = DomainEvent<'OrderClosed', { readonly orderId: string; readonly outcome: OrderOutcome; readonly at: string }>;
export type AppointmentBooked = DomainEvent<
  'AppointmentBooked',
  SlotRef & {
    readonly appointmentId: string;
    readonly orderId: string;
    readonly purpose: Purpose;
    readonly ownerPartyId: string;
    readonly plate: string;
    readonly driver: Person;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type AppointmentRescheduled = DomainEvent<
  'AppointmentRescheduled',
  SlotRef & { readonly appointmentId: string; readonly orderId: string; readonly previous: SlotRef; readonly actor: Actor; readonly at: string }
>;
export type AppointmentMissed = DomainEvent<
  'AppointmentMissed',
  { readonly appointmentId: string; readonly orderId: string; readonly slot: SlotRef; readonly at: string }
>;
export type AppointmentArrived = DomainEvent<
  'AppointmentArrived',
  { readonly appointmentId: string; readonly orderId: string; readonly visitId: string; readonly at: string }
>;
export type AppointmentClosed = DomainEvent<
  'AppointmentClosed',
  { readonly appointmentId: string; readonly orderId: string; readonly slot: SlotRef; readonly reason: OrderOutcome; readonly at: string }
>;
export type GateOrderEvent =
  OrderAuthorised | OrderClosed | AppointmentBooked | AppointmentRescheduled | AppointmentMissed | AppointmentArrived | AppointmentClosed;

/** One work order as the gate knows it, and its appointments. */
export interface GateOrderState {
  readonly authority: OrderAuthority | null;
  readonly status: 'open' | OrderOutcome;
  readonly appointments: Readonly<Record<string, Appointment>>;
  readonly booked: number;
}

const slotOf = (a: SlotRef): SlotRef => ({ gate: a.gate, date: a.date, period: a.period, startsAt: a.startsAt, endsAt: a.endsAt });
const withStatus = (state: GateOrderState, appointmentId: string, patch: Partial<Appointment>): GateOrderState => ({
  ...state,
  appointments: { ...state.appointments, [appointmentId]: { ...state.appointments[appointmentId]!, ...patch } },
});

export const gateOrderDecider: Decider<GateOrderCommand, GateOrderState, GateOrderEvent> = {
  initialState: () => ({ authority: null, status: 'open', appointments: {}, booked: 0 }),

  evolve(state, event) {
    switch (event.type) {
      case 'OrderAuthorised': {
        const { at: _at, ...authority } = event.data;
        return { ...state, authority };
      }
      case 'OrderClosed':
        return { ...state, status: event.data.outcome };
      case 'AppointmentBooked': {
        const { appointmentId, plate, driver } = event.data;
        return {
          ...state,
          booked: state.booked + 1,
          appointments: { ...state.appointments, [appointmentId]: { appointmentId, plate, driver, ...slotOf(event.data), status: 'booked' } },
        };
      }
      case 'AppointmentRescheduled':
        return withStatus(state, event.data.appointmentId, slotOf(event.data));
      case 'AppointmentMissed':
        return withStatus(state, event.data.appointmentId, { status: 'no_show' });
      case 'AppointmentArrived':
        return withStatus(state, event.data.appointmentId, { status: 'arrived' });
      case 'AppointmentClosed':
        return withStatus(state, event.data.appointmentId, { status: 'closed' });
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'AuthoriseOrder':
        return authoriseOrder(command, state);
      case 'CloseOrder':
        return closeOrder(command, state);
      case 'BookAppointment':
        return bookAppointment(command, state);
      case 'RescheduleAppointment':
        return rescheduleAppointment(command, state);
      case 'MarkNoShow':
        return markNoShow(command, state);
      case 'RecordArrival':
        return recordArrival(command, state);
      default:
        return unhandledCommand(command satisfies never);
    }
  },
};

/** The order service opened an order: what it authorises at the gate, once. */
function authoriseOrder(command: AuthoriseOrder, state: GateOrderState): GateOrderEvent[] {
  if (state.authority !== null) return [];
  return [{ type: 'OrderAuthorised', data: command.data }];
}

/** A completed or cancelled order closes every appointment still booked under it. */
function closeOrder(command: CloseOrder, state: GateOrderState): GateOrderEvent[] {
  // rule GATE-APPOINTMENT-CLOSED-WITH-ORDER
  const { orderId, outcome, at } = command.data;
  if (state.authority === null || state.status !== 'open') return [];
  const closed: GateOrderEvent[] = Object.values(state.appointments)
    .filter((appointment) => appointment.status === 'booked')
    .map((appointment) => ({
      type: 'AppointmentClosed',
      data: { appointmentId: appointment.appointmentId, orderId, slot: slotOf(appointment), reason: outcome, at },
    }));
  return [{ type: 'OrderClosed', data: { orderId, outcome, at } }, ...closed];
}

/** The order an actor books or changes under: known, the depositor's own (another party's answers as unknown), and open. */
function requireOpenOrder(state: GateOrderState, orderId: string, actor: Actor): OrderAuthority {
  requireRole(actor, ['manager', 'depositor'], 'book gate appointments');
  const authority = state.authority;
  if (authority === null || (actor.role === 'depositor' && actor.partyId !== authority.ownerPartyId)) {
    throw refuse.notFound('ORDER_NOT_KNOWN', `the gate knows no open pickup or delivery order ${orderId}`, { orderId });
  }
  if (state.status !== 'open') throw refuse.conflict('ORDER_CLOSED', `order ${orderId} is ${state.status}`, { orderId, status: state.status });
  return authority;
}

/** A slot on a day the order authorises, not over yet. */
function slotFor(authority: OrderAuthority, gate: string, dateText: string, period: SlotPeriod, at: string): SlotRef {
  const date = localDate(dateText, 'date');
  if ((authority.from !== null && date < authority.from) || (authority.until !== null && date > authority.until)) {
    throw refuse.invalid(
      'DATE_OUTSIDE_ORDER_WINDOW',
      `order ${authority.orderId} lets vehicles come from ${authority.from ?? '…'} to ${authority.until ?? '…'}`,
      'date',
      {
        from: authority.from,
        until: authority.until,
      },
    );
  }
  const startsAt = shanghaiInstant(date, period.from).toISOString();
  const endsAt = shanghaiInstant(date, period.to).toISOString();
  if (endsAt <= at) throw refuse.invalid('SLOT_OVER', `${date} ${period.id} is over`, 'period', { endsAt });
  return { gate, date, period: period.id, startsAt, endsAt };
}

/**
 * A depositor (for its own order) or a manager books a vehicle and its driver into a slot: the
 * order must be known and open, a pickup's vehicle and driver must be the application's, the day
 * within the order's window, and neither plate nor driver blacklisted. The slot's capacity is the
 * slot stream's to decide, in the same transaction.
 */
function bookAppointment(command: BookAppointment, state: GateOrderState): GateOrderEvent[] {
  // rules GATE-APPOINTMENT-AUTHORISED, GATE-BLACKLIST-BARS
  const { actor, orderId } = command.data;
  const at = requireInstant(command.data.at, 'at');
  const authority = requireOpenOrder(state, orderId, actor);
  const plate = requirePlate(command.data.plate, 'plate');
  const driver: Person = {
    residentIdNumber: requireResidentId(command.data.driver.residentIdNumber, 'driver.residentIdNumber'),
    name: requireText(command.data.driver.name, 'driver.name'),
    mobile: requireMobile(command.data.driver.mobile, 'driver.mobile'),
  };
  if (authority.plates.length > 0 && !authority.plates.includes(plate)) {
    throw refuse.invalid('VEHICLE_NOT_ON_APPLICATION', `${plate} is not a vehicle of order ${orderId}'s pickup application`, 'plate', {
      plates: authority.plates,
    });
  }
  if (authority.collector !== null && authority.collector.residentIdNumber !== driver.residentIdNumber) {
    throw refuse.invalid(
      'DRIVER_NOT_ON_APPLICATION',
      `the driver is not the collector named on order ${orderId}'s pickup application`,
      'driver.residentIdNumber',
    );
  }
  if (command.data.plateBlacklisted !== null)
    throw refuse.invalid('BLACKLISTED', `${plate} is blacklisted`, 'plate', { reason: command.data.plateBlacklisted.reason });
  if (command.data.driverBlacklisted !== null) {
    throw refuse.invalid('BLACKLISTED', 'the driver is blacklisted', 'driver.residentIdNumber', { reason: command.data.driverBlacklisted.reason });
  }
  const slot = slotFor(authority, command.data.gate, command.data.date, command.data.period, at);
  const appointmentId = `${orderId}-A${state.booked + 1}`;
  return [
    {
      type: 'AppointmentBooked',
      data: { appointmentId, orderId, purpose: authority.purpose, ownerPartyId: authority.ownerPartyId, plate, driver, ...slot, actor, at },
    },
  ];
}

/** The appointment named, still booked (not arrived, missed or closed). */
function requireBooked(state: GateOrderState, appointmentId: string): Appointment {
  const appointment = state.appointments[appointmentId];
  if (appointment === undefined) throw refuse.notFound('APPOINTMENT_NOT_FOUND', `no appointment ${appointmentId}`, { appointmentId });
  if (appointment.status !== 'booked') {
    throw refuse.conflict('APPOINTMENT_NOT_BOOKED', `appointment ${appointmentId} is ${appointment.status}`, { status: appointment.status });
  }
  return appointment;
}

/** Moves a booked appointment to another slot the order authorises (the new slot's place is taken in the same transaction). */
function rescheduleAppointment(command: RescheduleAppointment, state: GateOrderState): GateOrderEvent[] {
  // rule GATE-APPOINTMENT-RESCHEDULE
  const { appointmentId, actor } = command.data;
  const at = requireInstant(command.data.at, 'at');
  const authority = requireOpenOrder(state, appointmentId.replace(/-A\d+$/, ''), actor);
  const appointment = requireBooked(state, appointmentId);
  const slot = slotFor(authority, command.data.gate, command.data.date, command.data.period, at);
  if (slot.gate === appointment.gate && slot.date === appointment.date && slot.period === appointment.period) return [];
  return [{ type: 'AppointmentRescheduled', data: { appointmentId, orderId: authority.orderId, previous: slotOf(appointment), ...slot, actor, at } }];
}

/** At its slot's end, an appointment nobody arrived on is recorded as a no-show. */
function markNoShow(command: MarkNoShow, state: GateOrderState): GateOrderEvent[] {
  // rule GATE-NO-SHOW
  const { appointmentId, at } = command.data;
  const appointment = state.appointments[appointmentId];
  if (appointment === undefined || appointment.status !== 'booked' || appointment.endsAt > at) return [];
  return [{ type: 'AppointmentMissed', data: { appointmentId, orderId: state.authority!.orderId, slot: slotOf(appointment), at } }];
}

/** The vehicle came in on the appointment (the visit names it). */
function recordArrival(command: RecordArrival, state: GateOrderState): GateOrderEvent[] {
  const { appointmentId, visitId, at } = command.data;
  requireBooked(state, appointmentId);
  return [{ type: 'AppointmentArrived', data: { appointmentId, orderId: state.authority!.orderId, visitId, at } }];
}

/** The appointment booked for this plate on the day, at this gate, if any. */
export function appointmentFor(state: GateOrderState, plate: string, date: string): Appointment | null {
  return Object.values(state.appointments).find((a) => a.plate === plate && a.date === date && a.status === 'booked') ?? null;
}
