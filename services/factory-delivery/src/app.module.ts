import { Module } from '@nestjs/common';
import { EventSourcingModule } from '@dw/platform';
import { factoryDeliveryServiceDefinition } from './factory-delivery.service-definition';
import { FactoryModule } from './factory/factory.module';

/** The factory-delivery service: the platform's event-sourced core plus one module per feature. */
@Module({
  imports: [EventSourcingModule.forService(factoryDeliveryServiceDefinition), FactoryModule],
})
export class AppModule {}
