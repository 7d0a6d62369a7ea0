import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { LoadOutHttpController } from './commands/load-out/load-out.http.controller';
import { PickPieceHttpController } from './commands/pick-piece/pick-piece.http.controller';
import { RecordLoadManualWeighingHttpController, RecordLoadScaleReadingHttpController } from './commands/weigh-load/weigh-load.http.controller';
import { OutboundCommandHandler } from './outbound.command-handler';
import { LoadOutNoteHttpController } from './queries/load-out-note/load-out-note.http.controller';
import { OutboundOrderHttpController } from './queries/outbound-order/outbound-order.http.controller';

/** Goods leaving under outbound orders: picking by barcode, load-out weighing on a signed scale, load-out and its note (出库单). */
@Module({
  imports: [StockModule],
  controllers: [
    PickPieceHttpController,
    RecordLoadScaleReadingHttpController,
    RecordLoadManualWeighingHttpController,
    LoadOutHttpController,
    OutboundOrderHttpController,
    LoadOutNoteHttpController,
  ],
  providers: [OutboundCommandHandler],
})
export class OutboundModule {}
