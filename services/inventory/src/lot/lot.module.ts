import { Module } from '@nestjs/common';
import { FinishTallyHttpController } from './commands/finish-tally/finish-tally.http.controller';
import { FinishWeighingHttpController } from './commands/finish-weighing/finish-weighing.http.controller';
import { PutAwayHttpController } from './commands/put-away/put-away.http.controller';
import { RecordInspectionHttpController } from './commands/record-inspection/record-inspection.http.controller';
import { RecordManualWeighingHttpController } from './commands/record-manual-weighing/record-manual-weighing.http.controller';
import { RecordScaleReadingHttpController } from './commands/record-scale-reading/record-scale-reading.http.controller';
import { ScanPieceHttpController } from './commands/scan-piece/scan-piece.http.controller';
import { LotCommandHandler } from './lot.command-handler';
import { LotsHttpController } from './queries/lots.http.controller';

/** Lots on the floor: scanning, tally, weighing, inspection and put-away under an inbound order. */
@Module({
  controllers: [
    ScanPieceHttpController,
    FinishTallyHttpController,
    RecordScaleReadingHttpController,
    RecordManualWeighingHttpController,
    FinishWeighingHttpController,
    RecordInspectionHttpController,
    PutAwayHttpController,
    LotsHttpController,
  ],
  providers: [LotCommandHandler],
  exports: [LotCommandHandler],
})
export class LotModule {}
