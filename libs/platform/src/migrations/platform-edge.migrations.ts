import { IdempotencyKeys1763683300001 } from './idempotency-keys.migration';
import { IntegrationNonces1763683300000 } from './integration-nonces.migration';

/** The platform's tables, for each service's migration list (next to the event store's). */
export const platformEdgeMigrations = [IntegrationNonces1763683300000, IdempotencyKeys1763683300001];
