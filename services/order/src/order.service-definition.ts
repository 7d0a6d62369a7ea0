import {
  inventoryOperationTopic,
  orderEventSchemas,
  orderWorkOrderTopic,
  OutboundEntitlementExhaustedSchema,
  OutboundEntitlementGrantedSchema,
  receiptEntitlementTopic,
  receiptReceiptTopic,
  ReceiptCancelledSchema,
  ReceiptIssuedSchema,
  ReceiptMergedSchema,
  ReceiptSplitSchema,
  ReceiptTitleTransferredSchema,
  receiptStorageCardTopic,
  storageCardSchemas,
  WorkOrderStepPerformedSchema,
} from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { integrationRefusalsProjection } from './work-order/projections/integration-refusals.projection';
import { workOrdersProjection } from './work-order/projections/work-orders.projection';
import { workflowVersionsProjection } from './workflow/projections/workflow-versions.projection';

/**
 * The order service: work orders and their configurable workflows. It publishes the work-order
 * lifecycle, consumes inventory's reports of floor work done (to record the steps), receipt
 * entitlements from receipt cancellations (the holder's pickup application opens the outbound order) and the receipt service's storage cards (an
 * order names only an approved card, for the card's party), and receipt transfers (a title-transfer
 * order completes on them).
 */
export const orderServiceDefinition: ServiceDefinition = {
  name: 'order',
  migrations: [],
  projections: [workOrdersProjection, workflowVersionsProjection, integrationRefusalsProjection],
  producedTopics: [orderWorkOrderTopic],
  consumedTopics: [inventoryOperationTopic, receiptEntitlementTopic, receiptReceiptTopic, receiptStorageCardTopic],
  eventSchemas: [
    ...orderEventSchemas,
    WorkOrderStepPerformedSchema,
    OutboundEntitlementGrantedSchema,
    OutboundEntitlementExhaustedSchema,
    ReceiptIssuedSchema,
    ReceiptSplitSchema,
    ReceiptMergedSchema,
    ReceiptCancelledSchema,
    ReceiptTitleTransferredSchema,
    ...storageCardSchemas,
  ],
};
