import { Module } from '@nestjs/common';
import { BillingOutbox } from '../common/integration/billing-outbox';
import { PublishSettlementPriceHttpController } from './commands/publish-settlement-price/publish-settlement-price.http.controller';
import { SettlementPricesHttpController } from './queries/settlement-prices/settlement-prices.http.controller';

/** The exchange's settlement prices, one stream per commodity, published through its signed integration API and on billing.settlement-price.v1. */
@Module({ controllers: [PublishSettlementPriceHttpController, SettlementPricesHttpController], providers: [BillingOutbox] })
export class SettlementPriceModule {}
