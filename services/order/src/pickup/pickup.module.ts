import { Module } from '@nestjs/common';
import { WorkOrderModule } from '../work-order/work-order.module';
import { ApplyForPickupCommandHandler } from './commands/apply-for-pickup/apply-for-pickup.command-handler';
import { ApplyForPickupHttpController } from './commands/apply-for-pickup/apply-for-pickup.http.controller';
import { CompleteOutboundOrderWhenEntitlementExhaustedKafkaHandler } from './integration/complete-outbound-order-when-entitlement-exhausted.kafka-handler';
import { RecordEntitlementWhenEntitlementGrantedKafkaHandler } from './integration/record-entitlement-when-entitlement-granted.kafka-handler';

/** Outbound entitlements and the holder's pickup application that opens each one's outbound order. */
@Module({
  imports: [WorkOrderModule],
  controllers: [ApplyForPickupHttpController, RecordEntitlementWhenEntitlementGrantedKafkaHandler, CompleteOutboundOrderWhenEntitlementExhaustedKafkaHandler],
  providers: [ApplyForPickupCommandHandler],
})
export class PickupModule {}
