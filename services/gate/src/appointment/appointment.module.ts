import { Module } from '@nestjs/common';
import { DRAINABLE } from '@dw/platform';
import { AppointmentCommandHandler } from './commands/appointment.command-handler';
import { AppointmentsHttpController } from './commands/book/appointments.http.controller';
import { NoShowSweep } from './commands/no-show-sweep/no-show-sweep';
import { TrackWorkOrderKafkaHandler } from './integration/track-work-order.kafka-handler';
import { AppointmentsQueryHttpController } from './queries/appointments/appointments.http.controller';

/** Appointments tied to the order service's work orders: slots with capacity, booking, rescheduling, closing with the order, no-shows. */
@Module({
  controllers: [AppointmentsHttpController, AppointmentsQueryHttpController, TrackWorkOrderKafkaHandler],
  providers: [AppointmentCommandHandler, NoShowSweep, { provide: DRAINABLE, useExisting: NoShowSweep }],
})
export class AppointmentModule {}
