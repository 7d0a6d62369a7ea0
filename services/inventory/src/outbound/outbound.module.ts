import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { LoadOutCommandHandler } from './commands/load-out/load-out.command-handler';
import { LoadOutHttpController } from './commands/load-out/load-out.http.controller';
import { PickPieceCommandHandler } from './commands/pick-piece/pick-piece.command-handler';
import { PickPieceHttpController } from './commands/pick-piece/pick-piece.http.controller';
import { UnpickPieceCommandHandler } from './commands/unpick-piece/unpick-piece.command-handler';
import { UnpickPieceHttpController } from './commands/unpick-piece/unpick-piece.http.controller';
import { WeighLoadCommandHandler } from './commands/weigh-load/weigh-load.command-handler';
import { RecordLoadManualWeighingHttpController, RecordLoadScaleReadingHttpController } from './commands/weigh-load/weigh-load.http.controller';
import { LoadOutNoteHttpController } from './queries/load-out-note/load-out-note.http.controller';
import { OutboundOrderHttpController } from './queries/outbound-order/outbound-order.http.controller';
import { OutboundFloorWork } from './outbound-floor-work';

/** Goods leaving under outbound orders: picking by barcode (and returning a picked piece before it leaves), load-out weighing on a signed scale, load-out and its note (出库单). */
@Module({
  imports: [StockModule],
  controllers: [
    PickPieceHttpController,
    UnpickPieceHttpController,
    RecordLoadScaleReadingHttpController,
    RecordLoadManualWeighingHttpController,
    LoadOutHttpController,
    OutboundOrderHttpController,
    LoadOutNoteHttpController,
  ],
  providers: [OutboundFloorWork, PickPieceCommandHandler, UnpickPieceCommandHandler, WeighLoadCommandHandler, LoadOutCommandHandler],
})
export class OutboundModule {}
