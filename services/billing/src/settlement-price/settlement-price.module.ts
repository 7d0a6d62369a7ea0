import { Module } from '@nestjs/common';
import { PublishSettlementPriceHttpController } from './commands/publish-settlement-price/publish-settlement-price.http.controller';
import { SettlementPricesHttpController } from './queries/settlement-prices/settlement-prices.http.controller';

/** The exchange's settlement prices, one stream per commodity, published through its signed integration API. */
@Module({ controllers: [PublishSettlementPriceHttpController, SettlementPricesHttpController] })
export class SettlementPriceModule {}
