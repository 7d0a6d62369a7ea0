import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import type { OutboxMapper, OutboxMessage, PendingEvent } from '@dw/event-store';
import type { BusinessCalendar, Decider, DomainEvent } from '@dw/kernel';
import { BusinessCalendars, publicEventMessage, TopicNames, type PublicEvent } from '@dw/platform';

export { publicEvent, type PublicEvent } from '@dw/platform';

/** What a mapper may need beyond the event: the business calendar as the log has it now. */
export interface PublicEventContext {
  readonly calendar: BusinessCalendar;
}

/** Maps one domain event, given its stream's state just before it, to its public messages (none for internal facts). */
export type PublicEventMapper<S> = (event: PendingEvent, before: S, context: PublicEventContext) => readonly PublicEvent[];

export const RECEIPT_SOURCE = '/dw/receipt';

/**
 * Writes the public form of the receipt service's events into the outbox (same transaction as
 * the events): protobuf bytes from the contract registry, CloudEvents headers, key = the
 * stream id unless the contract says otherwise (entitlements are keyed by entitlement id).
 */
@Injectable()
export class ReceiptOutbox {
  constructor(
    @Inject(EventRegistry) private readonly registry: EventRegistry,
    @Inject(TopicNames) private readonly topics: TopicNames,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  /**
   * The `outboxFor` of handleCommandIn: given the stream's state before the command, walks the
   * new events with the decider so each is mapped against the state right before it.
   */
  of<S>(decider: Pick<Decider<never, S, DomainEvent>, 'evolve'>, map: PublicEventMapper<S>): (before: S) => OutboxMapper {
    return (before) => (pending) => {
      const context: PublicEventContext = { calendar: this.calendars.current() };
      let state = before;
      return pending.flatMap((event) => {
        const messages = map(event, state, context).map((published, index) => this.message(event, published, index));
        state = decider.evolve(state, { type: event.type, data: event.data } as DomainEvent);
        return messages;
      });
    };
  }

  private message(event: PendingEvent, published: PublicEvent, index: number): OutboxMessage {
    return publicEventMessage(event, published, index, { source: RECEIPT_SOURCE, registry: this.registry, topics: this.topics });
  }
}
