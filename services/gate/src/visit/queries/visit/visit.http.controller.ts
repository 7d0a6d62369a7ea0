import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, loadAggregate } from '@dw/event-store';
import { Roles } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { visitDecider } from '../../domain/visit.decider';
import { visitNotFound } from '../../on-site';
import { exitDecisionView, ticketView } from '../../visit.views';
import { VisitDetailResponseDto } from '../../weighbridge.response.dto';

/** One visit in full for the gate's staff, read from its stream (every fact of the stay is there, in order). */
@Controller('visits')
@Roles('manager', 'gate_guard', 'ops')
export class VisitHttpController {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  @Get(':visitId')
  @ApiOkResponse({
    type: VisitDetailResponseDto,
    description: 'the visit: entry, weighings, ticket, loads, exit decisions, pass, leaving; 404 VISIT_NOT_FOUND',
  })
  async get(@Param('visitId') visitId: string): Promise<VisitDetailResponseDto> {
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, streams.visit(visitId).streamId, visitDecider));
    const entry = state.entry;
    if (entry === null) throw visitNotFound(visitId);
    const admitted = entry.type === 'VehicleAdmitted' ? entry.data : null;
    return {
      visitId,
      plate: entry.data.plate,
      vehicleClass: entry.data.vehicleClass,
      gate: entry.data.gate,
      outcome: admitted ? 'admitted' : 'refused',
      purpose: admitted?.purpose ?? null,
      appointmentId: admitted?.appointmentId ?? null,
      orderId: admitted?.orderId ?? null,
      needsWeighbridge: admitted?.needsWeighbridge ?? false,
      enteredAt: entry.data.at,
      weighings: state.weighings.map(({ weighing, weightKg, deviceId, readingId, readAt }) => ({ weighing, weightKg, deviceId, readingId, readAt })),
      ticket: ticketView(state),
      loads: state.loads.map((load) => ({
        noteId: load.noteId,
        orderId: load.orderId,
        entitlementId: load.entitlementId,
        lots: [...load.lotIds],
        pieces: load.pieces,
        netKg: load.netKg,
      })),
      holds: state.holds.map((hold) => ({
        conditions: [...hold.conditions],
        alarmIds: [...hold.alarmIds],
        measuredNetKg: hold.measuredNetKg,
        notesNetKg: hold.notesNetKg,
        toleranceBasisPoints: hold.toleranceBps,
        checkedBy: hold.actor.subject,
        at: hold.at,
      })),
      exit: exitDecisionView(state),
      passNumber: state.pass?.passNumber ?? null,
      left: state.left
        ? { gate: state.left.gate, passNumber: state.left.passNumber, method: state.left.method, by: state.left.actor.subject, at: state.left.at }
        : null,
    };
  }
}
