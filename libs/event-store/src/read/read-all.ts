import type { SqlClient } from '../db/database';
import type { RecordedEvent } from '../append/event-types';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './read-stream';

/** A whole-log reader's position: both parts, because commit order is (transaction_id, global_position). */
export interface LogPosition {
  transactionId: string;
  globalPosition: number;
}

export const LOG_START: LogPosition = { transactionId: '0', globalPosition: 0 };

export interface LogPage {
  events: RecordedEvent[];
  /** Where the next page starts; equal to `after` when nothing was read. */
  position: LogPosition;
}

/**
 * Reads the next page of the whole log after `after`, in commit-safe order: only events of
 * transactions older than every transaction still running (below pg_snapshot_xmin), so an
 * event whose transaction commits late is never skipped by a reader that has moved on.
 */
export async function readAllIn(sql: SqlClient, after: LogPosition, limit: number): Promise<LogPage> {
  const { rows } = await sql.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events e
      WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
        AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY e.transaction_id, e.global_position
      LIMIT $3`,
    [after.transactionId, after.globalPosition, limit],
  );
  const events = rows.map((row) => toRecordedEvent(row));
  const last = events[events.length - 1];
  return {
    events,
    position: last ? { transactionId: last.transactionId, globalPosition: last.globalPosition } : after,
  };
}
