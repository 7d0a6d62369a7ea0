import { Inject, Injectable } from '@nestjs/common';
import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { EventRegistry, type TopicSpec } from '@dw/contracts';
import type { OutboxMapper, OutboxMessage, PendingEvent } from '@dw/event-store';
import { derivedMessageId } from '@dw/kernel';
import { cloudEventMessage } from '@dw/messaging';
import { TopicNames } from '@dw/platform';

/** One public message for a domain event: which topic, which contract, and which key. */
export interface PublicEvent {
  readonly topic: TopicSpec;
  readonly schema: DescMessage;
  readonly message: MessageShape<DescMessage>;
  readonly key: string;
}

export function publicEvent<Desc extends DescMessage>(topic: TopicSpec, schema: Desc, message: MessageShape<Desc>, key: string): PublicEvent {
  return { topic, schema, message, key };
}

export const BILLING_SOURCE = '/dw/billing';

/**
 * Writes the public form of billing's events into the outbox, in the transaction of the events:
 * protobuf bytes from the contract registry, CloudEvents headers, the key each contract names
 * (party_id on billing.bank.v1, the bank on billing.alarm.v1).
 */
@Injectable()
export class BillingOutbox {
  constructor(
    @Inject(EventRegistry) private readonly registry: EventRegistry,
    @Inject(TopicNames) private readonly topics: TopicNames,
  ) {}

  /** The `outbox` of handleCommandIn: every new event's public messages, as `map` gives them. */
  of(map: (event: PendingEvent) => readonly PublicEvent[]): OutboxMapper {
    return (pending) => pending.flatMap((event) => map(event).map((published, index) => this.message(event, published, index)));
  }

  private message(event: PendingEvent, published: PublicEvent, index: number): OutboxMessage {
    // A second message of one event (a payment matched by a manager is also an alarm resolved)
    // gets an id derived from the event's, so inboxes see two messages and a relay retry repeats both ids.
    const id = index === 0 ? event.eventId : derivedMessageId(event.eventId, published.schema.typeName);
    const message = cloudEventMessage(
      { ...event, eventId: id },
      {
        topic: this.topics.of(published.topic),
        source: BILLING_SOURCE,
        type: published.schema.typeName,
        payload: this.registry.encodeEvent(published.schema.typeName, published.message),
      },
    );
    return { ...message, key: published.key };
  }
}
