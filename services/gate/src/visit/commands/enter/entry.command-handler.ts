import { Inject, Injectable } from '@nestjs/common';
import { Database, EventStore, handleCommandIn, loadAggregate } from '@dw/event-store';
import { type Clock, shanghaiDateOf } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { randomUUID } from 'node:crypto';
import { raiseAlarmIn } from '../../../alarm/commands/raise-alarm';
import { ALARM_THRESHOLDS } from '../../../alarm/domain/alarm-thresholds';
import { refusalAlarmOf } from '../../../alarm/domain/refusal-alarm';
import { streams } from '../../../common/events/streams';
import { GateOutbox } from '../../../common/integration/gate-outbox';
import { appointmentFor, gateOrderDecider } from '../../../appointment/domain/gate-order.decider';
import { requireGate, SLOT_PLAN } from '../../../appointment/domain/slot-plan';
import { requirePlate } from '../../../vehicle/domain/plate';
import { UNREGISTERED_CLASS, VEHICLE_CLASS_RULES } from '../../../vehicle/domain/vehicle-classes';
import { vehicleDecider } from '../../../vehicle/domain/vehicle.decider';
import { type ArrivingOn, type EntryEvent, type EntryMethod, visitDecider } from '../../domain/visit.decider';
import { visitMessageOf } from '../../integration/visit-events.mapper';
import type { VisitResponseDto } from '../../visit.response.dto';

export const visitView = (entry: EntryEvent): VisitResponseDto => ({
  visitId: entry.data.visitId,
  plate: entry.data.plate,
  vehicleClass: entry.data.vehicleClass,
  gate: entry.data.gate,
  outcome: entry.type === 'VehicleAdmitted' ? 'admitted' : 'refused',
  reasons: entry.type === 'VehicleRefused' ? [...entry.data.reasons] : [],
  appointmentId: entry.type === 'VehicleAdmitted' ? entry.data.appointmentId : null,
  purpose: entry.type === 'VehicleAdmitted' ? entry.data.purpose : null,
  needsWeighbridge: entry.type === 'VehicleAdmitted' ? entry.data.needsWeighbridge : false,
  decidedBy: entry.data.actor.subject,
});

/**
 * A vehicle at a gate: its class's rules (data), its blacklisting and the day's appointment
 * decide; the visit, the appointment's arrival or a refusal's alarm commit together.
 */
@Injectable()
export class EntryCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GateOutbox) private readonly outbox: GateOutbox,
  ) {}

  camera(body: { readId: string; gate: string; plate: string }, caller: Caller): Promise<VisitResponseDto> {
    const deviceId = caller.principal.subject;
    return this.enter({ visitId: `${deviceId}-${body.readId}`, plate: body.plate, gate: body.gate, method: 'plate_camera', reason: '', deviceId }, caller);
  }

  guard(body: { gate: string; plate: string; reason: string }, caller: Caller): Promise<VisitResponseDto> {
    return this.enter({ visitId: randomUUID(), plate: body.plate, gate: body.gate, method: 'guard', reason: body.reason, deviceId: '' }, caller);
  }

  private async enter(
    input: { visitId: string; plate: string; gate: string; method: EntryMethod; reason: string; deviceId: string },
    caller: Caller,
  ): Promise<VisitResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, input.method === 'guard' ? ['gate_guard'] : ['device']);
    const gate = requireGate(SLOT_PLAN, input.gate);
    const plate = requirePlate(input.plate, 'plate');
    const today = shanghaiDateOf(this.clock.now());
    // The read model names the orders with a booking for this plate today; each order's stream decides whether it still holds.
    const { rows } = await this.db.query<{ order_id: string }>(
      `SELECT DISTINCT order_id FROM appointments WHERE plate = $1 AND date = $2 AND status = 'booked' ORDER BY order_id`,
      [plate, today],
    );
    return this.store.transaction(async (tx) => {
      const vehicle = await loadAggregate(tx, streams.vehicle(plate).streamId, vehicleDecider);
      const vehicleClass = vehicle.state.vehicleClass ?? UNREGISTERED_CLASS;
      let appointment: ArrivingOn | null = null;
      for (const row of rows) {
        const order = await loadAggregate(tx, streams.gateOrder(row.order_id).streamId, gateOrderDecider);
        const found = order.state.status === 'open' ? appointmentFor(order.state, plate, today) : null;
        if (found !== null) {
          appointment = { appointmentId: found.appointmentId, orderId: row.order_id, purpose: order.state.authority!.purpose };
          break;
        }
      }
      const handled = await handleCommandIn(tx, {
        ...streams.visit(input.visitId),
        decider: visitDecider,
        command: {
          type: 'RecordEntry',
          data: {
            ...input,
            plate,
            gate,
            vehicleClass,
            rules: VEHICLE_CLASS_RULES[vehicleClass],
            blacklisted: vehicle.state.blacklisted,
            appointment,
            actor,
            at,
          },
        },
        metadata,
        outbox: this.outbox.of(visitMessageOf),
      });
      const entry = handled.state.entry!;
      if (handled.appended !== null && entry.type === 'VehicleRefused') {
        await raiseAlarmIn(tx, this.outbox, refusalAlarmOf(entry.data, ALARM_THRESHOLDS), at, metadata);
      }
      if (handled.appended !== null && entry.type === 'VehicleAdmitted' && entry.data.appointmentId !== null) {
        await handleCommandIn(tx, {
          ...streams.gateOrder(entry.data.orderId!),
          decider: gateOrderDecider,
          command: { type: 'RecordArrival', data: { appointmentId: entry.data.appointmentId, visitId: input.visitId, at } },
          metadata,
        });
      }
      return visitView(entry);
    });
  }
}
