import {
  billingFeeTopic,
  FeeAccruedSchema,
  FeeReversedSchema,
  inventoryLotTopic,
  LotBecameAvailableSchema,
  LotShippedOutSchema,
  orderWorkOrderTopic,
  PiecesShippedOutSchema,
  receiptEventSchemas,
  receiptReceiptTopic,
  WorkOrderOpenedSchema,
} from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { feesProjection } from './accrual/projections/fees.projection';
import { holdingsProjection } from './accrual/projections/holdings.projection';
import { rateCardVersionsProjection } from './rate-card/projections/rate-card-versions.projection';

/** The billing service as data: its tables, read models, topics and contracts (main.ts, provisioning, rebuild and verify read it). */
export const billingServiceDefinition: ServiceDefinition = {
  name: 'billing',
  migrations: [],
  projections: [rateCardVersionsProjection, holdingsProjection, feesProjection],
  producedTopics: [billingFeeTopic],
  consumedTopics: [receiptReceiptTopic, inventoryLotTopic, orderWorkOrderTopic],
  eventSchemas: [
    FeeAccruedSchema,
    FeeReversedSchema,
    ...receiptEventSchemas,
    LotBecameAvailableSchema,
    PiecesShippedOutSchema,
    LotShippedOutSchema,
    WorkOrderOpenedSchema,
  ],
};
