import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../common/domain/actor';
import { streams } from '../../../common/events/streams';
import { GateOutbox } from '../../../common/integration/gate-outbox';
import { HOSTS, type PersonVisitCommand, personVisitDecider, REQUESTERS, type Visitor } from '../../domain/person-visit.decider';
import { personMessageOf } from '../../integration/person-events.mapper';
import type { PersonVisitResponseDto } from '../../person.response.dto';
import { personVisitView } from '../person-visit-view';

/** Visitors asked for online or registered at the gatehouse, and the host's approval or decline: one stream per visit. */
@Injectable()
export class VisitorCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GateOutbox) private readonly outbox: GateOutbox,
  ) {}

  request(body: { visitor: Visitor; host: string; date: string; purpose: string; plate?: string }, caller: Caller): Promise<PersonVisitResponseDto> {
    const personVisitId = randomUUID();
    return this.decide(personVisitId, caller, REQUESTERS, (actor, at) => ({
      type: 'RequestVisitorAppointment',
      data: { personVisitId, visitor: body.visitor, host: body.host, date: body.date, purpose: body.purpose, plate: body.plate ?? null, actor, at },
    }));
  }

  register(body: { visitor: Visitor; host: string; purpose: string }, caller: Caller): Promise<PersonVisitResponseDto> {
    const personVisitId = randomUUID();
    return this.decide(personVisitId, caller, ['gate_guard'], (actor, at) => ({
      type: 'RegisterVisitor',
      data: { personVisitId, visitor: body.visitor, host: body.host, purpose: body.purpose, actor, at },
    }));
  }

  approve(personVisitId: string, caller: Caller): Promise<PersonVisitResponseDto> {
    return this.decide(personVisitId, caller, HOSTS, (actor, at) => ({ type: 'ApproveVisitor', data: { personVisitId, actor, at } }));
  }

  decline(personVisitId: string, body: { reason: string }, caller: Caller): Promise<PersonVisitResponseDto> {
    return this.decide(personVisitId, caller, HOSTS, (actor, at) => ({ type: 'DeclineVisitor', data: { personVisitId, reason: body.reason, actor, at } }));
  }

  private async decide(
    personVisitId: string,
    caller: Caller,
    roles: readonly Actor['role'][],
    command: (actor: Actor, at: string) => PersonVisitCommand,
  ): Promise<PersonVisitResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, roles);
    const handled = await handleCommand(this.store, {
      ...streams.personVisit(personVisitId),
      decider: personVisitDecider,
      command: command(actor, at),
      metadata,
      outbox: this.outbox.of(personMessageOf),
    });
    return personVisitView(handled.state);
  }
}
