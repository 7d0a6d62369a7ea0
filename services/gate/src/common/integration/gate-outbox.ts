import { Inject, Injectable } from '@nestjs/common';
import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { EventRegistry, type TopicSpec } from '@dw/contracts';
import type { OutboxMapper, OutboxMessage, PendingEvent } from '@dw/event-store';
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

/**
 * Writes the public form of the gate's events into the outbox, in the transaction of the events:
 * protobuf bytes from the contract registry, CloudEvents headers, the key each contract names
 * (the visit id on gate.visit.v1, the alarm id on gate.alarm.v1).
 */
@Injectable()
export class GateOutbox {
  constructor(
    @Inject(EventRegistry) private readonly registry: EventRegistry,
    @Inject(TopicNames) private readonly topics: TopicNames,
  ) {}

  /** The `outbox` of handleCommandIn: each new event's public message, as `map` gives it (null: none). */
  of(map: (event: PendingEvent) => PublicEvent | null): OutboxMapper {
    return (pending) =>
      pending.flatMap((event) => {
        const published = map(event);
        if (published === null) return [];
        const message: OutboxMessage = cloudEventMessage(event, {
          topic: this.topics.of(published.topic),
          source: '/dw/gate',
          type: published.schema.typeName,
          payload: this.registry.encodeEvent(published.schema.typeName, published.message),
        });
        return [{ ...message, key: published.key }];
      });
  }
}
