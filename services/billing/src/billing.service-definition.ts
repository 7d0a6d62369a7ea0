import {
  billingFeeTopic,
  billingPaymentTopic,
  FeeAccruedSchema,
  FeeReversedSchema,
  FeesSettledSchema,
  PaymentBookedSchema,
  WithdrawalCompletedSchema,
} from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { rateCardVersionsProjection } from './rate-card/projections/rate-card-versions.projection';
import { statementsProjection } from './statement/projections/statements.projection';

/** The billing service as data: its tables, read models, topics and contracts (main.ts, provisioning, rebuild and verify read it). */
export const billingServiceDefinition: ServiceDefinition = {
  name: 'billing',
  migrations: [],
  projections: [rateCardVersionsProjection, statementsProjection],
  producedTopics: [],
  consumedTopics: [billingFeeTopic, billingPaymentTopic],
  eventSchemas: [FeeAccruedSchema, FeeReversedSchema, PaymentBookedSchema, FeesSettledSchema, WithdrawalCompletedSchema],
};
