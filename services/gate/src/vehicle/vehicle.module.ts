import { Module } from '@nestjs/common';
import { BlacklistHttpController } from './commands/blacklist/blacklist.http.controller';
import { RegisterHttpController } from './commands/register/register.http.controller';
import { VehicleCommandHandler } from './commands/vehicle.command-handler';
import { VehiclesHttpController } from './queries/vehicles/vehicles.http.controller';

/** Vehicles in their classes, drivers, and the blacklist of plates and ID numbers. */
@Module({
  controllers: [RegisterHttpController, BlacklistHttpController, VehiclesHttpController],
  providers: [VehicleCommandHandler],
  exports: [VehicleCommandHandler],
})
export class VehicleModule {}
