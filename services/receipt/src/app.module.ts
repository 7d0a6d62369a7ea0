import { Module } from '@nestjs/common';
import { EventSourcingModule } from '@dw/platform';
import { CommonModule } from './common/common.module';
import { IssuanceModule } from './issuance/issuance.module';
import { LotBackingModule } from './lot-backing/lot-backing.module';
import { ReceiptRuleModule } from './receipt-rule/receipt-rule.module';
import { receiptServiceDefinition } from './receipt.service-definition';
import { ReceiptModule } from './receipt/receipt.module';
import { ReportModule } from './report/report.module';
import { StorageCardModule } from './storage-card/storage-card.module';
import { TransferModule } from './transfer/transfer.module';
import { TradingLookupsModule } from './trading/common/trading-lookups.module';
import { MarketModule } from './trading/market/market.module';
import { TraderModule } from './trading/trader/trader.module';
import { TradingListingModule } from './trading/listing/listing.module';
import { MarketInfoModule } from './trading/market-info/market-info.module';

/** The receipt service: the platform's event-sourced core plus one module per feature, each with a controller and handler per use case. */
@Module({
  imports: [
    EventSourcingModule.forService(receiptServiceDefinition),
    CommonModule,
    StorageCardModule,
    ReceiptRuleModule,
    LotBackingModule,
    IssuanceModule,
    TransferModule,
    ReceiptModule,
    ReportModule,
    TradingLookupsModule,
    TraderModule,
    MarketModule,
    TradingListingModule,
    MarketInfoModule,
  ],
})
export class AppModule {}
