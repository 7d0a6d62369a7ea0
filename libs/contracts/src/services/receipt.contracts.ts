import { TransferMismatchAlarmRaisedSchema } from '../gen/dw/receipt/v1/alarm_pb';
import { OutboundEntitlementExhaustedSchema, OutboundEntitlementGrantedSchema } from '../gen/dw/receipt/v1/entitlement_pb';
import {
  ReceiptIssuanceAppliedSchema,
  ReceiptIssuanceApprovedSchema,
  ReceiptIssuanceRejectedSchema,
  ReceiptIssuanceWithdrawnSchema,
} from '../gen/dw/receipt/v1/issuance_pb';
import {
  ReceiptCancellationAppliedSchema,
  ReceiptCancellationRejectedSchema,
  ReceiptCancellationWithdrawnSchema,
  ReceiptCancelledSchema,
  ReceiptExpiredSchema,
  ReceiptHoldPlacedSchema,
  ReceiptHoldReleasedSchema,
  ReceiptIssuedSchema,
  ReceiptMergedSchema,
  ReceiptSplitSchema,
  ReceiptTitleTransferredSchema,
} from '../gen/dw/receipt/v1/receipt_pb';
import {
  TraderApprovedSchema,
  TraderBankAccountChangedSchema,
  TraderClosedSchema,
  TraderPermissionsChangedSchema,
  TraderQualificationAppliedSchema,
  TraderReinstatedSchema,
  TraderRejectedSchema,
  TraderSuspendedSchema,
} from '../gen/dw/receipt/v1/trader_pb';
import { ListingClosedSchema, ListingPostedSchema, TakeReleasedSchema, TakeReservedSchema, TakeSettledSchema } from '../gen/dw/receipt/v1/trading_pb';
import { ReceiptGoodsShortfallRecordedSchema, ReceiptGoodsShortfallResolvedSchema } from '../gen/dw/receipt/v1/shortfall_pb';
import {
  StorageCardAppliedSchema,
  StorageCardApprovedSchema,
  StorageCardClosedSchema,
  StorageCardReinstatedSchema,
  StorageCardRejectedSchema,
  StorageCardSuspendedSchema,
} from '../gen/dw/receipt/v1/storage_card_pb';
import { DAY_MS, defineTopic, type TopicSpec } from '../topics';

/** Outbound entitlements from receipt cancellations (注销), key = entitlement id; the order service opens outbound orders from them. */
export const receiptEntitlementTopic: TopicSpec = defineTopic({
  name: 'receipt.entitlement.v1',
  partitions: 3,
  retentionMs: 30 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'OutboundEntitlementGranted (a cancelled receipt released its lots to the holder) and OutboundEntitlementExhausted (every lot shipped out), key = entitlement id.',
  ownerService: 'receipt',
  eventTypes: [OutboundEntitlementGrantedSchema.typeName, OutboundEntitlementExhaustedSchema.typeName],
});

const receiptLifecycleSchemas = [
  ReceiptIssuedSchema,
  ReceiptTitleTransferredSchema,
  ReceiptHoldPlacedSchema,
  ReceiptHoldReleasedSchema,
  ReceiptSplitSchema,
  ReceiptMergedSchema,
  ReceiptCancellationAppliedSchema,
  ReceiptCancellationWithdrawnSchema,
  ReceiptCancellationRejectedSchema,
  ReceiptCancelledSchema,
  ReceiptExpiredSchema,
  ReceiptGoodsShortfallRecordedSchema,
  ReceiptGoodsShortfallResolvedSchema,
] as const;

/**
 * The life of every standard warehouse receipt, key = receipt stream id, so one receipt's facts
 * arrive in order. Kept 90 days: ops dashboards and reconciliations replay a quarter; the
 * tamper-evident record itself is the receipt service's log (history API, `verify`).
 */
export const receiptReceiptTopic: TopicSpec = defineTopic({
  name: 'receipt.receipt.v1',
  partitions: 6,
  retentionMs: 90 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'Receipt lifecycle: issued, title transferred, hold placed/released, split, merged, cancellation applied/withdrawn/rejected, cancelled, expired, goods shortfall recorded/resolved; key = receipt stream id.',
  ownerService: 'receipt',
  eventTypes: receiptLifecycleSchemas.map((schema) => schema.typeName),
});

/** Every event of a storage card's life; a consumer keeping a copy of the cards takes them all. */
export const storageCardSchemas = [
  StorageCardAppliedSchema,
  StorageCardApprovedSchema,
  StorageCardRejectedSchema,
  StorageCardSuspendedSchema,
  StorageCardReinstatedSchema,
  StorageCardClosedSchema,
] as const;

/** Storage cards (存储卡号) from application to closing, key = card stream id; each message carries the card as it is after the fact. */
export const receiptStorageCardTopic: TopicSpec = defineTopic({
  name: 'receipt.storage-card.v1',
  partitions: 3,
  retentionMs: 90 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'Storage card applied, approved, rejected, suspended, reinstated, closed; key = card stream id.',
  ownerService: 'receipt',
  eventTypes: storageCardSchemas.map((schema) => schema.typeName),
});

const issuanceSchemas = [ReceiptIssuanceAppliedSchema, ReceiptIssuanceApprovedSchema, ReceiptIssuanceRejectedSchema, ReceiptIssuanceWithdrawnSchema] as const;

/** Issuance applications: which lots are held for which application, and how the exchange decided. */
export const receiptIssuanceTopic: TopicSpec = defineTopic({
  name: 'receipt.issuance.v1',
  partitions: 3,
  retentionMs: 90 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'Receipt issuance applications: applied (lots held), approved (receipts issued), rejected or withdrawn (lots free); key = application stream id.',
  ownerService: 'receipt',
  eventTypes: issuanceSchemas.map((schema) => schema.typeName),
});

/** Error-proofing alarms of title transfer (docs/rules.md, RCPT-TRANSFER-MATCH): kept a year, they are audit material. */
export const receiptAlarmTopic: TopicSpec = defineTopic({
  name: 'receipt.alarm.v1',
  partitions: 1,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'TransferMismatchAlarmRaised: a title transfer was refused because the entered holder name, card or commodity did not match the record.',
  ownerService: 'receipt',
  eventTypes: [TransferMismatchAlarmRaisedSchema.typeName],
});

/** Every event of a trader's qualification; billing keeps each approved trader's trading account from them. */
export const traderSchemas = [
  TraderQualificationAppliedSchema,
  TraderApprovedSchema,
  TraderRejectedSchema,
  TraderPermissionsChangedSchema,
  TraderBankAccountChangedSchema,
  TraderSuspendedSchema,
  TraderReinstatedSchema,
  TraderClosedSchema,
] as const;

/** Receipt traders (仓单交易商) from application to closing, key = party id. */
export const receiptTraderTopic: TopicSpec = defineTopic({
  name: 'receipt.trader.v1',
  partitions: 3,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'Receipt traders: qualification applied, approved, rejected; permissions and bank account changed; suspended, reinstated, closed; key = party id.',
  ownerService: 'receipt',
  eventTypes: traderSchemas.map((schema) => schema.typeName),
});

export const tradingSchemas = [ListingPostedSchema, ListingClosedSchema, TakeReservedSchema, TakeSettledSchema, TakeReleasedSchema] as const;

/** The receipt trading platform's listings and takes, key = listing id, so one listing's takes arrive in order. Kept a year: trade records. */
export const receiptTradingTopic: TopicSpec = defineTopic({
  name: 'receipt.trading.v1',
  partitions: 6,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'Listings posted and closed (withdrawn, cancelled, expired); takes reserved (for billing to pay), settled (paid and title transferred) or released; key = listing id.',
  ownerService: 'receipt',
  eventTypes: tradingSchemas.map((schema) => schema.typeName),
});

export const receiptEventSchemas = [
  OutboundEntitlementGrantedSchema,
  OutboundEntitlementExhaustedSchema,
  ...receiptLifecycleSchemas,
  ...storageCardSchemas,
  ...issuanceSchemas,
  TransferMismatchAlarmRaisedSchema,
  ...traderSchemas,
  ...tradingSchemas,
] as const;
