import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { localDate } from '@dw/kernel';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { PersonVisitListItemDto } from '../../person.response.dto';
import { PersonVisitsQueryDto } from './person-visits.query.dto';

interface PersonVisitRow {
  person_visit_id: string;
  channel: string;
  name: string;
  resident_id_number: string;
  mobile: string;
  host: string;
  date: string;
  purpose: string;
  plate: string | null;
  status: string;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decline_reason: string | null;
  admitted_by: string | null;
  entered_at: Date | null;
  left_at: Date | null;
  refusals: number;
  last_refusal_reasons: string[];
}

/** Who is expected, waiting, in or gone: the visitors' visits for the gate's staff, oldest request first. */
@Controller('person-visits')
@Roles('manager', 'gate_guard', 'ops')
export class PersonVisitsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(PersonVisitListItemDto, 'visitors’ visits by request time, optionally of one day, optionally only those on site')
  async list(@Query() query: PersonVisitsQueryDto) {
    const day = query.date === undefined ? null : localDate(query.date, 'date');
    const onSite = query.onSite === undefined ? null : query.onSite === 'true';
    const after = query.cursor ? this.cursors.decode<{ at: string; id: string }>(query.cursor, 'person-visits') : { at: '1970-01-01T00:00:00Z', id: '' };
    const { rows } = await this.db.query<PersonVisitRow>(
      `SELECT person_visit_id, channel, name, resident_id_number, mobile, host, to_char(date, 'YYYY-MM-DD') AS date, purpose, plate, status,
              requested_by, requested_at, decided_by, decided_at, decline_reason, admitted_by, entered_at, left_at, refusals, last_refusal_reasons
         FROM person_visits
        WHERE ($1::date IS NULL OR date = $1) AND ($2::boolean IS NULL OR (status = 'on_site') = $2)
          AND (requested_at, person_visit_id) > ($3::timestamptz, $4)
        ORDER BY requested_at, person_visit_id LIMIT $5`,
      [day, onSite, after.at, after.id, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): PersonVisitListItemDto => ({
        personVisitId: row.person_visit_id,
        channel: row.channel,
        visitor: { name: row.name, residentIdNumber: row.resident_id_number, mobile: row.mobile },
        host: row.host,
        date: row.date,
        purpose: row.purpose,
        plate: row.plate,
        status: row.status,
        decidedBy: row.decided_by,
        declineReason: row.decline_reason,
        requestedBy: row.requested_by,
        decidedAt: row.decided_at?.toISOString() ?? null,
        admittedBy: row.admitted_by,
        enteredAt: row.entered_at?.toISOString() ?? null,
        leftAt: row.left_at?.toISOString() ?? null,
        refusals: row.refusals,
        lastRefusalReasons: row.last_refusal_reasons,
      }),
      (row) => this.cursors.encode({ at: row.requested_at.toISOString(), id: row.person_visit_id }, 'person-visits'),
    );
  }
}
