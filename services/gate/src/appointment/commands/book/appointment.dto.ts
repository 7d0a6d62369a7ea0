import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Nested } from '@dw/platform';

/** The driver who brings the vehicle. */
export class AppointmentDriverDto {
  @ApiProperty({ type: String, maxLength: 18, description: 'resident ID number (GB 11643); for a pickup, the collector’s on the application' })
  @IsString()
  @MaxLength(18)
  residentIdNumber!: string;

  @ApiProperty({ type: String, maxLength: 64, description: 'the name on the card' })
  @IsString()
  @MaxLength(64)
  name!: string;

  @ApiProperty({ type: String, maxLength: 11, description: '11-digit mainland mobile' })
  @IsString()
  @MaxLength(11)
  mobile!: string;
}

/** Where and when: a gate's period on a day (the gates and periods are GET /slot-plan's). */
export class AppointmentSlotRequestDto {
  @ApiProperty({ type: String, maxLength: 32, example: 'south', description: 'the gate (422 SLOT_UNKNOWN for one the plan does not have)' })
  @IsString()
  @MaxLength(32)
  gate!: string;

  @ApiProperty({ type: String, maxLength: 10, example: '2026-12-08', description: 'the day, YYYY-MM-DD in Shanghai' })
  @IsString()
  @MaxLength(10)
  date!: string;

  @ApiProperty({ type: String, maxLength: 11, example: '08:00-10:00', description: 'the period, HH:MM-HH:MM' })
  @IsString()
  @MaxLength(11)
  period!: string;
}

/** A vehicle and its driver booked under a pickup (outbound) or delivery (inbound) order. */
export class BookAppointmentRequestDto extends AppointmentSlotRequestDto {
  @ApiProperty({ type: String, maxLength: 64, description: 'the work order: an outbound order for a pickup, an inbound order for a delivery' })
  @IsString()
  @MaxLength(64)
  orderId!: string;

  @ApiProperty({ type: String, maxLength: 16, description: 'the vehicle’s plate; for a pickup, one on the application' })
  @IsString()
  @MaxLength(16)
  plate!: string;

  @ApiProperty({ type: () => AppointmentDriverDto, description: 'the driver' })
  @Nested(() => AppointmentDriverDto)
  driver!: AppointmentDriverDto;
}
