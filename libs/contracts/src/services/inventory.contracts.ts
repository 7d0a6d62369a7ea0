import { LotBecameAvailableSchema } from '../gen/dw/inventory/v1/lot_pb';
import { defineTopic, type TopicSpec } from '../topics';

const DAY_MS = 24 * 60 * 60 * 1000;

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
  description: 'Lot lifecycle facts of the inventory service (inbound completion, ...), key = lot id.',
  ownerService: 'inventory',
  eventTypes: [LotBecameAvailableSchema.typeName],
});

export const inventoryEventSchemas = [LotBecameAvailableSchema] as const;
