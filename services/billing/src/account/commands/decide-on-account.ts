import { handleCommandIn, type EventMetadata, type EventStoreTransaction } from '@dw/event-store';
import { streams } from '../../common/events/streams';
import type { AccountCommand } from '../domain/account.commands';
import { accountDecider } from '../domain/account.decider';
import type { AccountOutbox } from '../integration/account-outbox';

/**
 * Decides one command on a party's account inside the caller's transaction (an HTTP request's,
 * or the inbox row's for a message), publishing the account's public events through the outbox.
 */
export function decideOnAccount(
  tx: EventStoreTransaction,
  outbox: AccountOutbox,
  partyId: string,
  command: AccountCommand,
  metadata: EventMetadata,
  expectedVersion?: number,
) {
  return handleCommandIn(tx, {
    ...streams.account(partyId),
    decider: accountDecider,
    command,
    metadata,
    expectedVersion,
    outbox: outbox.for(partyId),
  });
}
