import type { Pool } from 'pg';
import { uuidv7 } from '@dw/kernel';
import { appendRowArrays, OutboxMapper, PendingEvent } from '@dw/event-store';
import { BENCH_METADATA, BenchEvent } from './append-workload';

/**
 * The limit for an append: the same writes as append_to_stream (expected-version check with
 * the stream row locked, sha256 hash chain, event rows, outbox rows) as ONE prepared
 * statement of data-modifying CTEs, no plpgsql. It must produce the very rows ours does:
 * verifyStream (the event store's own verifier) checks its chain after the bench.
 *
 * - `prior` locks the stream row; under a concurrent writer it re-reads the row and the
 *   version filter in `base` then fails, so nothing is written (a conflict, no row returned).
 * - `chain` folds hash_n = sha256(hash_{n-1} || digest_n) from the stream's last hash.
 * - a new stream is inserted at its final version; a known one is updated. Either way
 *   `claimed` has one row only when the expected version held.
 * - inserts list rows in their ordinal order so global positions follow stream positions.
 */
export const RAW_APPEND_SQL = `
WITH RECURSIVE
  prior AS (
    SELECT s.version, s.last_hash FROM streams s WHERE s.stream_id = $1 AND $3::bigint > 0 FOR UPDATE
  ),
  base AS (
    SELECT 0::bigint AS version, NULL::bytea AS last_hash WHERE $3::bigint = 0
    UNION ALL
    SELECT p.version, p.last_hash FROM prior p WHERE p.version = $3::bigint
  ),
  chain (ord, hash) AS (
    SELECT 0, coalesce(b.last_hash, ''::bytea) FROM base b
    UNION ALL
    SELECT c.ord + 1, sha256(c.hash || ($10::bytea[])[c.ord + 1]) FROM chain c WHERE c.ord < cardinality($10::bytea[])
  ),
  head AS (
    SELECT c.hash FROM chain c WHERE c.ord = cardinality($10::bytea[])
  ),
  created AS (
    INSERT INTO streams (stream_id, stream_type, version, last_hash, created_at, updated_at)
    SELECT $1, $2, cardinality($5::uuid[]), h.hash, $4, $4 FROM head h WHERE $3::bigint = 0
    ON CONFLICT (stream_id) DO NOTHING
    RETURNING 0::bigint AS from_version
  ),
  updated AS (
    UPDATE streams s SET version = s.version + cardinality($5::uuid[]), last_hash = h.hash, updated_at = $4
      FROM head h
     WHERE s.stream_id = $1 AND $3::bigint > 0 AND s.version = $3::bigint
    RETURNING s.version - cardinality($5::uuid[]) AS from_version
  ),
  claimed AS (
    SELECT from_version FROM created UNION ALL SELECT from_version FROM updated
  ),
  inserted AS (
    INSERT INTO events (stream_id, stream_type, stream_position, event_id, event_type, schema_version,
                        data, metadata, recorded_at, digest, hash)
    SELECT $1, $2, cl.from_version + e.ord, e.event_id, e.event_type, e.schema_version,
           e.data, e.metadata, $4, e.digest, ch.hash
      FROM claimed cl
     CROSS JOIN unnest($5::uuid[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[], $10::bytea[])
           WITH ORDINALITY AS e(event_id, event_type, schema_version, data, metadata, digest, ord)
      JOIN chain ch ON ch.ord = e.ord
     ORDER BY e.ord
    RETURNING global_position
  ),
  outboxed AS (
    INSERT INTO outbox (message_id, topic, message_key, payload, headers, created_at)
    SELECT o.message_id, o.topic, o.message_key, o.payload, o.headers, $4
      FROM claimed cl
     CROSS JOIN unnest($11::uuid[], $12::text[], $13::text[], $14::bytea[], $15::jsonb[])
           WITH ORDINALITY AS o(message_id, topic, message_key, payload, headers, ord)
     ORDER BY o.ord
    RETURNING 1
  )
SELECT cl.from_version + cardinality($5::uuid[]) AS next_version,
       (SELECT min(global_position) FROM inserted) AS first_global_position,
       (SELECT max(global_position) FROM inserted) AS last_global_position,
       pg_current_xact_id() AS transaction_id,
       (SELECT count(*) FROM outboxed) AS outbox_rows
  FROM claimed cl`;

/**
 * Prepares the same parameters the event store sends (uuidv7 ids, per-event digests, outbox
 * rows from the same mapper), then runs the statement above as a named prepared statement:
 * parsed and planned once per connection, as hand-tuned SQL would be.
 */
export async function rawAppend(pool: Pool, streamId: string, expectedVersion: number, events: readonly BenchEvent[], outbox: OutboxMapper): Promise<void> {
  const recordedAt = new Date();
  const pending: PendingEvent[] = events.map((event) => ({
    eventId: uuidv7(),
    streamId,
    streamType: 'lot',
    type: event.type,
    data: event.data,
    schemaVersion: 1,
    metadata: BENCH_METADATA,
    recordedAt,
  }));
  const result = await pool.query({
    name: 'bench_raw_append',
    text: RAW_APPEND_SQL,
    values: [streamId, 'lot', expectedVersion, recordedAt, ...appendRowArrays(pending, outbox(pending))],
  });
  if (result.rowCount !== 1) throw new Error(`raw append to ${streamId}: expected version ${expectedVersion} did not hold`);
}
