import { Inject, Injectable } from '@nestjs/common';
import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { EventRegistry, type TopicSpec } from '@dw/contracts';
import type { OutboxMapper, OutboxMessage, PendingEvent } from '@dw/event-store';
import { derivedMessageId, type BusinessCalendar, type Decider, type DomainEvent } from '@dw/kernel';
import { cloudEventMessage } from '@dw/messaging';
import { BusinessCalendars, TopicNames } from '@dw/platform';

/** One public message for a domain event: which topic, which contract, and (when not the stream id) which key. */
export interface PublicEvent {
  readonly topic: TopicSpec;
  readonly schema: DescMessage;
  readonly message: MessageShape<DescMessage>;
  readonly key?: string;
}

export function publicEvent<Desc extends DescMessage>(topic: TopicSpec, schema: Desc, message: MessageShape<Desc>, key?: string): PublicEvent {
  return { topic, schema, message, ...(key !== undefined ? { key } : {}) };
}

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
    // The first message of an event carries the event's id; a further one (a cancellation's
    // entitlement) gets an id derived from it, so consumers' inboxes, which deduplicate by
    // ce_id, see two messages, and a relay retry still repeats the same two ids.
    const id = index === 0 ? event.eventId : derivedMessageId(event.eventId, published.schema.typeName);
    const message = cloudEventMessage(
      { ...event, eventId: id },
      {
        topic: this.topics.of(published.topic),
        source: RECEIPT_SOURCE,
        type: published.schema.typeName,
        payload: this.registry.encodeEvent(published.schema.typeName, published.message),
      },
    );
    return published.key === undefined ? message : { ...message, key: published.key };
  }
}
