import { EventStoreSchema1763683200000 } from './event-store-schema.migration';
import { EventStoreOutboxParked1765065600000 } from './outbox-parked.migration';
import { EventStoreStreamCommitOrder1765152000000 } from './stream-commit-order.migration';
import { EventStoreAppendOnlyTriggers1765152000002 } from './append-only-triggers.migration';
import { EventStoreInboxParked1765152000003 } from './inbox-parked.migration';

/** The event store's tables, in order: every service schema runs them first. */
export const eventStoreMigrations = [
  EventStoreSchema1763683200000,
  EventStoreOutboxParked1765065600000,
  EventStoreStreamCommitOrder1765152000000,
  EventStoreAppendOnlyTriggers1765152000002,
  EventStoreInboxParked1765152000003,
];
