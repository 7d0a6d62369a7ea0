import { LotWeightToleranceExceededSchema } from '../gen/dw/inventory/v1/lot_alarm_pb';
import { LotBecameAvailableSchema } from '../gen/dw/inventory/v1/lot_pb';
import { LotShippedOutSchema, PiecesShippedOutSchema } from '../gen/dw/inventory/v1/outbound_pb';
import { StockHoldPlacedSchema, StockHoldReleasedSchema } from '../gen/dw/inventory/v1/stock_hold_pb';
import { StockShortfallDetectedSchema, StockVarianceAppliedSchema } from '../gen/dw/inventory/v1/stock_variance_pb';
import { OperationRefusedSchema, WorkOrderStepPerformedSchema } from '../gen/dw/inventory/v1/operation_pb';
import { DAY_MS, defineTopic, type TopicSpec } from '../topics';

/**
 * The inventory service's lot events. Keyed by lot id. Kept 30 days: consumers (receipt,
 * order) are expected to be current within hours; anything older is rebuilt from the
 * inventory service's own log, not from Kafka.
 */
export const inventoryLotTopic: TopicSpec = defineTopic({
  name: 'inventory.lot.v1',
  partitions: 6,
  retentionMs: 30 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'Lot lifecycle facts of the inventory service (inbound completion, weight tolerance alarms, stock holds, load-outs, stocktake corrections and shortfall alarms), key = lot id.',
  ownerService: 'inventory',
  eventTypes: [
    LotBecameAvailableSchema.typeName,
    LotWeightToleranceExceededSchema.typeName,
    StockHoldPlacedSchema.typeName,
    StockHoldReleasedSchema.typeName,
    PiecesShippedOutSchema.typeName,
    LotShippedOutSchema.typeName,
    StockVarianceAppliedSchema.typeName,
    StockShortfallDetectedSchema.typeName,
  ],
});

/**
 * Physical operations under work orders: a workflow step's floor work finished (the order
 * service records it in the order's history) and operations refused at the source (ops act on
 * them). Kept 90 days, the span of an ops review of refused operations.
 */
export const inventoryOperationTopic: TopicSpec = defineTopic({
  name: 'inventory.operation.v1',
  partitions: 6,
  retentionMs: 90 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'WorkOrderStepPerformed (floor work of a workflow step done) and OperationRefused (refused at the source), key = stream decided on.',
  ownerService: 'inventory',
  eventTypes: [WorkOrderStepPerformedSchema.typeName, OperationRefusedSchema.typeName],
});

export const inventoryEventSchemas = [
  LotBecameAvailableSchema,
  LotWeightToleranceExceededSchema,
  StockHoldPlacedSchema,
  StockHoldReleasedSchema,
  PiecesShippedOutSchema,
  LotShippedOutSchema,
  StockVarianceAppliedSchema,
  StockShortfallDetectedSchema,
  WorkOrderStepPerformedSchema,
  OperationRefusedSchema,
] as const;
