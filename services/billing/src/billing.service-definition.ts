import type { ServiceDefinition } from '@dw/platform';
import { rateCardVersionsProjection } from './rate-card/projections/rate-card-versions.projection';

/** The billing service as data: its tables, read models, topics and contracts (main.ts, provisioning, rebuild and verify read it). */
export const billingServiceDefinition: ServiceDefinition = {
  name: 'billing',
  migrations: [],
  projections: [rateCardVersionsProjection],
  producedTopics: [],
  consumedTopics: [],
  eventSchemas: [],
};
