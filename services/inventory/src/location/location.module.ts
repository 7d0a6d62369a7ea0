import { Module } from '@nestjs/common';
import { DefineLocationCommandHandler } from './commands/define-location/define-location.command-handler';
import { DefineLocationHttpController } from './commands/define-location/define-location.http.controller';
import { MoveGoodsCommandHandler } from './commands/move-goods/move-goods.command-handler';
import { MoveGoodsHttpController } from './commands/move-goods/move-goods.http.controller';
import { ListLocationsHttpController } from './queries/list-locations/list-locations.http.controller';

/** Storage locations (yards, sheds, slots) and moves between them. */
@Module({
  controllers: [DefineLocationHttpController, ListLocationsHttpController, MoveGoodsHttpController],
  providers: [DefineLocationCommandHandler, MoveGoodsCommandHandler],
})
export class LocationModule {}
