import { Module } from '@nestjs/common';
import { EventSourcingModule } from '@dw/platform';
import { PickupModule } from './pickup/pickup.module';
import { ReceiptBackingModule } from './receipt-backing/receipt-backing.module';
import { StorageCardModule } from './storage-card/storage-card.module';
import { WorkOrderModule } from './work-order/work-order.module';
import { WorkflowModule } from './workflow/workflow.module';
import { orderServiceDefinition } from './order.service-definition';

/** The order service: the platform’s event-sourced core plus one module per feature. */
@Module({
  imports: [EventSourcingModule.forService(orderServiceDefinition), StorageCardModule, ReceiptBackingModule, WorkOrderModule, PickupModule, WorkflowModule],
})
export class AppModule {}
