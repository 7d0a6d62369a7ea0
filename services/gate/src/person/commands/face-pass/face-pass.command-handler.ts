import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn, loadAggregate } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { raiseAlarmIn } from '../../../alarm/commands/raise-alarm';
import { ALARM_THRESHOLDS } from '../../../alarm/domain/alarm-thresholds';
import { personRefusalAlarmOf } from '../../../alarm/domain/refusal-alarm';
import { streams } from '../../../common/events/streams';
import { GateOutbox } from '../../../common/integration/gate-outbox';
import { facePassDecider } from '../../domain/face-pass.decider';
import { staffDecider } from '../../domain/staff.decider';
import { personMessageOf } from '../../integration/person-events.mapper';
import type { FacePassResponseDto } from '../../person.response.dto';
import type { FacePassRequestDto } from './face-pass.request.dto';

/** A face lane's pass: the staff member's stream decides; the pass and a refusal's alarm commit together, once per pass. */
@Injectable()
export class FacePassCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GateOutbox) private readonly outbox: GateOutbox,
  ) {}

  async pass(body: FacePassRequestDto, caller: Caller): Promise<FacePassResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['device']);
    const deviceId = actor.subject;
    const passId = `${deviceId}-${body.passId}`;
    return this.store.transaction(async (tx) => {
      const staff = await loadAggregate(tx, streams.staff(body.staffId).streamId, staffDecider);
      const handled = await handleCommandIn(tx, {
        ...streams.facePass(passId),
        decider: facePassDecider,
        command: {
          type: 'RecordFacePass',
          data: { passId, staffId: body.staffId, lane: body.lane, deviceId, direction: body.direction, passedAt: body.passedAt, staff: staff.state, actor, at },
        },
        metadata,
        outbox: this.outbox.of(personMessageOf),
      });
      const pass = handled.state.pass!.data;
      if (handled.appended !== null && !pass.admitted) {
        await raiseAlarmIn(
          tx,
          this.outbox,
          personRefusalAlarmOf({ refusalId: passId, location: pass.lane, subject: pass.staffId, reasons: pass.reasons, at }, ALARM_THRESHOLDS),
          at,
          metadata,
        );
      }
      return {
        passId,
        staffId: pass.staffId,
        lane: pass.lane,
        direction: pass.direction,
        outcome: pass.admitted ? 'admitted' : 'refused',
        reasons: [...pass.reasons],
        passedAt: pass.passedAt,
      };
    });
  }
}
