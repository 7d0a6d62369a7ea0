import type { DomainEvent } from '@dw/kernel';
import type { SqlClient } from '../db/database';
import type { EventMetadata, RecordedEvent } from '../append/event-types';

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_position: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
  stream_type: string;
}

export const EVENT_COLUMNS = `e.global_position, e.transaction_id::text AS transaction_id, e.stream_id, e.stream_position,
  e.event_id, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, e.stream_type`;

export function toRecordedEvent<E extends DomainEvent>(row: EventRow): RecordedEvent<E> {
  return {
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamPosition: Number(row.stream_position),
    eventId: row.event_id,
    type: row.event_type as E['type'],
    schemaVersion: row.schema_version,
    data: row.data as E['data'],
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

export async function readStreamIn<E extends DomainEvent>(sql: SqlClient, streamId: string, fromPosition = 0): Promise<RecordedEvent<E>[]> {
  const { rows } = await sql.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events e
      WHERE e.stream_id = $1 AND e.stream_position > $2 ORDER BY e.stream_position`,
    [streamId, fromPosition],
  );
  return rows.map((row) => toRecordedEvent<E>(row));
}

export async function streamVersionIn(sql: SqlClient, streamId: string): Promise<number> {
  const { rows } = await sql.query<{ version: string }>(`SELECT version FROM streams WHERE stream_id = $1`, [streamId]);
  return rows.length === 0 ? 0 : Number(rows[0]!.version);
}
