import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand, handleCommandIn, loadAggregate } from '@dw/event-store';
import { type Clock, requireResidentId } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { randomUUID } from 'node:crypto';
import { raiseAlarmIn } from '../../../alarm/commands/raise-alarm';
import { ALARM_THRESHOLDS } from '../../../alarm/domain/alarm-thresholds';
import { personRefusalAlarmOf } from '../../../alarm/domain/refusal-alarm';
import { requireGate, SLOT_PLAN } from '../../../appointment/domain/slot-plan';
import { streams } from '../../../common/events/streams';
import { GateOutbox } from '../../../common/integration/gate-outbox';
import { driverDecider } from '../../../vehicle/domain/driver.decider';
import { personVisitDecider } from '../../domain/person-visit.decider';
import { personMessageOf } from '../../integration/person-events.mapper';
import type { PersonEntryResponseDto, PersonExitResponseDto } from '../../person.response.dto';

/**
 * A guard at the gatehouse lets a visitor in on the ID card, or records the refusal and raises
 * its alarm, in one transaction with the visit; and records a visitor leaving.
 */
@Injectable()
export class PassGateCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GateOutbox) private readonly outbox: GateOutbox,
  ) {}

  async enter(body: { gate: string; appointmentId: string; residentIdNumber: string }, caller: Caller): Promise<PersonEntryResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['gate_guard']);
    const gate = requireGate(SLOT_PLAN, body.gate);
    const residentIdNumber = requireResidentId(body.residentIdNumber, 'residentIdNumber');
    const entryId = randomUUID();
    return this.store.transaction(async (tx) => {
      // The blacklist by ID number is the drivers' (a person barred at the gate is barred on foot too).
      const person = await loadAggregate(tx, streams.driver(residentIdNumber).streamId, driverDecider);
      const handled = await handleCommandIn(tx, {
        ...streams.personVisit(body.appointmentId),
        decider: personVisitDecider,
        command: {
          type: 'RecordPersonEntry',
          data: { personVisitId: body.appointmentId, entryId, gate, residentIdNumber, blacklisted: person.state.blacklisted, actor, at },
        },
        metadata,
        outbox: this.outbox.of(personMessageOf),
      });
      const entry = handled.state.lastEntry!;
      if (entry.type === 'PersonRefused') {
        await raiseAlarmIn(
          tx,
          this.outbox,
          personRefusalAlarmOf({ refusalId: entryId, location: gate, subject: residentIdNumber, reasons: entry.data.reasons, at }, ALARM_THRESHOLDS),
          at,
          metadata,
        );
      }
      return {
        personVisitId: body.appointmentId,
        entryId,
        gate,
        outcome: entry.type === 'PersonAdmitted' ? 'admitted' : 'refused',
        reasons: entry.type === 'PersonRefused' ? [...entry.data.reasons] : [],
        decidedBy: actor.subject,
      };
    });
  }

  async exit(body: { gate: string; personVisitId: string }, caller: Caller): Promise<PersonExitResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['gate_guard']);
    const gate = requireGate(SLOT_PLAN, body.gate);
    const handled = await handleCommand(this.store, {
      ...streams.personVisit(body.personVisitId),
      decider: personVisitDecider,
      command: { type: 'RecordPersonExit', data: { personVisitId: body.personVisitId, gate, actor, at } },
      metadata,
      outbox: this.outbox.of(personMessageOf),
    });
    return { personVisitId: body.personVisitId, status: handled.state.status! };
  }
}
