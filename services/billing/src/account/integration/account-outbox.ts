import { Inject, Injectable } from '@nestjs/common';
import type { OutboxMapper, PendingEvent } from '@dw/event-store';
import { BillingOutbox } from '../../common/integration/billing-outbox';
import type { AccountEvent } from '../domain/account.events';
import { accountPublicEvent } from './account-events.mapper';

/** Writes the public form of a party's account events into the outbox, in the transaction that appends them (through the service's one BillingOutbox). */
@Injectable()
export class AccountOutbox {
  constructor(@Inject(BillingOutbox) private readonly outbox: BillingOutbox) {}

  for(partyId: string): OutboxMapper {
    return this.outbox.of((event) => {
      const published = accountPublicEvent(partyId, event as PendingEvent<AccountEvent> as AccountEvent);
      return published ? [published] : [];
    });
  }
}
