import { Module } from '@nestjs/common';
import { EventSourcingModule } from '@dw/platform';
import { orderServiceDefinition } from './order.service-definition';
import { RecordCardWhenCardChangedKafkaHandler } from './storage-card/integration/record-card-when-card-changed.kafka-handler';
import { GetStorageCardHttpController } from './storage-card/queries/get-storage-card.http.controller';
import { StorageCards } from './storage-card/storage-cards';
import { CancelWorkOrderHttpController } from './work-order/commands/cancel-work-order/cancel-work-order.http.controller';
import { CompleteWorkOrderHttpController } from './work-order/commands/complete-work-order/complete-work-order.http.controller';
import { DraftInboundOrderHttpController } from './work-order/commands/draft-inbound-order/draft-inbound-order.http.controller';
import { DraftWorkOrderHttpController } from './work-order/commands/draft-work-order/draft-work-order.http.controller';
import { OpenWorkOrderHttpController } from './work-order/commands/open-work-order/open-work-order.http.controller';
import { RecordStepHttpController } from './work-order/commands/record-step/record-step.http.controller';
import { OpenOutboundOrderWhenEntitlementGrantedKafkaHandler } from './work-order/integration/open-outbound-order-when-entitlement-granted.kafka-handler';
import { RecordStepWhenStepPerformedKafkaHandler } from './work-order/integration/record-step-when-step-performed.kafka-handler';
import { GetWorkOrderHttpController } from './work-order/queries/get-work-order/get-work-order.http.controller';
import { ListWorkOrdersHttpController } from './work-order/queries/list-work-orders/list-work-orders.http.controller';
import { WorkOrderCommandHandler } from './work-order/work-order.command-handler';
import { PublishWorkflowHttpController } from './workflow/commands/publish-workflow/publish-workflow.http.controller';
import { WithdrawWorkflowHttpController } from './workflow/commands/withdraw-workflow/withdraw-workflow.http.controller';
import { ListWorkflowsHttpController } from './workflow/queries/list-workflows/list-workflows.http.controller';
import { StandardWorkflowsSeeder } from './workflow/standard-workflows.seeder';

@Module({
  imports: [EventSourcingModule.forService(orderServiceDefinition)],
  controllers: [
    DraftInboundOrderHttpController,
    DraftWorkOrderHttpController,
    ListWorkOrdersHttpController,
    GetWorkOrderHttpController,
    OpenWorkOrderHttpController,
    RecordStepHttpController,
    CompleteWorkOrderHttpController,
    CancelWorkOrderHttpController,
    PublishWorkflowHttpController,
    WithdrawWorkflowHttpController,
    ListWorkflowsHttpController,
    RecordStepWhenStepPerformedKafkaHandler,
    OpenOutboundOrderWhenEntitlementGrantedKafkaHandler,
    GetStorageCardHttpController,
    RecordCardWhenCardChangedKafkaHandler,
  ],
  providers: [WorkOrderCommandHandler, StorageCards, StandardWorkflowsSeeder],
})
export class AppModule {}
