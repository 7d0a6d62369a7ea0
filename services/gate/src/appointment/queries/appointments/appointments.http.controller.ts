import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { localDate } from '@dw/kernel';
import { ApiPageResponse, CurrentCaller, CursorCodec, listScopeOf, pageOf, Roles, type Caller } from '@dw/platform';
import { AppointmentResponseDto } from '../../appointment.response.dto';
import { SLOT_PLAN } from '../../domain/slot-plan';
import { AppointmentsQueryDto } from './appointments.query.dto';

interface AppointmentRow {
  appointment_id: string;
  order_id: string;
  purpose: string;
  plate: string;
  driver_name: string;
  gate: string;
  date: string;
  period: string;
  status: string;
}

/** One period of a gate and its capacity. */
export class SlotPeriodResponseDto {
  @ApiProperty({ type: String, description: 'the gate' })
  gate!: string;

  @ApiProperty({ type: String, description: 'HH:MM-HH:MM, Shanghai' })
  period!: string;

  @ApiProperty({ type: 'integer', description: 'vehicles the period takes' })
  capacity!: number;
}

/** The gates' appointment periods and capacities in force. */
export class SlotPlanResponseDto {
  @ApiProperty({ type: () => SlotPeriodResponseDto, isArray: true, description: 'every gate’s periods' })
  items!: SlotPeriodResponseDto[];
}

/** Appointments for the gate's staff (every one) and depositors (their own orders'). */
@Controller()
export class AppointmentsQueryHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get('slot-plan')
  @Roles('manager', 'gate_guard', 'ops', 'depositor')
  @ApiOkResponse({ type: SlotPlanResponseDto, description: 'the gates, their periods and each period’s capacity' })
  slotPlan(): SlotPlanResponseDto {
    return { items: Object.entries(SLOT_PLAN).flatMap(([gate, periods]) => periods.map((p) => ({ gate, period: p.id, capacity: p.capacity }))) };
  }

  @Get('appointments')
  @Roles('manager', 'gate_guard', 'ops', 'depositor')
  @ApiPageResponse(AppointmentResponseDto, 'appointments by id, optionally of one day, gate or status; a depositor sees its own orders’')
  async list(@Query() query: AppointmentsQueryDto, @CurrentCaller() caller: Caller) {
    const date = query.date === undefined ? null : localDate(query.date, 'date');
    const scope = listScopeOf(caller.principal);
    const after = query.cursor ? this.cursors.decode<{ id: string }>(query.cursor, 'appointments') : { id: '' };
    const { rows } = await this.db.query<AppointmentRow>(
      `SELECT appointment_id, order_id, purpose, plate, driver_name, gate, to_char(date, 'YYYY-MM-DD') AS date, period, status
         FROM appointments
        WHERE ($1::date IS NULL OR date = $1) AND ($2::text IS NULL OR gate = $2) AND ($3::text IS NULL OR status = $3)
          AND ($4::text IS NULL OR owner_party_id = $4) AND appointment_id > $5
        ORDER BY appointment_id LIMIT $6`,
      [date, query.gate ?? null, query.status ?? null, scope, after.id, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): AppointmentResponseDto => ({
        appointmentId: row.appointment_id,
        orderId: row.order_id,
        purpose: row.purpose,
        plate: row.plate,
        driverName: row.driver_name,
        gate: row.gate,
        date: row.date,
        period: row.period,
        status: row.status,
      }),
      (row) => this.cursors.encode({ id: row.appointment_id }, 'appointments'),
    );
  }
}
