import { WorkOrderCancelledSchema, WorkOrderCompletedSchema, WorkOrderOpenedSchema, WorkOrderStepRecordedSchema } from '../gen/dw/order/v1/work_order_pb';
import { DAY_MS, defineTopic, type TopicSpec } from '../topics';

/**
 * The order service's work-order lifecycle, keyed by the order's stream id so that one order's
 * facts stay in order. Kept 30 days: the inventory service is current within seconds, and a new
 * consumer starts from the order service's API and its own log, not from Kafka's history.
 */
export const orderWorkOrderTopic: TopicSpec = defineTopic({
  name: 'order.work-order.v1',
  partitions: 6,
  retentionMs: 30 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'Work orders opened, steps recorded (who, when), completed and cancelled; key = work-order stream id.',
  ownerService: 'order',
  eventTypes: [WorkOrderOpenedSchema.typeName, WorkOrderStepRecordedSchema.typeName, WorkOrderCompletedSchema.typeName, WorkOrderCancelledSchema.typeName],
});

export const orderEventSchemas = [WorkOrderOpenedSchema, WorkOrderStepRecordedSchema, WorkOrderCompletedSchema, WorkOrderCancelledSchema] as const;
