import { Module } from '@nestjs/common';
import { CompleteReceivingCommandHandler } from './commands/complete-receiving/complete-receiving.command-handler';
import { FinishTallyCommandHandler } from './commands/finish-tally/finish-tally.command-handler';
import { FinishTallyHttpController } from './commands/finish-tally/finish-tally.http.controller';
import { FinishWeighingCommandHandler } from './commands/finish-weighing/finish-weighing.command-handler';
import { FinishWeighingHttpController } from './commands/finish-weighing/finish-weighing.http.controller';
import { PutAwayCommandHandler } from './commands/put-away/put-away.command-handler';
import { PutAwayHttpController } from './commands/put-away/put-away.http.controller';
import { RecordInspectionCommandHandler } from './commands/record-inspection/record-inspection.command-handler';
import { RecordInspectionHttpController } from './commands/record-inspection/record-inspection.http.controller';
import { RecordManualWeighingCommandHandler } from './commands/record-manual-weighing/record-manual-weighing.command-handler';
import { RecordManualWeighingHttpController } from './commands/record-manual-weighing/record-manual-weighing.http.controller';
import { RecordScaleReadingCommandHandler } from './commands/record-scale-reading/record-scale-reading.command-handler';
import { RecordScaleReadingHttpController } from './commands/record-scale-reading/record-scale-reading.http.controller';
import { ScanPieceCommandHandler } from './commands/scan-piece/scan-piece.command-handler';
import { ScanPieceHttpController } from './commands/scan-piece/scan-piece.http.controller';
import { LotOperations } from './lot-operations';
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
  providers: [
    LotOperations,
    ScanPieceCommandHandler,
    FinishTallyCommandHandler,
    RecordScaleReadingCommandHandler,
    RecordManualWeighingCommandHandler,
    FinishWeighingCommandHandler,
    RecordInspectionCommandHandler,
    PutAwayCommandHandler,
    CompleteReceivingCommandHandler,
  ],
  // Completing receiving is the work-order inbox's step (authority), in its message's transaction.
  exports: [CompleteReceivingCommandHandler],
})
export class LotModule {}
