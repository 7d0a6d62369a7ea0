import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { VEHICLE_CLASSES } from '../../domain/vehicle-classes';

/** A plate registered in a vehicle class. */
export class RegisterVehicleRequestDto {
  @ApiProperty({ type: String, maxLength: 16, example: '沪A12345', description: 'a mainland plate number (422 PLATE_NUMBER_INVALID otherwise)' })
  @IsString()
  @MaxLength(16)
  plate!: string;

  @ApiProperty({ enum: VEHICLE_CLASSES, description: 'internal, temporary or special: the class whose release rules apply at the gate' })
  @IsIn(VEHICLE_CLASSES)
  vehicleClass!: string;

  @ApiPropertyOptional({ type: String, maxLength: 200, description: 'what the vehicle is (a shuttle, the fire brigade’s engine)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}

/** A driver registered at the gate. */
export class RegisterDriverRequestDto {
  @ApiProperty({
    type: String,
    maxLength: 18,
    example: '11010519491231002X',
    description: 'resident ID number, GB 11643 check character verified (422 RESIDENT_ID_INVALID)',
  })
  @IsString()
  @MaxLength(18)
  residentIdNumber!: string;

  @ApiProperty({ type: String, maxLength: 64, description: 'the name on the card' })
  @IsString()
  @MaxLength(64)
  name!: string;

  @ApiProperty({ type: String, maxLength: 11, example: '13800138000', description: '11-digit mainland mobile (422 MOBILE_NUMBER_INVALID)' })
  @IsString()
  @MaxLength(11)
  mobile!: string;
}

/** A plate put on the blacklist. */
export class BlacklistPlateRequestDto {
  @ApiProperty({ type: String, maxLength: 16, description: 'a mainland plate number, registered or not' })
  @IsString()
  @MaxLength(16)
  plate!: string;

  @ApiProperty({ type: String, maxLength: 500, description: 'why it may not come in' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

/** A driver's ID number put on the blacklist. */
export class BlacklistDriverRequestDto {
  @ApiProperty({ type: String, maxLength: 18, description: 'resident ID number, registered or not' })
  @IsString()
  @MaxLength(18)
  residentIdNumber!: string;

  @ApiProperty({ type: String, maxLength: 500, description: 'why the driver may not come in' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

/** A blacklisting lifted, with why. */
export class LiftBlacklistingRequestDto {
  @ApiProperty({ type: String, maxLength: 500, description: 'why the plate or driver may come in again (required)' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
