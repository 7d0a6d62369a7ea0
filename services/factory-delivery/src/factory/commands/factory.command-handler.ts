import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { BusinessCalendars, CLOCK, callerContextOf, type Caller } from '@dw/platform';
import type { Actor, ActorRole } from '../../common/domain/actor';
import { streams } from '../../common/events/streams';
import { FactoryOutbox } from '../../common/integration/factory-outbox';
import type { FactoryTermsInput } from '../domain/factory-terms';
import type { FactoryCommand, GuaranteeInput } from '../domain/factory.commands';
import { factoryDecider } from '../domain/factory.decider';
import type { IssuanceRequest } from '../domain/factory.events';
import type { FactoryState } from '../domain/factory.state';
import { factoryMessageOf } from '../integration/factory-events.mapper';

const ROLES: readonly ActorRole[] = ['exchange', 'factory'];

/** What a command left behind: the factory's stream after it, and the application it was about. */
export interface Handled {
  readonly factoryId: string;
  readonly state: FactoryState;
  readonly version: number;
  /** The command's instant. */
  readonly at: string;
}

/**
 * Runs every command on a factory's one stream: the exchange's approvals, terms, demands and
 * decisions, the factory's guarantees and applications. Each appends at the version it read and
 * writes its public messages in the same transaction.
 */
@Injectable()
export class FactoryCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(FactoryOutbox) private readonly outbox: FactoryOutbox,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  approveFactory(body: { factoryId: string; name: string; commodity: string; terms: FactoryTermsInput }, caller: Caller): Promise<Handled> {
    return this.run(body.factoryId, caller, (acting) => ({
      type: 'ApproveFactory',
      data: { ...acting, name: body.name, commodity: body.commodity, terms: body.terms },
    }));
  }

  changeTerms(factoryId: string, terms: FactoryTermsInput, caller: Caller): Promise<Handled> {
    return this.run(factoryId, caller, (acting) => ({ type: 'ChangeFactoryTerms', data: { ...acting, terms } }));
  }

  provideGuarantee(factoryId: string, guarantee: GuaranteeInput, caller: Caller): Promise<Handled> {
    return this.run(factoryId, caller, (acting) => ({ type: 'ProvideGuarantee', data: { ...acting, guarantee } }));
  }

  demandAdjustment(factoryId: string, body: { requiredFen: number; deadline: string; reason: string }, caller: Caller): Promise<Handled> {
    return this.run(factoryId, caller, (acting) => ({ type: 'DemandGuaranteeAdjustment', data: { ...acting, ...body } }));
  }

  requestReduction(factoryId: string, body: { requestedFen: number; reason: string }, caller: Caller): Promise<Handled> {
    return this.run(factoryId, caller, (acting) => ({ type: 'RequestGuaranteeReduction', data: { ...acting, ...body } }));
  }

  approveReduction(factoryId: string, caller: Caller): Promise<Handled> {
    return this.run(factoryId, caller, (acting) => ({ type: 'ApproveGuaranteeReduction', data: acting }));
  }

  /** The application id is the service's: a retried request is the Idempotency-Key's to recognise. */
  async apply(
    factoryId: string,
    body: { request: IssuanceRequest; guarantee: GuaranteeInput | null },
    caller: Caller,
  ): Promise<{ handled: Handled; applicationId: string }> {
    const applicationId = randomUUID();
    const calendar = this.calendars.current();
    const handled = await this.run(factoryId, caller, (acting) => ({ type: 'ApplyForIssuance', data: { ...acting, applicationId, ...body, calendar } }));
    return { handled, applicationId };
  }

  approveIssuance(factoryId: string, applicationId: string, caller: Caller): Promise<Handled> {
    return this.run(factoryId, caller, (acting) => ({ type: 'ApproveIssuance', data: { ...acting, applicationId } }));
  }

  rejectIssuance(factoryId: string, applicationId: string, reason: string, caller: Caller): Promise<Handled> {
    return this.run(factoryId, caller, (acting) => ({ type: 'RejectIssuance', data: { ...acting, applicationId, reason } }));
  }

  private async run(factoryId: string, caller: Caller, command: (acting: { factoryId: string; actor: Actor; at: string }) => FactoryCommand): Promise<Handled> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ROLES);
    const handled = await handleCommand(this.store, {
      ...streams.factory(factoryId),
      decider: factoryDecider,
      command: command({ factoryId, actor, at }),
      metadata,
      outbox: this.outbox.of(factoryMessageOf),
    });
    return { factoryId, state: handled.state, version: handled.version, at };
  }
}
