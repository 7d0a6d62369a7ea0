import {
  inventoryEventSchemas,
  inventoryLotTopic,
  inventoryOperationTopic,
  orderEventSchemas,
  orderWorkOrderTopic,
  OutboundEntitlementExhaustedSchema,
  OutboundEntitlementGrantedSchema,
  ReceiptCancelledSchema,
  ReceiptExpiredSchema,
  ReceiptHoldPlacedSchema,
  ReceiptHoldReleasedSchema,
  ReceiptIssuedSchema,
  ReceiptMergedSchema,
  ReceiptSplitSchema,
  ReceiptTitleTransferredSchema,
  receiptEntitlementTopic,
  receiptReceiptTopic,
} from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { commoditiesProjection } from './commodity/projections/commodities.projection';
import { locationsProjection } from './location/projections/locations.projection';
import { operationRefusalsProjection } from './operation/projections/operation-refusals.projection';
import { stockProjection } from './stock/projections/stock.projection';
import { stocktakesProjection } from './stocktake/projections/stocktakes.projection';

/**
 * The inventory service: commodities, lots and pieces, locations, stock and stocktakes. It
 * consumes the order service's work orders (what authorises its operations) and the receipt
 * service's receipts and entitlements (who holds title to its lots), and publishes lots becoming
 * available (for receipts), stock holds, weight alarms, steps done and operations refused.
 */
export const inventoryServiceDefinition: ServiceDefinition = {
  name: 'inventory',
  migrations: [],
  projections: [stockProjection, locationsProjection, commoditiesProjection, operationRefusalsProjection, stocktakesProjection],
  producedTopics: [inventoryLotTopic, inventoryOperationTopic],
  consumedTopics: [orderWorkOrderTopic, receiptReceiptTopic, receiptEntitlementTopic],
  eventSchemas: [
    ...inventoryEventSchemas,
    ...orderEventSchemas,
    ReceiptIssuedSchema,
    ReceiptTitleTransferredSchema,
    ReceiptHoldPlacedSchema,
    ReceiptHoldReleasedSchema,
    ReceiptSplitSchema,
    ReceiptMergedSchema,
    ReceiptCancelledSchema,
    // On receipt.receipt.v1 too: decoded, recorded in the inbox, and left alone (an expired receipt still backs its lots).
    ReceiptExpiredSchema,
    OutboundEntitlementGrantedSchema,
    OutboundEntitlementExhaustedSchema,
  ],
};
