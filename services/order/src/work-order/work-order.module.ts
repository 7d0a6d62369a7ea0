import { Module } from '@nestjs/common';
import { CancelWorkOrderCommandHandler } from './commands/cancel-work-order/cancel-work-order.command-handler';
import { CancelWorkOrderHttpController } from './commands/cancel-work-order/cancel-work-order.http.controller';
import { CompleteWorkOrderCommandHandler } from './commands/complete-work-order/complete-work-order.command-handler';
import { CompleteWorkOrderHttpController } from './commands/complete-work-order/complete-work-order.http.controller';
import { DraftInboundOrderCommandHandler } from './commands/draft-inbound-order/draft-inbound-order.command-handler';
import { DraftInboundOrderHttpController } from './commands/draft-inbound-order/draft-inbound-order.http.controller';
import { DraftWorkOrderCommandHandler } from './commands/draft-work-order/draft-work-order.command-handler';
import { DraftWorkOrderHttpController } from './commands/draft-work-order/draft-work-order.http.controller';
import { OpenWorkOrderCommandHandler } from './commands/open-work-order/open-work-order.command-handler';
import { OpenWorkOrderHttpController } from './commands/open-work-order/open-work-order.http.controller';
import { RecordStepCommandHandler } from './commands/record-step/record-step.command-handler';
import { RecordStepHttpController } from './commands/record-step/record-step.http.controller';
import { CompleteTitleTransferOrderWhenTitleTransferredKafkaHandler } from './integration/complete-title-transfer-order-when-title-transferred.kafka-handler';
import { RecordStepWhenStepPerformedKafkaHandler } from './integration/record-step-when-step-performed.kafka-handler';
import { GetWorkOrderHttpController } from './queries/get-work-order/get-work-order.http.controller';
import { ListWorkOrdersHttpController } from './queries/list-work-orders/list-work-orders.http.controller';
import { WorkOrderOutbox } from './work-order-changes';

/** Work orders: drafted, opened under a workflow, stepped through, completed or cancelled. */
@Module({
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
  providers: [
    WorkOrderOutbox,
    DraftInboundOrderCommandHandler,
    DraftWorkOrderCommandHandler,
    OpenWorkOrderCommandHandler,
    RecordStepCommandHandler,
    CompleteWorkOrderCommandHandler,
    CancelWorkOrderCommandHandler,
  ],
  // A pickup application drafts and opens its outbound order, and an exhausted entitlement completes it.
  exports: [WorkOrderOutbox],
})
export class WorkOrderModule {}
