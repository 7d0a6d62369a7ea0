import { ApiProperty } from '@nestjs/swagger';

/** The gate's decision on a vehicle. */
export class VisitResponseDto {
  @ApiProperty({ type: String, description: 'the visit: <cameraId>-<readId> for a camera read, a fresh id for a guard’s entry' })
  visitId!: string;

  @ApiProperty({ type: String, description: 'the plate, normalised' })
  plate!: string;

  @ApiProperty({ enum: ['internal', 'temporary', 'special'], description: 'its class (temporary when never registered)' })
  vehicleClass!: string;

  @ApiProperty({ type: String, description: 'the gate' })
  gate!: string;

  @ApiProperty({ enum: ['admitted', 'refused'], description: 'let in, or turned away (a refusal is recorded and raises an alarm)' })
  outcome!: string;

  @ApiProperty({ type: String, isArray: true, description: 'why it was refused: blacklisted, no_appointment, guard_release_required; empty when admitted' })
  reasons!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'the appointment it came on' })
  appointmentId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'pickup, delivery, internal or special; null when refused' })
  purpose!: string | null;

  @ApiProperty({ type: Boolean, description: 'its class is weighed on the weighbridge' })
  needsWeighbridge!: boolean;

  @ApiProperty({ type: String, description: 'who let it through or turned it away (the guard, or the camera’s client id)' })
  decidedBy!: string;
}
