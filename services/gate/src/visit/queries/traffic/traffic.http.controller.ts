import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { epochDayOf, localDate, refuse } from '@dw/kernel';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { TrafficQueryDto } from './traffic.query.dto';

interface TrafficRow {
  day: string;
  direction: string;
  vehicle_class: string;
  purpose: string;
  outcome: string;
  vehicles: string;
}

/** How many vehicles of a class came (or were turned away), or went out, on a day, for one purpose. */
export class TrafficItemResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'the day (Shanghai)' })
  day!: string;

  @ApiProperty({ enum: ['in', 'out'], description: 'in through a gate (admitted or refused), or out through an exit barrier (left)' })
  direction!: string;

  @ApiProperty({ enum: ['internal', 'temporary', 'special'], description: 'the vehicle class' })
  vehicleClass!: string;

  @ApiProperty({ enum: ['pickup', 'delivery', 'internal', 'special', 'none'], description: 'why they came; none for refusals' })
  purpose!: string;

  @ApiProperty({ enum: ['admitted', 'refused', 'left'], description: 'let in or turned away (in); left (out)' })
  outcome!: string;

  @ApiProperty({ type: 'integer', description: 'how many' })
  vehicles!: number;
}

const MAX_DAYS = 366;

/** Traffic per period for managers (车流量): counts by day, direction (in, out), class, purpose and outcome. */
@Controller('traffic')
@Roles('manager', 'ops')
export class TrafficHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(TrafficItemResponseDto, 'one row per day, direction, class, purpose and outcome with vehicles counted, days in order')
  async list(@Query() query: TrafficQueryDto) {
    const from = localDate(query.from, 'from');
    const to = localDate(query.to, 'to');
    const days = epochDayOf(to) - epochDayOf(from);
    if (days < 0 || days > MAX_DAYS)
      throw refuse.invalid('PERIOD_INVALID', `to must be from ${from} to ${MAX_DAYS} days after it`, 'to', { from, to, maxDays: MAX_DAYS });
    const after = query.cursor ? this.cursors.decode<{ key: string }>(query.cursor, 'traffic') : { key: '' };
    const { rows } = await this.db.query<TrafficRow>(
      `SELECT * FROM (
         SELECT to_char(day, 'YYYY-MM-DD') AS day, direction, vehicle_class, purpose, outcome, count(*) AS vehicles
           FROM (SELECT day, direction, vehicle_class, coalesce(purpose, 'none') AS purpose, outcome FROM visits WHERE day BETWEEN $1 AND $2
                 UNION ALL
                 SELECT day, 'out', vehicle_class, purpose, 'left' FROM visit_exits WHERE day BETWEEN $1 AND $2) movements
          GROUP BY day, direction, vehicle_class, purpose, outcome) counted
        WHERE concat_ws('|', day, direction, vehicle_class, purpose, outcome) > $3
        ORDER BY concat_ws('|', day, direction, vehicle_class, purpose, outcome) LIMIT $4`,
      [from, to, after.key, query.limit + 1],
    );
    const keyOf = (row: TrafficRow) => [row.day, row.direction, row.vehicle_class, row.purpose, row.outcome].join('|');
    return pageOf(
      rows,
      query.limit,
      (row): TrafficItemResponseDto => ({
        day: row.day,
        direction: row.direction,
        vehicleClass: row.vehicle_class,
        purpose: row.purpose,
        outcome: row.outcome,
        vehicles: Number(row.vehicles),
      }),
      (row) => this.cursors.encode({ key: keyOf(row) }, 'traffic'),
    );
  }
}
