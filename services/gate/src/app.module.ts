import { Module } from '@nestjs/common';
import { EventSourcingModule } from '@dw/platform';
import { gateServiceDefinition } from './gate.service-definition';

/** The gate service: the platform's event-sourced core plus one module per feature, each with a controller and handler per use case. */
@Module({
  imports: [EventSourcingModule.forService(gateServiceDefinition)],
})
export class AppModule {}
