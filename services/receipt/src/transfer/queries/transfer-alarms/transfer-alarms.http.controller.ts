import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { TransferAlarmsQueryDto } from './transfer-alarms.query.dto';
import { TransferAlarmItemResponseDto } from './transfer-alarms.response.dto';

interface AlarmRow {
  alarm_id: string;
  receipt_number: string;
  transfer_id: string;
  mismatches: unknown;
  raised_by: unknown;
  raised_at: Date;
}

/** Error-proofing alarms for staff follow-up, newest first. */
@Controller('transfer-alarms')
export class TransferAlarmsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @Roles('clerk', 'manager', 'ops')
  @ApiPageResponse(TransferAlarmItemResponseDto, 'alarms, newest first')
  async list(@Query() query: TransferAlarmsQueryDto) {
    const before = query.cursor
      ? this.cursors.decode<{ at: string; id: string }>(query.cursor, 'transfer-alarms')
      : { at: 'infinity', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };
    const { rows } = await this.db.query<AlarmRow>(
      `SELECT * FROM transfer_alarms WHERE (raised_at, alarm_id) < ($1::timestamptz, $2::uuid) AND ($3::text IS NULL OR receipt_number = $3)
        ORDER BY raised_at DESC, alarm_id DESC LIMIT $4`,
      [before.at, before.id, query.receiptNumber ?? null, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row) => ({
        alarmId: row.alarm_id,
        receiptNumber: row.receipt_number,
        transferId: row.transfer_id,
        mismatches: row.mismatches,
        raisedBy: row.raised_by,
        raisedAt: row.raised_at.toISOString(),
      }),
      (row) => this.cursors.encode({ at: row.raised_at.toISOString(), id: row.alarm_id }, 'transfer-alarms'),
    );
  }
}
