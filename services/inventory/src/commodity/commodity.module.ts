import { Module } from '@nestjs/common';
import { MapClientAliasCommandHandler } from './commands/map-client-alias/map-client-alias.command-handler';
import { MapClientAliasHttpController } from './commands/map-client-alias/map-client-alias.http.controller';
import { PublishWeightToleranceCommandHandler } from './commands/publish-weight-tolerance/publish-weight-tolerance.command-handler';
import { PublishWeightToleranceHttpController } from './commands/publish-weight-tolerance/publish-weight-tolerance.http.controller';
import { RegisterCommodityCommandHandler } from './commands/register-commodity/register-commodity.command-handler';
import { RegisterCommodityHttpController } from './commands/register-commodity/register-commodity.http.controller';
import { ResolveCommodityNameCommandHandler } from './commands/resolve-commodity-name/resolve-commodity-name.command-handler';
import { ResolveCommodityNameHttpController } from './commands/resolve-commodity-name/resolve-commodity-name.http.controller';
import { CommodityCatalogueStream } from './commodity-catalogue-stream';
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
  providers: [
    CommodityCatalogueStream,
    RegisterCommodityCommandHandler,
    MapClientAliasCommandHandler,
    PublishWeightToleranceCommandHandler,
    ResolveCommodityNameCommandHandler,
  ],
})
export class CommodityModule {}
