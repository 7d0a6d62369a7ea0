import { Module } from '@nestjs/common';
import { StorageCardModule } from '../storage-card/storage-card.module';
import { WorkOrderModule } from '../work-order/work-order.module';
import { ApplyForPickupHttpController } from './commands/apply-for-pickup/apply-for-pickup.http.controller';
import { CompleteOutboundOrderWhenEntitlementExhaustedKafkaHandler } from './integration/complete-outbound-order-when-entitlement-exhausted.kafka-handler';
import { RecordEntitlementWhenEntitlementGrantedKafkaHandler } from './integration/record-entitlement-when-entitlement-granted.kafka-handler';
import { Entitlements } from './entitlements';

/** Outbound entitlements and the holder's pickup application that opens each one's outbound order. */
@Module({
  imports: [StorageCardModule, WorkOrderModule],
  controllers: [ApplyForPickupHttpController, RecordEntitlementWhenEntitlementGrantedKafkaHandler, CompleteOutboundOrderWhenEntitlementExhaustedKafkaHandler],
  providers: [Entitlements],
})
export class PickupModule {}
