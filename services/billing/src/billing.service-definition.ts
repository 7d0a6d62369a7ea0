import {
  billingAlarmTopic,
  billingBankTopic,
  billingFeeTopic,
  billingPaidThroughTopic,
  billingPaymentTopic,
  BankPaymentReceivedSchema,
  BankWithdrawalConfirmedSchema,
  BankWithdrawalRefusedSchema,
  FeeAccruedSchema,
  FeeReversedSchema,
  FeesSettledSchema,
  inventoryLotTopic,
  LotBecameAvailableSchema,
  LotShippedOutSchema,
  orderWorkOrderTopic,
  PaymentBookedSchema,
  PiecesShippedOutSchema,
  receiptEventSchemas,
  receiptReceiptTopic,
  StoragePaidThroughAdvancedSchema,
  WithdrawalApprovedSchema,
  WithdrawalCompletedSchema,
  WithdrawalRejectedSchema,
  WithdrawalRequestedSchema,
  WithdrawalReturnedSchema,
  WorkOrderOpenedSchema,
  ReconciliationBreakRaisedSchema,
  ReconciliationBreakResolvedSchema,
  UnmatchedBankPaymentRaisedSchema,
  UnmatchedBankPaymentAssignedSchema,
  BankNotificationConflictRaisedSchema,
  billingSettlementPriceTopic,
  SettlementPricePublishedSchema,
  billingTradingTopic,
  receiptTraderTopic,
  receiptTradingTopic,
  tradingAccountSchemas,
} from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { feesProjection } from './accrual/projections/fees.projection';
import { holdingsProjection } from './accrual/projections/holdings.projection';
import { journalProjection } from './ledger/projections/journal.projection';
import { bankWithdrawalsProjection } from './bank/projections/bank-withdrawals.projection';
import { bankPaymentsProjection } from './bank/projections/bank-payments.projection';
import { reconciliationBreaksProjection } from './bank/projections/reconciliation-breaks.projection';
import { virtualAccountsProjection } from './bank/projections/virtual-accounts.projection';
import { rateCardVersionsProjection } from './rate-card/projections/rate-card-versions.projection';
import { statementsProjection } from './statement/projections/statements.projection';
import { tradingAccountsProjection } from './trading-account/projections/trading-accounts.projection';
import { tradingJournalProjection } from './trading-account/projections/trading-journal.projection';

/** The billing service as data: its tables, read models, topics and contracts (main.ts, provisioning, rebuild and verify read it). */
export const billingServiceDefinition: ServiceDefinition = {
  name: 'billing',
  migrations: [],
  projections: [
    rateCardVersionsProjection,
    holdingsProjection,
    feesProjection,
    journalProjection,
    statementsProjection,
    virtualAccountsProjection,
    bankPaymentsProjection,
    reconciliationBreaksProjection,
    bankWithdrawalsProjection,
    tradingAccountsProjection,
    tradingJournalProjection,
  ],
  producedTopics: [
    billingFeeTopic,
    billingPaymentTopic,
    billingPaidThroughTopic,
    billingBankTopic,
    billingAlarmTopic,
    billingSettlementPriceTopic,
    billingTradingTopic,
  ],
  consumedTopics: [
    receiptReceiptTopic,
    inventoryLotTopic,
    orderWorkOrderTopic,
    billingFeeTopic,
    billingBankTopic,
    billingPaymentTopic,
    // the trading accounts consume the market's traders and the listings' takes
    receiptTraderTopic,
    receiptTradingTopic,
  ],
  eventSchemas: [
    // accrual consumes
    ...receiptEventSchemas,
    LotBecameAvailableSchema,
    PiecesShippedOutSchema,
    LotShippedOutSchema,
    WorkOrderOpenedSchema,
    // accrual publishes; the account and statements consume
    FeeAccruedSchema,
    FeeReversedSchema,
    // the account consumes
    BankPaymentReceivedSchema,
    BankWithdrawalConfirmedSchema,
    BankWithdrawalRefusedSchema,
    // the account publishes; statements consume
    PaymentBookedSchema,
    FeesSettledSchema,
    WithdrawalRequestedSchema,
    WithdrawalApprovedSchema,
    WithdrawalRejectedSchema,
    WithdrawalCompletedSchema,
    WithdrawalReturnedSchema,
    StoragePaidThroughAdvancedSchema,
    // the bank integration publishes (billing.bank.v1 above) and alarms
    ReconciliationBreakRaisedSchema,
    ReconciliationBreakResolvedSchema,
    UnmatchedBankPaymentRaisedSchema,
    UnmatchedBankPaymentAssignedSchema,
    BankNotificationConflictRaisedSchema,
    // the settlement prices publish
    SettlementPricePublishedSchema,
    // the trading accounts publish
    ...tradingAccountSchemas,
  ],
};
