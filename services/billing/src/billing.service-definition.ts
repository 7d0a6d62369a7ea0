import { billingAlarmTopic, billingBankEventSchemas, billingBankTopic } from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { bankPaymentsProjection } from './bank/projections/bank-payments.projection';
import { reconciliationBreaksProjection } from './bank/projections/reconciliation-breaks.projection';
import { virtualAccountsProjection } from './bank/projections/virtual-accounts.projection';
import { rateCardVersionsProjection } from './rate-card/projections/rate-card-versions.projection';

/** The billing service as data: its tables, read models, topics and contracts (main.ts, provisioning, rebuild and verify read it). */
export const billingServiceDefinition: ServiceDefinition = {
  name: 'billing',
  migrations: [],
  projections: [rateCardVersionsProjection, virtualAccountsProjection, bankPaymentsProjection, reconciliationBreaksProjection],
  producedTopics: [billingBankTopic, billingAlarmTopic],
  consumedTopics: [],
  eventSchemas: [...billingBankEventSchemas],
};
