import { ApiProperty } from '@nestjs/swagger';
import { PERSON_REFUSAL_REASONS } from './domain/person-visit.decider';

/** Who the visitor is. */
export class VisitorResponseDto {
  @ApiProperty({ type: String, description: 'the name on the ID card' })
  name!: string;

  @ApiProperty({ type: String, description: 'resident ID number' })
  residentIdNumber!: string;

  @ApiProperty({ type: String, description: 'mobile' })
  mobile!: string;
}

/** A visitor's visit where it stands. */
export class PersonVisitResponseDto {
  @ApiProperty({ type: String, description: 'the visit (also the appointment id a guard enters it on)' })
  personVisitId!: string;

  @ApiProperty({ enum: ['online', 'walk_in'], description: 'booked online ahead, or registered at the gatehouse' })
  channel!: string;

  @ApiProperty({ type: () => VisitorResponseDto, description: 'who comes' })
  visitor!: VisitorResponseDto;

  @ApiProperty({ type: String, description: 'the staff member who approves (token subject)' })
  host!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the day of the visit (Shanghai)' })
  date!: string;

  @ApiProperty({ type: String, description: 'why the visitor comes' })
  purpose!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the visitor’s car, if any' })
  plate!: string | null;

  @ApiProperty({ enum: ['awaiting_approval', 'approved', 'declined', 'on_site', 'left'], description: 'where the visit stands' })
  status!: string;

  @ApiProperty({ type: String, nullable: true, description: 'who approved or declined it' })
  decidedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'why it was declined' })
  declineReason!: string | null;
}

/** A visit in the list: where it stands, who decided, when the visitor came and left. */
export class PersonVisitListItemDto extends PersonVisitResponseDto {
  @ApiProperty({ type: String, description: 'who asked for it or registered it' })
  requestedBy!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when it was approved or declined' })
  decidedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the guard who let the visitor in' })
  admittedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when the visitor came in' })
  enteredAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when the visitor left' })
  leftAt!: string | null;

  @ApiProperty({ type: 'integer', description: 'how many times the visitor was turned away at the gate on this visit' })
  refusals!: number;

  @ApiProperty({ enum: PERSON_REFUSAL_REASONS, isArray: true, description: 'the reasons of the last refusal' })
  lastRefusalReasons!: string[];
}

/** The gate's decision on a person at the gatehouse, or a leaving recorded. */
export class PersonEntryResponseDto {
  @ApiProperty({ type: String, description: 'the visit' })
  personVisitId!: string;

  @ApiProperty({ type: String, description: 'this attempt (its refusal alarm is refusal-<entryId>)' })
  entryId!: string;

  @ApiProperty({ type: String, description: 'the gate' })
  gate!: string;

  @ApiProperty({ enum: ['admitted', 'refused'], description: 'let in, or turned away (a refusal is recorded and raises an alarm)' })
  outcome!: string;

  @ApiProperty({ enum: PERSON_REFUSAL_REASONS, isArray: true, description: 'why the person was refused; empty when admitted' })
  reasons!: string[];

  @ApiProperty({ type: String, description: 'the guard who decided' })
  decidedBy!: string;
}

/** A visitor's leaving, recorded. */
export class PersonExitResponseDto {
  @ApiProperty({ type: String, description: 'the visit' })
  personVisitId!: string;

  @ApiProperty({ enum: ['left'], description: 'the visit’s status now' })
  status!: string;
}

/** A staff member the face lanes know. */
export class StaffResponseDto {
  @ApiProperty({ type: String, description: 'the staff id' })
  staffId!: string;

  @ApiProperty({ type: String, description: 'the name' })
  name!: string;

  @ApiProperty({ enum: ['active', 'deactivated'], description: 'active staff pass the face lanes; deactivated are refused' })
  status!: string;
}

/** A pass through a face lane, as recorded. */
export class FacePassResponseDto {
  @ApiProperty({ type: String, description: '<deviceId>-<passId>' })
  passId!: string;

  @ApiProperty({ type: String, description: 'the staff id the lane recognised' })
  staffId!: string;

  @ApiProperty({ type: String, description: 'the lane' })
  lane!: string;

  @ApiProperty({ enum: ['in', 'out'], description: 'which way' })
  direction!: string;

  @ApiProperty({ enum: ['admitted', 'refused'], description: 'let through, or refused (a refusal raises an alarm)' })
  outcome!: string;

  @ApiProperty({ enum: ['staff_unknown', 'staff_deactivated'], isArray: true, description: 'why it was refused; empty when let through' })
  reasons!: string[];

  @ApiProperty({ type: String, format: 'date-time', description: 'when the lane saw the face' })
  passedAt!: string;
}
