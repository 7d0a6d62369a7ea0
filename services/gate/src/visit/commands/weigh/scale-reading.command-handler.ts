import { Inject, Injectable } from '@nestjs/common';
import { Database, EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { GateOutbox } from '../../../common/integration/gate-outbox';
import { requirePlate } from '../../../vehicle/domain/plate';
import { carriesGoods, visitDecider } from '../../domain/visit.decider';
import { visitMessageOf } from '../../integration/visit-events.mapper';
import { requireVisitOnSite } from '../../on-site';
import { exitDecisionView, ticketView } from '../../visit.views';
import type { ScaleReadingResponseDto } from '../../weighbridge.response.dto';
import { ExitCheckCommandHandler } from '../exit-check/exit-check.command-handler';
import type { ScaleReadingRequestDto } from './scale-reading.request.dto';

/**
 * The weighbridge scale's reading: the vehicle's visit on site is found by plate, the visit
 * records it as tare or gross, and the second reading issues the weigh ticket and, for a vehicle
 * carrying goods out, runs the exit check at once, in the same transaction.
 */
@Injectable()
export class ScaleReadingCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GateOutbox) private readonly outbox: GateOutbox,
    @Inject(ExitCheckCommandHandler) private readonly exitCheck: ExitCheckCommandHandler,
  ) {}

  async read(body: ScaleReadingRequestDto, caller: Caller): Promise<ScaleReadingResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['device']);
    const plate = requirePlate(body.plate, 'plate');
    const visitId = await requireVisitOnSite(this.db, plate);
    const deviceId = actor.subject;
    return this.store.transaction(async (tx) => {
      const handled = await handleCommandIn(tx, {
        ...streams.visit(visitId),
        decider: visitDecider,
        command: { type: 'RecordWeighing', data: { visitId, readingId: body.readingId, deviceId, weightKg: body.weightKg, readAt: body.readAt, actor, at } },
        metadata,
        outbox: this.outbox.of(visitMessageOf),
      });
      let state = handled.state;
      const ticketIssued = handled.appended?.events.some((event) => event.type === 'WeighTicketIssued') ?? false;
      if (ticketIssued && carriesGoods(state)) state = await this.exitCheck.checkIn(tx, visitId, state, actor, at, metadata);
      const reading = state.weighings.find((w) => w.deviceId === deviceId && w.readingId === body.readingId)!;
      const second = state.weighings.indexOf(reading) === 1;
      return {
        visitId,
        weighing: reading.weighing,
        weightKg: reading.weightKg,
        ticket: second ? ticketView(state) : null,
        exit: second ? exitDecisionView(state) : null,
      };
    });
  }
}
