import { FeeAccruedSchema, FeeReversedSchema } from '../gen/dw/billing/v1/fee_pb';
import { defineTopic, type TopicSpec } from '../topics';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every fee billing charges a party from the other services' facts, and every reversal of one,
 * key = party id (a party's fees stay in order). Kept a year: the money, statements and invoice
 * parts of billing consume it, and a statement period may be reopened within the year.
 */
export const billingFeeTopic: TopicSpec = defineTopic({
  name: 'billing.fee.v1',
  partitions: 6,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'FeeAccrued (a fee charged to a party: storage per day, transfer, load-in, load-out) and FeeReversed (one cancelled in full), key = party id.',
  ownerService: 'billing',
  eventTypes: [FeeAccruedSchema.typeName, FeeReversedSchema.typeName],
});

export const billingFeeEventSchemas = [FeeAccruedSchema, FeeReversedSchema] as const;
