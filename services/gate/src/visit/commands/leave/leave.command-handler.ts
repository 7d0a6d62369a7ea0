import { Inject, Injectable } from '@nestjs/common';
import { Database, EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { requireGate, SLOT_PLAN } from '../../../appointment/domain/slot-plan';
import { streams } from '../../../common/events/streams';
import { GateOutbox } from '../../../common/integration/gate-outbox';
import { requirePlate } from '../../../vehicle/domain/plate';
import { type ExitMethod, visitDecider } from '../../domain/visit.decider';
import { visitMessageOf } from '../../integration/visit-events.mapper';
import { requireVisitOnSite } from '../../on-site';
import { barrierView } from '../../visit.views';
import type { BarrierResponseDto } from '../../weighbridge.response.dto';

/** A vehicle at the exit barrier: found on site by plate, it leaves on its pass (or needing none), or stays with the reasons. */
@Injectable()
export class LeaveCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GateOutbox) private readonly outbox: GateOutbox,
  ) {}

  camera(body: { readId: string; gate: string; plate: string }, caller: Caller): Promise<BarrierResponseDto> {
    return this.leave({ ...body, method: 'plate_camera', reason: '' }, caller);
  }

  guard(body: { gate: string; plate: string; reason: string }, caller: Caller): Promise<BarrierResponseDto> {
    return this.leave({ ...body, method: 'guard' }, caller);
  }

  private async leave(input: { gate: string; plate: string; reason: string; method: ExitMethod }, caller: Caller): Promise<BarrierResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, input.method === 'guard' ? ['gate_guard'] : ['device']);
    const gate = requireGate(SLOT_PLAN, input.gate);
    const plate = requirePlate(input.plate, 'plate');
    const visitId = await requireVisitOnSite(this.db, plate);
    return this.store.transaction(async (tx) => {
      const handled = await handleCommandIn(tx, {
        ...streams.visit(visitId),
        decider: visitDecider,
        command: {
          type: 'LeaveSite',
          data: { visitId, gate, method: input.method, reason: input.reason, deviceId: input.method === 'guard' ? '' : actor.subject, actor, at },
        },
        metadata,
        outbox: this.outbox.of(visitMessageOf),
      });
      return barrierView(visitId, handled.state);
    });
  }
}
