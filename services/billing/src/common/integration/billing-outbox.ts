import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import type { OutboxMapper, OutboxMessage, PendingEvent } from '@dw/event-store';
import { publicEventMessage, TopicNames, type PublicEvent } from '@dw/platform';

export { publicEvent, type PublicEvent } from '@dw/platform';

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
    return publicEventMessage(event, published, index, { source: BILLING_SOURCE, registry: this.registry, topics: this.topics });
  }
}
