import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type EventStoreTransaction, handleCommandIn, loadAggregate, type EventMetadata } from '@dw/event-store';
import { type Clock, refuse } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import type { ActorRole } from '../../common/domain/actor';
import { streams } from '../../common/events/streams';
import { driverDecider } from '../../vehicle/domain/driver.decider';
import { requirePlate } from '../../vehicle/domain/plate';
import { requireResidentId } from '../../vehicle/domain/resident-id';
import { vehicleDecider } from '../../vehicle/domain/vehicle.decider';
import type { AppointmentResponseDto } from '../appointment.response.dto';
import { type Appointment, gateOrderDecider, type GateOrderState, type SlotRef } from '../domain/gate-order.decider';
import { slotDecider } from '../domain/slot.decider';
import { SLOT_PLAN, slotPeriodOf } from '../domain/slot-plan';
import type { AppointmentSlotRequestDto, BookAppointmentRequestDto } from './book/appointment.dto';

const ROLES: readonly ActorRole[] = ['manager', 'depositor'];
const APPOINTMENT_ID = /^(.+)-A(\d+)$/;

export const slotName = (slot: Pick<SlotRef, 'gate' | 'date' | 'period'>) => `${slot.gate} ${slot.date} ${slot.period}`;

export const appointmentView = (state: GateOrderState, appointment: Appointment): AppointmentResponseDto => ({
  appointmentId: appointment.appointmentId,
  orderId: state.authority!.orderId,
  purpose: state.authority!.purpose,
  plate: appointment.plate,
  driverName: appointment.driver.name,
  gate: appointment.gate,
  date: appointment.date,
  period: appointment.period,
  status: appointment.status,
});

/** Takes (or gives back) an appointment's place in its slot, in the caller's transaction. */
export async function takePlace(tx: EventStoreTransaction, slot: SlotRef, appointmentId: string, at: string, metadata: EventMetadata): Promise<void> {
  await handleCommandIn(tx, {
    ...streams.slot(slot.gate, slot.date, slot.period),
    decider: slotDecider,
    command: { type: 'TakePlace', data: { slot: slotName(slot), appointmentId, capacity: slotPeriodOf(SLOT_PLAN, slot.gate, slot.period).capacity, at } },
    metadata,
  });
}

export async function releasePlace(tx: EventStoreTransaction, slot: SlotRef, appointmentId: string, at: string, metadata: EventMetadata): Promise<void> {
  await handleCommandIn(tx, {
    ...streams.slot(slot.gate, slot.date, slot.period),
    decider: slotDecider,
    command: { type: 'ReleasePlace', data: { slot: slotName(slot), appointmentId, at } },
    metadata,
  });
}

/**
 * Books and reschedules appointments: the order's stream decides whether the order authorises
 * it, the slot's stream whether a place is free, both in one transaction (all or nothing: a full
 * slot leaves no appointment behind).
 */
@Injectable()
export class AppointmentCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async book(body: BookAppointmentRequestDto, caller: Caller): Promise<AppointmentResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ROLES);
    const period = slotPeriodOf(SLOT_PLAN, body.gate, body.period);
    const plate = requirePlate(body.plate, 'plate');
    const driverId = requireResidentId(body.driver.residentIdNumber, 'driver.residentIdNumber');
    return this.store.transaction(async (tx) => {
      const vehicle = await loadAggregate(tx, streams.vehicle(plate).streamId, vehicleDecider);
      const driver = await loadAggregate(tx, streams.driver(driverId).streamId, driverDecider);
      const handled = await handleCommandIn(tx, {
        ...streams.gateOrder(body.orderId),
        decider: gateOrderDecider,
        command: {
          type: 'BookAppointment',
          data: {
            orderId: body.orderId,
            plate,
            driver: body.driver,
            gate: body.gate,
            date: body.date,
            period,
            plateBlacklisted: vehicle.state.blacklisted,
            driverBlacklisted: driver.state.blacklisted,
            actor,
            at,
          },
        },
        metadata,
      });
      const appointment = handled.state.appointments[`${body.orderId}-A${handled.state.booked}`]!;
      await takePlace(tx, appointment, appointment.appointmentId, at, metadata);
      return appointmentView(handled.state, appointment);
    });
  }

  async reschedule(appointmentId: string, body: AppointmentSlotRequestDto, caller: Caller): Promise<AppointmentResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ROLES);
    const orderId = APPOINTMENT_ID.exec(appointmentId)?.[1];
    if (orderId === undefined) throw refuse.notFound('APPOINTMENT_NOT_FOUND', `no appointment ${appointmentId}`, { appointmentId });
    const period = slotPeriodOf(SLOT_PLAN, body.gate, body.period);
    return this.store.transaction(async (tx) => {
      const handled = await handleCommandIn(tx, {
        ...streams.gateOrder(orderId),
        decider: gateOrderDecider,
        command: { type: 'RescheduleAppointment', data: { appointmentId, gate: body.gate, date: body.date, period, actor, at } },
        metadata,
      });
      const before = handled.before.appointments[appointmentId]!;
      const after = handled.state.appointments[appointmentId]!;
      if (handled.appended !== null) {
        await releasePlace(tx, before, appointmentId, at, metadata);
        await takePlace(tx, after, appointmentId, at, metadata);
      }
      return appointmentView(handled.state, after);
    });
  }
}
