import { Module } from '@nestjs/common';
import { MapClientAliasHttpController } from './commands/map-client-alias/map-client-alias.http.controller';
import { PublishWeightToleranceHttpController } from './commands/publish-weight-tolerance/publish-weight-tolerance.http.controller';
import { RegisterCommodityHttpController } from './commands/register-commodity/register-commodity.http.controller';
import { ResolveCommodityNameHttpController } from './commands/resolve-commodity-name/resolve-commodity-name.http.controller';
import { CommodityCatalogueCommandHandler } from './commodity-catalogue.command-handler';
import { ListCommoditiesHttpController } from './queries/list-commodities/list-commodities.http.controller';

/** Master data: standard commodities, client aliases, name resolution and each commodity's weight tolerance versions. */
@Module({
  controllers: [
    RegisterCommodityHttpController,
    MapClientAliasHttpController,
    PublishWeightToleranceHttpController,
    ResolveCommodityNameHttpController,
    ListCommoditiesHttpController,
  ],
  providers: [CommodityCatalogueCommandHandler],
})
export class CommodityModule {}
