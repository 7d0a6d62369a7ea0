import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import type { EventRegistry, TopicSpec } from '@dw/contracts';
import type { OutboxMessage, PendingEvent } from '@dw/event-store';
import { derivedMessageId } from '@dw/kernel';
import { cloudEventMessage } from '@dw/messaging';
import type { TopicNames } from './event-sourcing.module';

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

/**
 * The outbox row of the `index`-th public message of one domain event: protobuf bytes from the
 * contract registry, CloudEvents headers from `source`, key = the stream id unless the contract
 * names another. The first message carries the event's id; a further one (a payment matched by
 * hand is also an alarm resolved, a cancellation also grants an entitlement) gets an id derived
 * from it, so consumers' inboxes, which deduplicate by ce_id, see two messages, and a relay retry
 * still repeats the same ids.
 */
export function publicEventMessage(
  event: PendingEvent,
  published: PublicEvent,
  index: number,
  wiring: { source: string; registry: EventRegistry; topics: TopicNames },
): OutboxMessage {
  const id = index === 0 ? event.eventId : derivedMessageId(event.eventId, published.schema.typeName);
  const message = cloudEventMessage(
    { ...event, eventId: id },
    {
      topic: wiring.topics.of(published.topic),
      source: wiring.source,
      type: published.schema.typeName,
      payload: wiring.registry.encodeEvent(published.schema.typeName, published.message),
    },
  );
  return published.key === undefined ? message : { ...message, key: published.key };
}
