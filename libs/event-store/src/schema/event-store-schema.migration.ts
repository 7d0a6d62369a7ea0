import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log of one service, in that service's schema (statements are unqualified:
 * the migration runs with search_path set to the schema).
 *
 * - `events` is the log. `transaction_id` (xid8) + `global_position` let whole-log readers
 *   read in commit-safe order below `pg_snapshot_xmin` (a bigserial alone is allocated before
 *   commit, so a reader following it skips rows that commit late). `digest`/`hash` chain each
 *   stream's events so that any later edit of a stored event is detectable.
 * - `streams` holds each stream's version and last hash; its row lock serialises writers of
 *   one stream, which is what makes expected-version checks and outbox order per aggregate hold.
 * - `outbox` rows are written in the append's transaction; the relay publishes and deletes them.
 * - `inbox` records each (consumer group, message id) applied, in the consumer's transaction.
 * - `checkpoints` hold whole-log readers' positions (both parts); `snapshots` are a cache.
 *
 * `append_to_stream` does the version check, hash chaining, event and outbox inserts in one
 * round trip, so an append costs the same as the raw SQL it replaces.
 */
/** The first `append_to_stream`; a later migration that replaces it restores this one on the way down. */
export const APPEND_TO_STREAM_V1 = `
      CREATE FUNCTION append_to_stream(
        p_stream_id text,
        p_stream_type text,
        p_expected_version bigint,      -- NULL: any; 0: no stream yet; n: exactly n
        p_recorded_at timestamptz,
        p_event_ids uuid[],
        p_event_types text[],
        p_schema_versions integer[],
        p_data jsonb[],
        p_metadata jsonb[],
        p_digests bytea[],
        p_outbox_ids uuid[],
        p_outbox_topics text[],
        p_outbox_keys text[],
        p_outbox_payloads bytea[],
        p_outbox_headers jsonb[]
      ) RETURNS TABLE (next_version bigint, first_global_position bigint, last_global_position bigint, transaction_id xid8)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_version bigint;
        v_hash bytea;
        v_hashes bytea[] := '{}';
        v_count integer := coalesce(array_length(p_event_ids, 1), 0);
        i integer;
      BEGIN
        IF v_count = 0 THEN
          RAISE EXCEPTION 'append_to_stream: no events' USING ERRCODE = '22023';
        END IF;

        IF p_expected_version = 0 THEN
          INSERT INTO streams AS s (stream_id, stream_type, version, last_hash, created_at, updated_at)
          VALUES (p_stream_id, p_stream_type, 0, NULL, p_recorded_at, p_recorded_at)
          ON CONFLICT (stream_id) DO NOTHING;
          IF NOT FOUND THEN
            SELECT s.version INTO v_version FROM streams s WHERE s.stream_id = p_stream_id;
            RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'DW409',
              DETAIL = json_build_object('streamId', p_stream_id, 'expected', 0, 'actual', v_version)::text;
          END IF;
          v_version := 0;
        ELSE
          IF p_expected_version IS NULL THEN
            INSERT INTO streams (stream_id, stream_type, version, last_hash, created_at, updated_at)
            VALUES (p_stream_id, p_stream_type, 0, NULL, p_recorded_at, p_recorded_at)
            ON CONFLICT (stream_id) DO NOTHING;
          END IF;
          SELECT s.version, s.last_hash INTO v_version, v_hash
            FROM streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
          IF NOT FOUND OR (p_expected_version IS NOT NULL AND v_version <> p_expected_version) THEN
            RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'DW409',
              DETAIL = json_build_object('streamId', p_stream_id, 'expected', p_expected_version,
                                         'actual', coalesce(v_version, 0))::text;
          END IF;
        END IF;

        -- Chain: hash_n = sha256(hash_{n-1} || digest_n); the first event chains from an empty hash.
        FOR i IN 1..v_count LOOP
          v_hash := sha256(coalesce(v_hash, ''::bytea) || p_digests[i]);
          v_hashes := v_hashes || v_hash;
        END LOOP;

        UPDATE streams SET version = v_version + v_count, last_hash = v_hash, updated_at = p_recorded_at
         WHERE stream_id = p_stream_id;

        RETURN QUERY
        WITH inserted AS (
          INSERT INTO events (stream_id, stream_type, stream_position, event_id, event_type, schema_version,
                              data, metadata, recorded_at, digest, hash)
          SELECT p_stream_id, p_stream_type, v_version + e.ord, e.event_id, e.event_type, e.schema_version,
                 e.data, e.metadata, p_recorded_at, e.digest, v_hashes[e.ord]
            FROM unnest(p_event_ids, p_event_types, p_schema_versions, p_data, p_metadata, p_digests)
                 WITH ORDINALITY AS e(event_id, event_type, schema_version, data, metadata, digest, ord)
          RETURNING global_position
        )
        SELECT v_version + v_count, min(inserted.global_position), max(inserted.global_position), pg_current_xact_id()
          FROM inserted;

        IF coalesce(array_length(p_outbox_ids, 1), 0) > 0 THEN
          INSERT INTO outbox (message_id, topic, message_key, payload, headers, created_at)
          SELECT o.message_id, o.topic, o.message_key, o.payload, o.headers, p_recorded_at
            FROM unnest(p_outbox_ids, p_outbox_topics, p_outbox_keys, p_outbox_payloads, p_outbox_headers)
                 AS o(message_id, topic, message_key, payload, headers);
          -- No NOTIFY here: a notifying transaction holds PostgreSQL's notify-queue lock through
          -- its commit, which serialises concurrent appends (measured by the append benchmark).
          -- The EventStore wakes the relay after commit instead (OutboxNotifier).
        END IF;
      END;
      $fn$;
`;

export class EventStoreSchema1763683200000 implements MigrationInterface {
  name = 'EventStoreSchema1763683200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE streams (
        stream_id    text PRIMARY KEY,
        stream_type  text NOT NULL,
        version      bigint NOT NULL CHECK (version >= 0),
        last_hash    bytea,
        created_at   timestamptz NOT NULL,
        updated_at   timestamptz NOT NULL
      );

      CREATE TABLE events (
        global_position  bigserial PRIMARY KEY,
        transaction_id   xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id        text NOT NULL,
        stream_type      text NOT NULL,
        stream_position  bigint NOT NULL CHECK (stream_position >= 1),
        event_id         uuid NOT NULL UNIQUE,
        event_type       text NOT NULL,
        schema_version   integer NOT NULL DEFAULT 1,
        data             jsonb NOT NULL,
        metadata         jsonb NOT NULL,
        recorded_at      timestamptz NOT NULL,
        digest           bytea NOT NULL,
        hash             bytea NOT NULL,
        UNIQUE (stream_id, stream_position)
      );
      CREATE INDEX events_commit_order ON events (transaction_id, global_position);

      CREATE TABLE outbox (
        id           bigserial PRIMARY KEY,
        message_id   uuid NOT NULL UNIQUE,
        topic        text NOT NULL,
        message_key  text NOT NULL,
        payload      bytea NOT NULL,
        headers      jsonb NOT NULL,
        created_at   timestamptz NOT NULL
      );

      CREATE TABLE inbox (
        consumer_group  text NOT NULL,
        message_id      text NOT NULL,
        topic           text NOT NULL,
        partition       integer NOT NULL,
        "offset"        bigint NOT NULL,
        processed_at    timestamptz NOT NULL,
        PRIMARY KEY (consumer_group, message_id)
      );

      CREATE TABLE checkpoints (
        name             text PRIMARY KEY,
        transaction_id   xid8 NOT NULL,
        global_position  bigint NOT NULL,
        updated_at       timestamptz NOT NULL
      );

      CREATE TABLE snapshots (
        stream_id        text PRIMARY KEY,
        snapshot_type    text NOT NULL,
        schema_version   integer NOT NULL,
        stream_position  bigint NOT NULL,
        state            jsonb NOT NULL,
        taken_at         timestamptz NOT NULL
      );
    `);

    await queryRunner.query(APPEND_TO_STREAM_V1);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION append_to_stream;
      DROP TABLE snapshots, checkpoints, inbox, outbox, events, streams;
    `);
  }
}
