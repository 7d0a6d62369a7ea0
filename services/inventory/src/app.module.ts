import { Module } from '@nestjs/common';
import { EventSourcingModule } from '@dw/platform';
import { AuthorityModule } from './authority/authority.module';
import { CommodityModule } from './commodity/commodity.module';
import { LocationModule } from './location/location.module';
import { LotModule } from './lot/lot.module';
import { OperationModule } from './operation/operation.module';
import { OutboundModule } from './outbound/outbound.module';
import { RegistryModule } from './registry/registry.module';
import { StockModule } from './stock/stock.module';
import { StocktakeModule } from './stocktake/stocktake.module';
import { inventoryServiceDefinition } from './inventory.service-definition';

/** The inventory service: the platform’s event-sourced core plus one module per feature. */
@Module({
  imports: [
    EventSourcingModule.forService(inventoryServiceDefinition),
    OperationModule,
    CommodityModule,
    LocationModule,
    LotModule,
    StockModule,
    StocktakeModule,
    AuthorityModule,
    OutboundModule,
    RegistryModule,
  ],
})
export class AppModule {}
