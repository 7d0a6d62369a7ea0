import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { FacePassResponseDto } from '../../person.response.dto';
import { FacePassesQueryDto } from './face-passes.query.dto';

interface FacePassRow {
  pass_id: string;
  staff_id: string;
  lane: string;
  direction: string;
  admitted: boolean;
  reasons: string[];
  passed_at: Date;
}

/** Every pass through the face lanes, in and out, let through or refused, by when the lane saw it. */
@Controller('face-passes')
@Roles('manager', 'gate_guard', 'ops')
export class FacePassesHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(FacePassResponseDto, 'face-lane passes by time, optionally of one staff member')
  async list(@Query() query: FacePassesQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ at: string; id: string }>(query.cursor, 'face-passes') : { at: '1970-01-01T00:00:00Z', id: '' };
    const { rows } = await this.db.query<FacePassRow>(
      `SELECT pass_id, staff_id, lane, direction, admitted, reasons, passed_at FROM face_passes
        WHERE ($1::text IS NULL OR staff_id = $1) AND (passed_at, pass_id) > ($2::timestamptz, $3)
        ORDER BY passed_at, pass_id LIMIT $4`,
      [query.staffId ?? null, after.at, after.id, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): FacePassResponseDto => ({
        passId: row.pass_id,
        staffId: row.staff_id,
        lane: row.lane,
        direction: row.direction,
        outcome: row.admitted ? 'admitted' : 'refused',
        reasons: row.reasons,
        passedAt: row.passed_at.toISOString(),
      }),
      (row) => this.cursors.encode({ at: row.passed_at.toISOString(), id: row.pass_id }, 'face-passes'),
    );
  }
}
