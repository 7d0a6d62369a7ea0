import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** A person at the gatehouse on a visit, the ID card in the guard's hand. */
export class PersonEntryRequestDto {
  @ApiProperty({ type: String, maxLength: 32, description: 'the gate (422 GATE_UNKNOWN for one the warehouse does not have)' })
  @IsString()
  @MaxLength(32)
  gate!: string;

  @ApiProperty({ type: String, maxLength: 64, description: 'the visit’s id (the appointment, online or registered at the gatehouse)' })
  @IsString()
  @MaxLength(64)
  appointmentId!: string;

  @ApiProperty({ type: String, maxLength: 18, description: 'the resident ID number read from the card presented' })
  @IsString()
  @MaxLength(18)
  residentIdNumber!: string;
}

/** A visitor leaving. */
export class PersonExitRequestDto {
  @ApiProperty({ type: String, maxLength: 32, description: 'the gate' })
  @IsString()
  @MaxLength(32)
  gate!: string;

  @ApiProperty({ type: String, maxLength: 64, description: 'the visit' })
  @IsString()
  @MaxLength(64)
  personVisitId!: string;
}
