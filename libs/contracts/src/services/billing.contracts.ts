import {
  BankNotificationConflictRaisedSchema,
  ReconciliationBreakRaisedSchema,
  ReconciliationBreakResolvedSchema,
  UnmatchedBankPaymentAssignedSchema,
  UnmatchedBankPaymentRaisedSchema,
} from '../gen/dw/billing/v1/alarm_pb';
import { BankPaymentReceivedSchema, BankWithdrawalConfirmedSchema, BankWithdrawalRefusedSchema } from '../gen/dw/billing/v1/bank_pb';
import { defineTopic, type TopicSpec } from '../topics';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Money that really moved at a bank, each real bank transaction once; key = party_id, so one
 * party's payments and withdrawals stay in order. Kept a year: the money part books from it and a
 * statement of any month can be checked against it.
 */
export const billingBankTopic: TopicSpec = defineTopic({
  name: 'billing.bank.v1',
  partitions: 6,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'Incoming payments and top-ups booked to a party, withdrawals confirmed or refused by the bank; key = party_id.',
  ownerService: 'billing',
  eventTypes: [BankPaymentReceivedSchema.typeName, BankWithdrawalConfirmedSchema.typeName, BankWithdrawalRefusedSchema.typeName],
});

/** Billing's alarms for people: reconciliation breaks, unmatched payments and conflicting bank notifications; key = "bank-<bank_id>". */
export const billingAlarmTopic: TopicSpec = defineTopic({
  name: 'billing.alarm.v1',
  partitions: 1,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'ReconciliationBreakRaised/Resolved: a bank statement line and our book disagree until a manager resolves it; UnmatchedBankPaymentRaised/Assigned: a payment held until a manager assigns it; BankNotificationConflictRaised: a bank reused a transaction id with other content.',
  ownerService: 'billing',
  eventTypes: [
    ReconciliationBreakRaisedSchema.typeName,
    ReconciliationBreakResolvedSchema.typeName,
    UnmatchedBankPaymentRaisedSchema.typeName,
    UnmatchedBankPaymentAssignedSchema.typeName,
    BankNotificationConflictRaisedSchema.typeName,
  ],
});

export const billingBankEventSchemas = [
  BankPaymentReceivedSchema,
  BankWithdrawalConfirmedSchema,
  BankWithdrawalRefusedSchema,
  ReconciliationBreakRaisedSchema,
  ReconciliationBreakResolvedSchema,
  UnmatchedBankPaymentRaisedSchema,
  UnmatchedBankPaymentAssignedSchema,
  BankNotificationConflictRaisedSchema,
] as const;
