import type { SqlClient } from '../db/database';

export interface Snapshot<S> {
  state: S;
  streamPosition: number;
}

/**
 * Snapshots are a cache of folded state, never the truth: a snapshot of another schema
 * version is ignored and the stream is replayed. Use only for streams measured to be long.
 */
export async function loadSnapshot<S>(sql: SqlClient, streamId: string, snapshotType: string, schemaVersion: number): Promise<Snapshot<S> | null> {
  const { rows } = await sql.query<{ state: S; stream_position: string }>(
    `SELECT state, stream_position FROM snapshots WHERE stream_id = $1 AND snapshot_type = $2 AND schema_version = $3`,
    [streamId, snapshotType, schemaVersion],
  );
  const row = rows[0];
  return row ? { state: row.state, streamPosition: Number(row.stream_position) } : null;
}

export async function saveSnapshot<S>(
  sql: SqlClient,
  streamId: string,
  snapshotType: string,
  schemaVersion: number,
  snapshot: Snapshot<S>,
  at: Date,
): Promise<void> {
  await sql.query(
    `INSERT INTO snapshots (stream_id, snapshot_type, schema_version, stream_position, state, taken_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (stream_id) DO UPDATE SET snapshot_type = EXCLUDED.snapshot_type, schema_version = EXCLUDED.schema_version,
       stream_position = EXCLUDED.stream_position, state = EXCLUDED.state, taken_at = EXCLUDED.taken_at
     WHERE snapshots.stream_position < EXCLUDED.stream_position OR snapshots.schema_version <> EXCLUDED.schema_version`,
    [streamId, snapshotType, schemaVersion, snapshot.streamPosition, JSON.stringify(snapshot.state), at],
  );
}
