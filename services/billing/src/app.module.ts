import { Module } from '@nestjs/common';
import { EventSourcingModule } from '@dw/platform';
import { billingServiceDefinition } from './billing.service-definition';
import { AccountModule } from './account/account.module';
import { BankModule } from './bank/bank.module';
import { LedgerModule } from './ledger/ledger.module';
import { AccrualModule } from './accrual/accrual.module';
import { RateCardModule } from './rate-card/rate-card.module';
import { StatementModule } from './statement/statement.module';
import { InvoiceModule } from './invoice/invoice.module';
import { SettlementPriceModule } from './settlement-price/settlement-price.module';
import { TradingAccountModule } from './trading-account/trading-account.module';

/** The billing service: the platform's event-sourced core plus one module per feature, each with a controller and handler per use case. */
@Module({
  imports: [
    EventSourcingModule.forService(billingServiceDefinition),
    RateCardModule,
    AccrualModule,
    AccountModule,
    LedgerModule,
    StatementModule,
    BankModule,
    InvoiceModule,
    SettlementPriceModule,
    TradingAccountModule,
  ],
})
export class AppModule {}
