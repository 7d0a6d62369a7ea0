import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXIT_CONDITIONS } from './domain/exit-release';

/** The visit's weigh ticket (磅单). */
export class WeighTicketResponseDto {
  @ApiProperty({ type: String, description: 'the ticket number (WT-<visitId>)' })
  ticketNumber!: string;

  @ApiProperty({ type: 'integer', description: 'the vehicle empty, kg' })
  tareKg!: number;

  @ApiProperty({ type: 'integer', description: 'the vehicle loaded, kg' })
  grossKg!: number;

  @ApiProperty({ type: 'integer', description: 'gross − tare, kg' })
  netKg!: number;

  @ApiProperty({ type: String, description: 'lower-case hex SHA-256 of the ticket PDF (GET /visits/:visitId/weigh-ticket)' })
  sha256!: string;
}

/** The exit check's decision. */
export class ExitDecisionResponseDto {
  @ApiProperty({ enum: ['released', 'held'], description: 'released with a signed pass, or held' })
  outcome!: 'released' | 'held';

  @ApiProperty({ enum: EXIT_CONDITIONS, isArray: true, description: 'the failed conditions; empty when released' })
  conditions!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'the exit pass (EP-<yyyymmdd>-<visitId>); null when held' })
  passNumber!: string | null;

  @ApiProperty({ type: String, isArray: true, description: 'one red exit_held alarm per failed condition, in the same order' })
  alarmIds!: string[];
}

/** A weighbridge reading as the visit recorded it. */
export class ScaleReadingResponseDto {
  @ApiProperty({ type: String, description: 'the visit of the vehicle on the scale' })
  visitId!: string;

  @ApiProperty({ enum: ['tare', 'gross'], description: 'which weighing it was: a pickup tare in, gross out; a delivery the reverse' })
  weighing!: 'tare' | 'gross';

  @ApiProperty({ type: 'integer', description: 'the weight read, kg' })
  weightKg!: number;

  @ApiProperty({ type: WeighTicketResponseDto, nullable: true, description: 'the weigh ticket, issued by the second reading; null on the first' })
  ticket!: WeighTicketResponseDto | null;

  @ApiProperty({
    type: ExitDecisionResponseDto,
    nullable: true,
    description: 'the exit check run at the second reading of a vehicle carrying goods out; null otherwise',
  })
  exit!: ExitDecisionResponseDto | null;
}

/** What the exit barrier did with the vehicle. */
export class BarrierResponseDto {
  @ApiProperty({ type: String, description: 'the visit' })
  visitId!: string;

  @ApiProperty({ enum: ['left', 'held'], description: 'left through the barrier, or held at it' })
  outcome!: 'left' | 'held';

  @ApiPropertyOptional({ type: String, nullable: true, description: 'when left: its exit pass; null for a vehicle that carried nothing out' })
  passNumber?: string | null;

  @ApiPropertyOptional({ enum: EXIT_CONDITIONS, isArray: true, description: 'when held: why (not_weighed before the weighbridge’s second reading)' })
  conditions?: string[];

  @ApiPropertyOptional({ type: String, isArray: true, description: 'when held: the alarms of the last exit check' })
  alarmIds?: string[];
}

/** A weighbridge reading of the visit. */
export class VisitWeighingResponseDto {
  @ApiProperty({ enum: ['tare', 'gross'], description: 'which weighing' })
  weighing!: string;

  @ApiProperty({ type: 'integer', description: 'kg' })
  weightKg!: number;

  @ApiProperty({ type: String, description: 'the scale (its client id)' })
  deviceId!: string;

  @ApiProperty({ type: String, description: 'the scale’s reading id' })
  readingId!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when the scale read it' })
  readAt!: string;
}

/** A load-out note the gate learnt for this vehicle. */
export class VisitLoadResponseDto {
  @ApiProperty({ type: String, description: 'the load-out note' })
  noteId!: string;

  @ApiProperty({ type: String, description: 'the outbound order it was loaded under' })
  orderId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the entitlement the pieces left under' })
  entitlementId!: string | null;

  @ApiProperty({ type: String, isArray: true, description: 'the lots' })
  lots!: string[];

  @ApiProperty({ type: 'integer', description: 'pieces' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'the note’s weighed net, kg' })
  netKg!: number;
}

/** One exit check held the vehicle. */
export class VisitHoldResponseDto {
  @ApiProperty({ enum: EXIT_CONDITIONS, isArray: true, description: 'the failed conditions' })
  conditions!: string[];

  @ApiProperty({ type: String, isArray: true, description: 'their alarms' })
  alarmIds!: string[];

  @ApiProperty({ type: 'integer', description: 'the weighbridge net, kg' })
  measuredNetKg!: number;

  @ApiProperty({ type: 'integer', description: 'the load-out notes’ net, kg' })
  notesNetKg!: number;

  @ApiProperty({ type: 'integer', description: 'the smallest tolerance of the lots, basis points' })
  toleranceBasisPoints!: number;

  @ApiProperty({ type: String, description: 'who ran the check (the scale, or a guard)' })
  checkedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when' })
  at!: string;
}

/** The vehicle leaving. */
export class VisitLeftResponseDto {
  @ApiProperty({ type: String, description: 'the exit gate' })
  gate!: string;

  @ApiProperty({ type: String, nullable: true, description: 'its exit pass; null when it carried nothing out' })
  passNumber!: string | null;

  @ApiProperty({ enum: ['plate_camera', 'guard'], description: 'read by the exit camera or typed by a guard' })
  method!: string;

  @ApiProperty({ type: String, description: 'the camera or the guard' })
  by!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when' })
  at!: string;
}

/** An exit pass (出门证) and whether its signature is the gate's over exactly its fields. */
export class ExitPassResponseDto {
  @ApiProperty({ type: String, description: 'the pass number' })
  passNumber!: string;

  @ApiProperty({ type: String, description: 'the visit' })
  visitId!: string;

  @ApiProperty({ type: String, description: 'the plate' })
  plate!: string;

  @ApiProperty({ type: String, description: 'the outbound order' })
  orderId!: string;

  @ApiProperty({ type: String, description: 'the entitlement behind the order' })
  entitlementId!: string;

  @ApiProperty({ type: String, isArray: true, description: 'the load-out notes carried' })
  loadOutNoteIds!: string[];

  @ApiProperty({ type: 'integer', description: 'tare, kg' })
  tareKg!: number;

  @ApiProperty({ type: 'integer', description: 'gross, kg' })
  grossKg!: number;

  @ApiProperty({ type: 'integer', description: 'net, kg' })
  netKg!: number;

  @ApiProperty({ type: String, description: 'the weigh ticket' })
  ticketNumber!: string;

  @ApiProperty({ type: String, description: 'who issued it (the scale or a guard running the check)' })
  issuedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when' })
  issuedAt!: string;

  @ApiProperty({ type: String, description: 'base64 Ed25519 signature over the pass’s canonical bytes (one name=value line per field above, in order)' })
  signature!: string;

  @ApiProperty({ type: Boolean, description: 'the signature verifies against the gate’s public key (GET /exit-passes/signing-key)' })
  valid!: boolean;
}

/** The gate's public key for exit passes. */
export class ExitPassSigningKeyResponseDto {
  @ApiProperty({ type: String, description: 'the Ed25519 public key, SPKI PEM' })
  publicKeyPem!: string;
}

/** One visit in full: its entry, weighbridge readings and ticket, loads, exit decisions, pass and leaving. */
export class VisitDetailResponseDto {
  @ApiProperty({ type: String, description: 'the visit' })
  visitId!: string;

  @ApiProperty({ type: String, description: 'the plate' })
  plate!: string;

  @ApiProperty({ enum: ['internal', 'temporary', 'special'], description: 'its class' })
  vehicleClass!: string;

  @ApiProperty({ type: String, description: 'the entry gate' })
  gate!: string;

  @ApiProperty({ enum: ['admitted', 'refused'], description: 'the entry decision' })
  outcome!: string;

  @ApiProperty({ type: String, nullable: true, description: 'pickup, delivery, internal or special; null when refused' })
  purpose!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the appointment it came on' })
  appointmentId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the appointment’s order' })
  orderId!: string | null;

  @ApiProperty({ type: Boolean, description: 'its class is weighed' })
  needsWeighbridge!: boolean;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it came (or was refused)' })
  enteredAt!: string;

  @ApiProperty({ type: VisitWeighingResponseDto, isArray: true, description: 'the weighbridge readings, in order' })
  weighings!: VisitWeighingResponseDto[];

  @ApiProperty({ type: WeighTicketResponseDto, nullable: true, description: 'the weigh ticket' })
  ticket!: WeighTicketResponseDto | null;

  @ApiProperty({ type: VisitLoadResponseDto, isArray: true, description: 'the load-out notes learnt for this vehicle while on site' })
  loads!: VisitLoadResponseDto[];

  @ApiProperty({ type: VisitHoldResponseDto, isArray: true, description: 'every exit check that held it' })
  holds!: VisitHoldResponseDto[];

  @ApiProperty({ type: ExitDecisionResponseDto, nullable: true, description: 'the standing exit decision; null before any check' })
  exit!: ExitDecisionResponseDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'its exit pass number' })
  passNumber!: string | null;

  @ApiProperty({ type: VisitLeftResponseDto, nullable: true, description: 'its leaving; null while on site' })
  left!: VisitLeftResponseDto | null;
}
