import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import type { OutboxMapper, PendingEvent } from '@dw/event-store';
import { cloudEventMessage } from '@dw/messaging';
import { TopicNames } from '@dw/platform';
import type { AccountEvent } from '../domain/account.events';
import { accountPublicEvent } from './account-events.mapper';

export const BILLING_SOURCE = '/dw/billing';

/** Writes the public form of a party's account events into the outbox, in the transaction that appends them. */
@Injectable()
export class AccountOutbox {
  constructor(
    @Inject(EventRegistry) private readonly registry: EventRegistry,
    @Inject(TopicNames) private readonly topics: TopicNames,
  ) {}

  for(partyId: string): OutboxMapper {
    return (pending) =>
      pending.flatMap((event) => {
        const published = accountPublicEvent(partyId, event as PendingEvent<AccountEvent> as AccountEvent);
        if (!published) return [];
        const message = cloudEventMessage(event, {
          topic: this.topics.of(published.topic),
          source: BILLING_SOURCE,
          type: published.schema.typeName,
          payload: this.registry.encodeEvent(published.schema.typeName, published.message),
        });
        return [{ ...message, key: published.key }];
      });
  }
}
