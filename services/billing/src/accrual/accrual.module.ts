import { Module } from '@nestjs/common';
import { DRAINABLE } from '@dw/platform';
import { CloseDaysCommandHandler } from './commands/close-days/close-days.command-handler';
import { CloseDaysScheduler } from './commands/close-days/close-days.scheduler';
import { HoldingAccrual } from './holding-accrual';
import { RecordHoldingWhenReceiptChangedKafkaHandler } from './integration/record-holding-when-receipt-changed.kafka-handler';
import { RecordLotHoldingWhenLotChangedKafkaHandler } from './integration/record-lot-holding-when-lot-changed.kafka-handler';
import { RecordWorkOrderWhenWorkOrderOpenedKafkaHandler } from './integration/record-work-order-when-work-order-opened.kafka-handler';
import { FeesHttpController } from './queries/fees/fees.http.controller';

/** Fees accrued from the other services' facts: who holds what from when, the day close, and the fees read model. */
@Module({
  controllers: [
    RecordWorkOrderWhenWorkOrderOpenedKafkaHandler,
    RecordLotHoldingWhenLotChangedKafkaHandler,
    RecordHoldingWhenReceiptChangedKafkaHandler,
    FeesHttpController,
  ],
  providers: [HoldingAccrual, CloseDaysCommandHandler, CloseDaysScheduler, { provide: DRAINABLE, useExisting: CloseDaysScheduler }],
})
export class AccrualModule {}
