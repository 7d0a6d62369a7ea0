import { Module } from '@nestjs/common';
import { DefineLocationHttpController } from './commands/define-location/define-location.http.controller';
import { MoveGoodsHttpController } from './commands/move-goods/move-goods.http.controller';
import { LocationCommandHandler } from './location.command-handler';
import { MoveCommandHandler } from './move.command-handler';
import { ListLocationsHttpController } from './queries/list-locations/list-locations.http.controller';

/** Storage locations (yards, sheds, slots) and moves between them. */
@Module({
  controllers: [DefineLocationHttpController, ListLocationsHttpController, MoveGoodsHttpController],
  providers: [LocationCommandHandler, MoveCommandHandler],
})
export class LocationModule {}
