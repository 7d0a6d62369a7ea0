import { ApiProperty } from '@nestjs/swagger';
import { VEHICLE_CLASSES } from './domain/vehicle-classes';

/** A plate the gate knows. */
export class VehicleResponseDto {
  @ApiProperty({ type: String, description: 'the plate, normalised (upper case, no spaces)' })
  plate!: string;

  @ApiProperty({ enum: VEHICLE_CLASSES, nullable: true, description: 'its class; null for a plate only blacklisted, never registered' })
  vehicleClass!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'what the vehicle is' })
  description!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'why it is blacklisted; null when it is not' })
  blacklistReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the manager who blacklisted it' })
  blacklistedBy!: string | null;
}

/** A driver the gate knows. */
export class DriverResponseDto {
  @ApiProperty({ type: String, description: 'resident ID number' })
  residentIdNumber!: string;

  @ApiProperty({ type: String, nullable: true, description: 'name; null for an ID number only blacklisted' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'mobile' })
  mobile!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'why the driver is blacklisted; null when not' })
  blacklistReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the manager who blacklisted the driver' })
  blacklistedBy!: string | null;
}

/** One vehicle class and its release rules. */
export class VehicleClassResponseDto {
  @ApiProperty({ enum: VEHICLE_CLASSES, description: 'the class' })
  vehicleClass!: string;

  @ApiProperty({ type: Boolean, description: 'comes in only on the day’s appointment' })
  needsAppointment!: boolean;

  @ApiProperty({ type: Boolean, description: 'weighed on the weighbridge' })
  needsWeighbridge!: boolean;

  @ApiProperty({ type: Boolean, description: 'a plate read alone does not let it in; a guard releases it with a reason' })
  needsGuardRelease!: boolean;

  @ApiProperty({ type: Boolean, description: 'a guard may let it in without the appointment it would need, with a reason' })
  guardMayReleaseWithoutAppointment!: boolean;

  @ApiProperty({ type: String, description: 'what the class is for' })
  description!: string;
}

/** The vehicle classes in force. */
export class VehicleClassesResponseDto {
  @ApiProperty({ type: () => VehicleClassResponseDto, isArray: true, description: 'each class and its rules' })
  items!: VehicleClassResponseDto[];
}
