import {
  billingPaidThroughTopic,
  billingSettlementPriceTopic,
  inventoryLotTopic,
  LotBecameAvailableSchema,
  LotShippedOutSchema,
  StockHoldPlacedSchema,
  StockHoldReleasedSchema,
  StockShortfallDetectedSchema,
  StoragePaidThroughAdvancedSchema,
  receiptAlarmTopic,
  receiptEntitlementTopic,
  receiptEventSchemas,
  receiptIssuanceTopic,
  receiptReceiptTopic,
  receiptStorageCardTopic,
  receiptTraderTopic,
  receiptTradingTopic,
  billingTradingTopic,
  tradingAccountSchemas,
  SettlementPricePublishedSchema,
} from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { issuanceApplicationsProjection } from './issuance/projections/issuance-applications.projection';
import { lotsProjection } from './lot-backing/projections/lots.projection';
import { ReceiptNumbering1767225600000 } from './migrations/receipt-numbering.migration';
import { receiptsProjection } from './receipt/projections/receipts.projection';
import { receiptRuleVersionsProjection } from './receipt-rule/projections/receipt-rule-versions.projection';
import { dailyReceiptReportProjection } from './report/projections/daily-receipt-report.projection';
import { storageCardsProjection } from './storage-card/projections/storage-cards.projection';
import { transferAlarmsProjection } from './transfer/projections/transfer-alarms.projection';
import { marketsProjection } from './trading/market/projections/markets.projection';
import { referencePricesProjection } from './trading/market/projections/reference-prices.projection';
import { tradersProjection } from './trading/trader/projections/traders.projection';
import { tradingListingsProjection } from './trading/listing/projections/trading-listings.projection';
import { marketInformationProjection } from './trading/market-info/projections/market-information.projection';

/** The receipt service as data: its tables, read models, topics and contracts (main.ts, provisioning, rebuild and verify read it). */
export const receiptServiceDefinition: ServiceDefinition = {
  name: 'receipt',
  migrations: [ReceiptNumbering1767225600000],
  projections: [
    storageCardsProjection,
    receiptRuleVersionsProjection,
    lotsProjection,
    issuanceApplicationsProjection,
    receiptsProjection,
    transferAlarmsProjection,
    dailyReceiptReportProjection,
    tradersProjection,
    marketsProjection,
    referencePricesProjection,
    tradingListingsProjection,
    marketInformationProjection,
  ],
  producedTopics: [
    receiptReceiptTopic,
    receiptStorageCardTopic,
    receiptIssuanceTopic,
    receiptAlarmTopic,
    receiptEntitlementTopic,
    receiptTraderTopic,
    receiptTradingTopic,
  ],
  consumedTopics: [inventoryLotTopic, billingPaidThroughTopic, billingSettlementPriceTopic, billingTradingTopic],
  eventSchemas: [
    ...receiptEventSchemas,
    LotBecameAvailableSchema,
    LotShippedOutSchema,
    StockHoldPlacedSchema,
    StockHoldReleasedSchema,
    StockShortfallDetectedSchema,
    StoragePaidThroughAdvancedSchema,
    SettlementPricePublishedSchema,
    ...tradingAccountSchemas,
  ],
};
