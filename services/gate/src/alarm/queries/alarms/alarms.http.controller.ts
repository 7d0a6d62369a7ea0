import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { AlarmResponseDto } from '../../alarm.response.dto';
import { AlarmsQueryDto } from './alarms.query.dto';

interface AlarmRow {
  alarm_id: string;
  kind: string;
  grade: string;
  status: string;
  source: string;
  location: string;
  subject: string;
  measured: string;
  threshold: string;
  detected_at: Date;
  alerted_at: Date;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  handled_by: string | null;
  handled_at: Date | null;
  handling_note: string | null;
  closed_by: string | null;
  closed_at: Date | null;
  closing_note: string | null;
}

/** The alarm loop for ops and the gate, each step with who and when: e.g. `?state=open&grade=red`, the open red alarms, oldest first. */
@Controller('alarms')
@Roles('ops', 'manager', 'gate_guard')
export class AlarmsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(AlarmResponseDto, 'alarms by detection time, optionally open or closed, of one grade or kind')
  async list(@Query() query: AlarmsQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ at: string; id: string }>(query.cursor, 'alarms') : { at: '1970-01-01T00:00:00Z', id: '' };
    const { rows } = await this.db.query<AlarmRow>(
      `SELECT alarm_id, kind, grade, status, source, location, subject, measured, threshold, detected_at, alerted_at,
              acknowledged_by, acknowledged_at, handled_by, handled_at, handling_note, closed_by, closed_at, closing_note
         FROM alarms
        WHERE ($1::text IS NULL OR (status = 'closed') = ($1 = 'closed')) AND ($2::text IS NULL OR grade = $2) AND ($3::text IS NULL OR kind = $3)
          AND (detected_at, alarm_id) > ($4::timestamptz, $5)
        ORDER BY detected_at, alarm_id LIMIT $6`,
      [query.state ?? null, query.grade ?? null, query.kind ?? null, after.at, after.id, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): AlarmResponseDto => ({
        alarmId: row.alarm_id,
        kind: row.kind,
        grade: row.grade,
        status: row.status,
        source: row.source,
        location: row.location,
        subject: row.subject,
        measured: Number(row.measured),
        threshold: Number(row.threshold),
        detectedAt: row.detected_at.toISOString(),
        alertedAt: row.alerted_at.toISOString(),
        acknowledgedBy: row.acknowledged_by,
        acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
        handledBy: row.handled_by,
        handledAt: row.handled_at?.toISOString() ?? null,
        handlingNote: row.handling_note,
        closedBy: row.closed_by,
        closedAt: row.closed_at?.toISOString() ?? null,
        closingNote: row.closing_note,
      }),
      (row) => this.cursors.encode({ at: row.detected_at.toISOString(), id: row.alarm_id }, 'alarms'),
    );
  }
}
