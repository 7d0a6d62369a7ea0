import type { DescMessage } from '@bufbuild/protobuf';
import { platformEventSchemas } from './event-registry';
import { platformProbeTopic, type TopicSpec } from './topics';
import {
  billingAlarmTopic,
  billingBankTopic,
  billingEventSchemas,
  billingFeeTopic,
  billingPaidThroughTopic,
  billingPaymentTopic,
  billingSettlementPriceTopic,
  billingTradingTopic,
} from './services/billing.contracts';
import { factoryDeliveryEventSchemas, factoryFactoryTopic, factoryIssuanceTopic } from './services/factory-delivery.contracts';
import { gateAlarmTopic, gateEventSchemas, gatePersonTopic, gateVisitTopic } from './services/gate.contracts';
import { inventoryEventSchemas, inventoryLotTopic, inventoryOperationTopic } from './services/inventory.contracts';
import { orderEventSchemas, orderWorkOrderTopic } from './services/order.contracts';
import {
  receiptAlarmTopic,
  receiptEntitlementTopic,
  receiptEventSchemas,
  receiptIssuanceTopic,
  receiptReceiptTopic,
  receiptStorageCardTopic,
  receiptTraderTopic,
  receiptTradingTopic,
} from './services/receipt.contracts';

/**
 * Every integration topic of the system. A service team defines its topics in
 * services/<service>.contracts.ts and adds them here; the README's topic table follows this list.
 */
export const topicCatalogue: readonly TopicSpec[] = [
  platformProbeTopic,
  inventoryLotTopic,
  receiptEntitlementTopic,
  receiptReceiptTopic,
  receiptStorageCardTopic,
  receiptIssuanceTopic,
  receiptAlarmTopic,
  inventoryOperationTopic,
  orderWorkOrderTopic,
  billingFeeTopic,
  billingBankTopic,
  billingPaymentTopic,
  billingPaidThroughTopic,
  billingAlarmTopic,
  receiptTraderTopic,
  receiptTradingTopic,
  billingSettlementPriceTopic,
  billingTradingTopic,
  gateVisitTopic,
  gateAlarmTopic,
  gatePersonTopic,
  factoryFactoryTopic,
  factoryIssuanceTopic,
];

/** Every contract of the system, for tools that read any topic (ops consumers, the catalogue check). */
export const allEventSchemas: readonly DescMessage[] = [
  ...platformEventSchemas,
  ...inventoryEventSchemas,
  ...receiptEventSchemas,
  ...orderEventSchemas,
  ...billingEventSchemas,
  ...gateEventSchemas,
  ...factoryDeliveryEventSchemas,
];
