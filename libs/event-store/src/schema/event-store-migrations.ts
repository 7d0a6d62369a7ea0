import { EventStoreSchema1763683200000 } from './event-store-schema.migration';
import { EventStoreOutboxParked1765065600000 } from './outbox-parked.migration';
import { EventStoreStreamCommitOrder1765152000000 } from './stream-commit-order.migration';

/** The event store's tables, in order: every service schema runs them first. */
export const eventStoreMigrations = [EventStoreSchema1763683200000, EventStoreOutboxParked1765065600000, EventStoreStreamCommitOrder1765152000000];
