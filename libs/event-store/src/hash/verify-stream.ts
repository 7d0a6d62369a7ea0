import type { SqlClient } from '../db/database';
import { chainHash, eventDigest } from './event-digest';

export type StreamVerification =
  | { streamId: string; ok: true; events: number }
  | { streamId: string; ok: false; events: number; brokenAt: number; reason: 'digest_mismatch' | 'hash_mismatch' | 'head_mismatch' | 'head_missing' | 'gap' };

/**
 * Recomputes a stream's digests and hash chain from the stored rows. Any edit of an event
 * after it was written (even by the database owner, who can bypass the append-only grants)
 * changes its digest, or breaks the chain from that point.
 */
export async function verifyStream(sql: SqlClient, streamId: string): Promise<StreamVerification> {
  const { rows } = await sql.query<{
    stream_position: string;
    event_id: string;
    event_type: string;
    schema_version: number;
    data: unknown;
    metadata: unknown;
    recorded_at: Date;
    digest: Buffer;
    hash: Buffer;
  }>(
    `SELECT stream_position, event_id, event_type, schema_version, data, metadata, recorded_at, digest, hash
       FROM events WHERE stream_id = $1 ORDER BY stream_position`,
    [streamId],
  );
  let previous: Buffer | null = null;
  for (const [index, row] of rows.entries()) {
    const position = Number(row.stream_position);
    if (position !== index + 1) return { streamId, ok: false, events: rows.length, brokenAt: index + 1, reason: 'gap' };
    const digest = eventDigest({
      streamId,
      eventId: row.event_id,
      type: row.event_type,
      schemaVersion: row.schema_version,
      data: row.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
    });
    if (!digest.equals(row.digest)) return { streamId, ok: false, events: rows.length, brokenAt: position, reason: 'digest_mismatch' };
    const hash = chainHash(previous, digest);
    if (!hash.equals(row.hash)) return { streamId, ok: false, events: rows.length, brokenAt: position, reason: 'hash_mismatch' };
    previous = hash;
  }
  const head = await sql.query<{ last_hash: Buffer | null; version: string }>(`SELECT last_hash, version FROM streams WHERE stream_id = $1`, [streamId]);
  const stream = head.rows[0];
  // The head row is what optimistic concurrency checks against: a stream with events and no head
  // would let the next append start it again at version 1.
  if (!stream && rows.length > 0) return { streamId, ok: false, events: rows.length, brokenAt: rows.length, reason: 'head_missing' };
  if (stream && (Number(stream.version) !== rows.length || !(stream.last_hash ?? Buffer.alloc(0)).equals(previous ?? Buffer.alloc(0)))) {
    return { streamId, ok: false, events: rows.length, brokenAt: rows.length, reason: 'head_mismatch' };
  }
  return { streamId, ok: true, events: rows.length };
}
