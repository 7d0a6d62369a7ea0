import { Module } from '@nestjs/common';
import { BillingOutbox } from '../common/integration/billing-outbox';
import { NotifyTradingDepositCommandHandler } from './commands/notify-trading-deposit/notify-trading-deposit.command-handler';
import { NotifyTradingDepositHttpController } from './commands/notify-trading-deposit/notify-trading-deposit.http.controller';
import { SetTradingFeeRateHttpController } from './commands/set-trading-fee-rate/set-trading-fee-rate.http.controller';
import { PayTakeWhenTakeReservedKafkaHandler } from './integration/pay-take-when-take-reserved.kafka-handler';
import {
  ExchangeTradingInvoiceHttpController,
  RecordTradingInvoiceHttpController,
} from './commands/record-trading-invoice/record-trading-invoice.http.controller';
import { TradingInvoiceCommands } from './commands/record-trading-invoice/trading-invoice-commands';
import { TradingSalesHttpController } from './queries/trading-sales/trading-sales.http.controller';
import { AnswerTradingWithdrawalHttpController } from './commands/answer-trading-withdrawal/answer-trading-withdrawal.http.controller';
import { FreezeWithdrawalsHttpController } from './commands/freeze-withdrawals/freeze-withdrawals.http.controller';
import { RequestTradingWithdrawalHttpController } from './commands/request-trading-withdrawal/request-trading-withdrawal.http.controller';
import { TradingAccountCommands } from './commands/trading-account-commands';
import { RecordCollectedFeeHttpController } from './commands/record-collected-fee/record-collected-fee.http.controller';
import { SettleTradingDayCommandHandler } from './commands/settle-trading-day/settle-trading-day.command-handler';
import { SettleTradingDayHttpController } from './commands/settle-trading-day/settle-trading-day.http.controller';
import { SettlementReportsHttpController } from './queries/settlement-reports/settlement-reports.http.controller';
import { KeepAccountWhenTraderChangedKafkaHandler } from './integration/keep-account-when-trader-changed.kafka-handler';
import { TradingAccountHttpController } from './queries/trading-account/trading-account.http.controller';

/** The traders' trading accounts (标准仓单交易管理办法 第五章): opened from the market's traders, deposits, take payments, invoices, withdrawals and the daily settlement. */
@Module({
  controllers: [
    KeepAccountWhenTraderChangedKafkaHandler,
    PayTakeWhenTakeReservedKafkaHandler,
    NotifyTradingDepositHttpController,
    SetTradingFeeRateHttpController,
    TradingAccountHttpController,
    RecordTradingInvoiceHttpController,
    ExchangeTradingInvoiceHttpController,
    TradingSalesHttpController,
    RequestTradingWithdrawalHttpController,
    FreezeWithdrawalsHttpController,
    AnswerTradingWithdrawalHttpController,
    RecordCollectedFeeHttpController,
    SettleTradingDayHttpController,
    SettlementReportsHttpController,
  ],
  providers: [BillingOutbox, NotifyTradingDepositCommandHandler, TradingInvoiceCommands, TradingAccountCommands, SettleTradingDayCommandHandler],
})
export class TradingAccountModule {}
