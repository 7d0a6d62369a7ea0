import { OutboundEntitlementGrantedSchema, orderEventSchemas, orderWorkOrderTopic, receiptEntitlementTopic, WorkOrderStepPerformedSchema, inventoryOperationTopic } from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { integrationRefusalsProjection } from './work-order/projections/integration-refusals.projection';
import { workOrdersProjection } from './work-order/projections/work-orders.projection';
import { workflowVersionsProjection } from './workflow/projections/workflow-versions.projection';

/**
 * The order service: work orders and their configurable workflows. It publishes the work-order
 * lifecycle, consumes inventory's reports of floor work done (to record the steps) and receipt
 * cancellations for pickup (to open outbound orders).
 */
export const orderServiceDefinition: ServiceDefinition = {
  name: 'order',
  migrations: [],
  projections: [workOrdersProjection, workflowVersionsProjection, integrationRefusalsProjection],
  producedTopics: [orderWorkOrderTopic],
  consumedTopics: [inventoryOperationTopic, receiptEntitlementTopic],
  eventSchemas: [...orderEventSchemas, WorkOrderStepPerformedSchema, OutboundEntitlementGrantedSchema],
};
