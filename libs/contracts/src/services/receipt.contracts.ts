import { OutboundEntitlementGrantedSchema } from '../gen/dw/receipt/v1/entitlement_pb';
import { defineTopic, type TopicSpec } from '../topics';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Outbound entitlements from receipt cancellations (注销), key = entitlement id; the order service opens outbound orders from them. */
export const receiptEntitlementTopic: TopicSpec = defineTopic({
  name: 'receipt.entitlement.v1',
  partitions: 3,
  retentionMs: 30 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'OutboundEntitlementGranted: a cancelled receipt released its lots to the holder, key = entitlement id.',
  ownerService: 'receipt',
  eventTypes: [OutboundEntitlementGrantedSchema.typeName],
});

export const receiptEventSchemas = [OutboundEntitlementGrantedSchema] as const;
