import { Module } from '@nestjs/common';
import { EventSourcingModule } from '@dw/platform';
import { gateServiceDefinition } from './gate.service-definition';
import { VehicleModule } from './vehicle/vehicle.module';
import { AppointmentModule } from './appointment/appointment.module';
import { VisitModule } from './visit/visit.module';
import { AlarmModule } from './alarm/alarm.module';
import { PersonModule } from './person/person.module';

/** The gate service: the platform's event-sourced core plus one module per feature, each with a controller and handler per use case. */
@Module({
  imports: [EventSourcingModule.forService(gateServiceDefinition), VehicleModule, AppointmentModule, VisitModule, AlarmModule, PersonModule],
})
export class AppModule {}
