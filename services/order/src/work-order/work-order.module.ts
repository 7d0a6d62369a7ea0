import { Module } from '@nestjs/common';
import { ReceiptBackingModule } from '../receipt-backing/receipt-backing.module';
import { StorageCardModule } from '../storage-card/storage-card.module';
import { CancelWorkOrderHttpController } from './commands/cancel-work-order/cancel-work-order.http.controller';
import { CompleteWorkOrderHttpController } from './commands/complete-work-order/complete-work-order.http.controller';
import { DraftInboundOrderHttpController } from './commands/draft-inbound-order/draft-inbound-order.http.controller';
import { DraftWorkOrderHttpController } from './commands/draft-work-order/draft-work-order.http.controller';
import { OpenWorkOrderHttpController } from './commands/open-work-order/open-work-order.http.controller';
import { RecordStepHttpController } from './commands/record-step/record-step.http.controller';
import { CompleteTitleTransferOrderWhenTitleTransferredKafkaHandler } from './integration/complete-title-transfer-order-when-title-transferred.kafka-handler';
import { RecordStepWhenStepPerformedKafkaHandler } from './integration/record-step-when-step-performed.kafka-handler';
import { GetWorkOrderHttpController } from './queries/get-work-order/get-work-order.http.controller';
import { ListWorkOrdersHttpController } from './queries/list-work-orders/list-work-orders.http.controller';
import { WorkOrderCommandHandler } from './work-order.command-handler';

/** Work orders: drafted, opened under a workflow, stepped through, completed or cancelled. */
@Module({
  imports: [StorageCardModule, ReceiptBackingModule],
  controllers: [
    DraftInboundOrderHttpController,
    DraftWorkOrderHttpController,
    ListWorkOrdersHttpController,
    GetWorkOrderHttpController,
    OpenWorkOrderHttpController,
    RecordStepHttpController,
    CompleteWorkOrderHttpController,
    CancelWorkOrderHttpController,
    RecordStepWhenStepPerformedKafkaHandler,
    CompleteTitleTransferOrderWhenTitleTransferredKafkaHandler,
  ],
  providers: [WorkOrderCommandHandler],
  exports: [WorkOrderCommandHandler],
})
export class WorkOrderModule {}
