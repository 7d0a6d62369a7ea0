import { factoryDeliveryEventSchemas, factoryFactoryTopic, factoryIssuanceTopic } from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { factoriesProjection } from './factory/projections/factories.projection';

/** The factory-delivery service as data: its read models, topics and contracts (main.ts, provisioning, rebuild and verify read it). */
export const factoryDeliveryServiceDefinition: ServiceDefinition = {
  name: 'factory-delivery',
  migrations: [],
  projections: [factoriesProjection],
  producedTopics: [factoryFactoryTopic, factoryIssuanceTopic],
  consumedTopics: [],
  eventSchemas: [...factoryDeliveryEventSchemas],
};
