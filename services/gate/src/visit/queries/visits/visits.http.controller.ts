import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { localDate } from '@dw/kernel';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { VisitsQueryDto } from './visits.query.dto';

interface VisitRow {
  visit_id: string;
  plate: string;
  vehicle_class: string;
  gate: string;
  outcome: string;
  purpose: string | null;
  appointment_id: string | null;
  reasons: string[];
  method: string;
  decided_by: string;
  note: string;
  at: Date;
}

/** One entry or refusal at a gate, with who decided it. */
export class VisitItemResponseDto {
  @ApiProperty({ type: String, description: 'the visit' })
  visitId!: string;

  @ApiProperty({ type: String, description: 'the plate' })
  plate!: string;

  @ApiProperty({ type: String, description: 'internal, temporary or special' })
  vehicleClass!: string;

  @ApiProperty({ type: String, description: 'the gate' })
  gate!: string;

  @ApiProperty({ enum: ['admitted', 'refused'], description: 'the outcome' })
  outcome!: string;

  @ApiProperty({ type: String, nullable: true, description: 'pickup, delivery, internal or special; null when refused' })
  purpose!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the appointment it came on' })
  appointmentId!: string | null;

  @ApiProperty({ type: String, isArray: true, description: 'why it was refused' })
  reasons!: string[];

  @ApiProperty({ enum: ['plate_camera', 'guard'], description: 'a camera read or a guard’s entry' })
  method!: string;

  @ApiProperty({ type: String, description: 'the guard or the camera that decided it' })
  decidedBy!: string;

  @ApiProperty({ type: String, description: 'the guard’s reason; empty for a camera read' })
  note!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when' })
  at!: string;
}

/** The record of every vehicle let in or turned away, for the gate's staff. */
@Controller('visits')
@Roles('manager', 'gate_guard', 'ops')
export class VisitsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(VisitItemResponseDto, 'entries and refusals, newest last, optionally of one day or outcome')
  async list(@Query() query: VisitsQueryDto) {
    const day = query.date === undefined ? null : localDate(query.date, 'date');
    const after = query.cursor ? this.cursors.decode<{ at: string; id: string }>(query.cursor, 'visits') : { at: '1970-01-01T00:00:00Z', id: '' };
    const { rows } = await this.db.query<VisitRow>(
      `SELECT visit_id, plate, vehicle_class, gate, outcome, purpose, appointment_id, reasons, method, decided_by, note, at FROM visits
        WHERE ($1::date IS NULL OR day = $1) AND ($2::text IS NULL OR outcome = $2) AND (at, visit_id) > ($3::timestamptz, $4)
        ORDER BY at, visit_id LIMIT $5`,
      [day, query.outcome ?? null, after.at, after.id, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): VisitItemResponseDto => ({
        visitId: row.visit_id,
        plate: row.plate,
        vehicleClass: row.vehicle_class,
        gate: row.gate,
        outcome: row.outcome,
        purpose: row.purpose,
        appointmentId: row.appointment_id,
        reasons: row.reasons,
        method: row.method,
        decidedBy: row.decided_by,
        note: row.note,
        at: row.at.toISOString(),
      }),
      (row) => this.cursors.encode({ at: row.at.toISOString(), id: row.visit_id }, 'visits'),
    );
  }
}
