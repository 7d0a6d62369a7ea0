import {
  BankNotificationConflictRaisedSchema,
  ReconciliationBreakRaisedSchema,
  ReconciliationBreakResolvedSchema,
  UnmatchedBankPaymentAssignedSchema,
  UnmatchedBankPaymentRaisedSchema,
} from '../gen/dw/billing/v1/alarm_pb';
import { BankPaymentReceivedSchema, BankWithdrawalConfirmedSchema, BankWithdrawalRefusedSchema } from '../gen/dw/billing/v1/bank_pb';
import { FeeAccruedSchema, FeeReversedSchema } from '../gen/dw/billing/v1/fee_pb';
import { StoragePaidThroughAdvancedSchema } from '../gen/dw/billing/v1/paid_through_pb';
import {
  FeesSettledSchema,
  PaymentBookedSchema,
  WithdrawalApprovedSchema,
  WithdrawalCompletedSchema,
  WithdrawalRejectedSchema,
  WithdrawalRequestedSchema,
  WithdrawalReturnedSchema,
} from '../gen/dw/billing/v1/payment_pb';
import { SettlementPricePublishedSchema } from '../gen/dw/billing/v1/settlement_price_pb';
import { TakePaidSchema, TakePaymentRefusedSchema } from '../gen/dw/billing/v1/trading_pb';
import { DAY_MS, defineTopic, type TopicSpec } from '../topics';

/** Every fee charged to a party and every reversal, key = party id (accrual writes; billing's account and statements read). */
export const billingFeeTopic: TopicSpec = defineTopic({
  name: 'billing.fee.v1',
  partitions: 6,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'FeeAccrued (a fee owed by a party for a day, receipt or movement) and FeeReversed (one cancelled in full); key = party id.',
  ownerService: 'billing',
  eventTypes: [FeeAccruedSchema.typeName, FeeReversedSchema.typeName],
});

/** What the banks said about a party's money, key = party id (bank integration writes; billing's account reads). */
export const billingBankTopic: TopicSpec = defineTopic({
  name: 'billing.bank.v1',
  partitions: 6,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'BankPaymentReceived (an incoming payment or top-up, once), BankWithdrawalConfirmed and BankWithdrawalRefused (the bank’s answer to a withdrawal); key = party id.',
  ownerService: 'billing',
  eventTypes: [BankPaymentReceivedSchema.typeName, BankWithdrawalConfirmedSchema.typeName, BankWithdrawalRefusedSchema.typeName],
});

const paymentSchemas = [
  PaymentBookedSchema,
  FeesSettledSchema,
  WithdrawalRequestedSchema,
  WithdrawalApprovedSchema,
  WithdrawalRejectedSchema,
  WithdrawalCompletedSchema,
  WithdrawalReturnedSchema,
] as const;

/** The money of each party's account, key = party id: kept a year, they are accounting records. */
export const billingPaymentTopic: TopicSpec = defineTopic({
  name: 'billing.payment.v1',
  partitions: 6,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'PaymentBooked, FeesSettled (oldest first, each fee in full), WithdrawalRequested, WithdrawalApproved (for the bank), WithdrawalRejected, WithdrawalCompleted, WithdrawalReturned; key = party id.',
  ownerService: 'billing',
  eventTypes: paymentSchemas.map((schema) => schema.typeName),
});

/** Each holder's storage paid-through date per receipt, key = receipt number, so one receipt's dates arrive in order. */
export const billingPaidThroughTopic: TopicSpec = defineTopic({
  name: 'billing.paid-through.v1',
  partitions: 6,
  retentionMs: 90 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'StoragePaidThroughAdvanced: a holder’s storage fees for a receipt are settled through a later day; key = receipt number.',
  ownerService: 'billing',
  eventTypes: [StoragePaidThroughAdvancedSchema.typeName],
});

const alarmSchemas = [
  ReconciliationBreakRaisedSchema,
  ReconciliationBreakResolvedSchema,
  UnmatchedBankPaymentRaisedSchema,
  UnmatchedBankPaymentAssignedSchema,
  BankNotificationConflictRaisedSchema,
] as const;

/** Billing's alarms for people: reconciliation breaks, unmatched payments and conflicting bank notifications; key = "bank-<bank_id>". */
export const billingAlarmTopic: TopicSpec = defineTopic({
  name: 'billing.alarm.v1',
  partitions: 1,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'ReconciliationBreakRaised/Resolved: a bank statement line and our book disagree until a manager resolves it; UnmatchedBankPaymentRaised/Assigned: a payment held until a manager assigns it; BankNotificationConflictRaised: a bank reused a transaction id with other content.',
  ownerService: 'billing',
  eventTypes: alarmSchemas.map((schema) => schema.typeName),
});

/** The exchange's settlement prices as billing received them, key = commodity: kept a year, fees and trades are settled at them. */
export const billingSettlementPriceTopic: TopicSpec = defineTopic({
  name: 'billing.settlement-price.v1',
  partitions: 3,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'SettlementPricePublished: the exchange’s settlement price of one futures contract on one trading day (and whether it is the nearest month); key = commodity.',
  ownerService: 'billing',
  eventTypes: [SettlementPricePublishedSchema.typeName],
});

export const tradingAccountSchemas = [TakePaidSchema, TakePaymentRefusedSchema] as const;

/** The traders' trading accounts (标准仓单交易管理办法 第五章): take payments and the money around them, key = take id for a take's answer, party id otherwise. */
export const billingTradingTopic: TopicSpec = defineTopic({
  name: 'billing.trading.v1',
  partitions: 6,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'TakePaid (proceeds and fees moved, invoice deposit withheld) and TakePaymentRefused (nothing moved); key = take id.',
  ownerService: 'billing',
  eventTypes: tradingAccountSchemas.map((schema) => schema.typeName),
});

export const billingEventSchemas = [
  FeeAccruedSchema,
  FeeReversedSchema,
  BankPaymentReceivedSchema,
  BankWithdrawalConfirmedSchema,
  BankWithdrawalRefusedSchema,
  ...paymentSchemas,
  StoragePaidThroughAdvancedSchema,
  ...alarmSchemas,
  SettlementPricePublishedSchema,
  ...tradingAccountSchemas,
] as const;
