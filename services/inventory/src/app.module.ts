import { Module } from '@nestjs/common';
import { EventSourcingModule } from '@dw/platform';
import { NoteWorkOrdersKafkaHandler } from './authority/integration/note-work-orders.kafka-handler';
import { AuthorisingOrdersHttpController } from './authority/queries/authorising-orders.http.controller';
import { MapClientAliasHttpController } from './commodity/commands/map-client-alias/map-client-alias.http.controller';
import { RegisterCommodityHttpController } from './commodity/commands/register-commodity/register-commodity.http.controller';
import { ResolveCommodityNameHttpController } from './commodity/commands/resolve-commodity-name/resolve-commodity-name.http.controller';
import { CommodityCatalogueCommandHandler } from './commodity/commodity-catalogue.command-handler';
import { ListCommoditiesHttpController } from './commodity/queries/list-commodities/list-commodities.http.controller';
import { inventoryServiceDefinition } from './inventory.service-definition';
import { DefineLocationHttpController } from './location/commands/define-location/define-location.http.controller';
import { LocationCommandHandler } from './location/location.command-handler';
import { ListLocationsHttpController } from './location/queries/list-locations/list-locations.http.controller';
import { FinishTallyHttpController } from './lot/commands/finish-tally/finish-tally.http.controller';
import { FinishWeighingHttpController } from './lot/commands/finish-weighing/finish-weighing.http.controller';
import { PutAwayHttpController } from './lot/commands/put-away/put-away.http.controller';
import { RecordInspectionHttpController } from './lot/commands/record-inspection/record-inspection.http.controller';
import { RecordManualWeighingHttpController } from './lot/commands/record-manual-weighing/record-manual-weighing.http.controller';
import { RecordScaleReadingHttpController } from './lot/commands/record-scale-reading/record-scale-reading.http.controller';
import { ScanPieceHttpController } from './lot/commands/scan-piece/scan-piece.http.controller';
import { LotCommandHandler } from './lot/lot.command-handler';
import { LotsHttpController } from './lot/queries/lots.http.controller';
import { FloorOperations } from './operation/floor-operations';
import { OperationRefusals } from './operation/operation-refusals';
import { OperationRefusalsHttpController } from './operation/queries/operation-refusals.http.controller';
import { StockHttpController } from './stock/queries/stock.http.controller';
import { HoldsHttpController, IntegrationHoldsHttpController } from './stock/commands/holds/holds.http.controller';
import { StockCommandHandler } from './stock/stock.command-handler';
import { MoveGoodsHttpController } from './location/commands/move-goods/move-goods.http.controller';
import { MoveCommandHandler } from './location/move.command-handler';
import { StocktakeHttpController } from './stocktake/commands/stocktake.http.controller';
import { StocktakesHttpController } from './stocktake/queries/stocktakes.http.controller';
import { StocktakeCommandHandler } from './stocktake/stocktake.command-handler';

@Module({
  imports: [EventSourcingModule.forService(inventoryServiceDefinition)],
  controllers: [
    RegisterCommodityHttpController,
    MapClientAliasHttpController,
    ResolveCommodityNameHttpController,
    ListCommoditiesHttpController,
    DefineLocationHttpController,
    ListLocationsHttpController,
    ScanPieceHttpController,
    FinishTallyHttpController,
    RecordScaleReadingHttpController,
    RecordManualWeighingHttpController,
    FinishWeighingHttpController,
    RecordInspectionHttpController,
    PutAwayHttpController,
    LotsHttpController,
    StockHttpController,
    AuthorisingOrdersHttpController,
    OperationRefusalsHttpController,
    StocktakeHttpController,
    HoldsHttpController,
    IntegrationHoldsHttpController,
    MoveGoodsHttpController,
    StocktakesHttpController,
    NoteWorkOrdersKafkaHandler,
  ],
  providers: [
    CommodityCatalogueCommandHandler,
    LocationCommandHandler,
    FloorOperations,
    OperationRefusals,
    LotCommandHandler,
    StockCommandHandler,
    StocktakeCommandHandler,
    MoveCommandHandler,
  ],
})
export class AppModule {}
