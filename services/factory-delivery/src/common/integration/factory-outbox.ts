import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import type { OutboxMapper, PendingEvent } from '@dw/event-store';
import { publicEventMessage, TopicNames, type PublicEvent } from '@dw/platform';

export { publicEvent, type PublicEvent } from '@dw/platform';

/**
 * Writes the public form of the factory-delivery events into the outbox, in the transaction of
 * the events, with the key each contract names (the factory id on factory-delivery.factory.v1, the
 * application id on factory-delivery.issuance.v1).
 */
@Injectable()
export class FactoryOutbox {
  constructor(
    @Inject(EventRegistry) private readonly registry: EventRegistry,
    @Inject(TopicNames) private readonly topics: TopicNames,
  ) {}

  /** The `outbox` of handleCommand: each new event's public message, as `map` gives it (null: none). */
  of(map: (event: PendingEvent) => PublicEvent | null): OutboxMapper {
    const wiring = { source: '/dw/factory-delivery', registry: this.registry, topics: this.topics };
    return (pending) =>
      pending.flatMap((event) => {
        const published = map(event);
        return published === null ? [] : [publicEventMessage(event, published, 0, wiring)];
      });
  }
}
