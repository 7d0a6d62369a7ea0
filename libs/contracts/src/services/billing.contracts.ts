import { FeeAccruedSchema, FeeReversedSchema } from '../gen/dw/billing/v1/fee_pb';
import {
  FeesSettledSchema,
  PaymentBookedSchema,
  WithdrawalApprovedSchema,
  WithdrawalCompletedSchema,
  WithdrawalRequestedSchema,
  WithdrawalReturnedSchema,
} from '../gen/dw/billing/v1/payment_pb';
import { defineTopic, type TopicSpec } from '../topics';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every fee charged to a party and every fee cancelled in full, key = party id, so one party's fees arrive in order. */
export const billingFeeTopic: TopicSpec = defineTopic({
  name: 'billing.fee.v1',
  partitions: 6,
  retentionMs: 90 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'FeeAccrued (a fee charged to a party, deterministic fee id) and FeeReversed (an earlier fee cancelled in full), key = party id.',
  ownerService: 'billing',
  eventTypes: [FeeAccruedSchema.typeName, FeeReversedSchema.typeName],
});

const paymentSchemas = [
  PaymentBookedSchema,
  FeesSettledSchema,
  WithdrawalRequestedSchema,
  WithdrawalApprovedSchema,
  WithdrawalCompletedSchema,
  WithdrawalReturnedSchema,
] as const;

/** Payments booked to a party's account, the fees they settle, and withdrawals, key = party id. */
export const billingPaymentTopic: TopicSpec = defineTopic({
  name: 'billing.payment.v1',
  partitions: 6,
  retentionMs: 90 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'PaymentBooked, FeesSettled (oldest first), WithdrawalRequested/Approved/Completed/Returned, key = party id.',
  ownerService: 'billing',
  eventTypes: paymentSchemas.map((schema) => schema.typeName),
});

export const billingEventSchemas = [FeeAccruedSchema, FeeReversedSchema, ...paymentSchemas] as const;
