import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_TO_STREAM_V1 } from './event-store-schema.migration';

/**
 * Each stream reads in stream order from the whole log.
 *
 * Whole-log readers order events by (transaction_id, global_position), and transaction_id was
 * the appending transaction's xid. PostgreSQL gives a transaction its xid at its first write, not
 * at its append, so a transaction that wrote something else first (an inbox consumer inserts its
 * inbox row, then decides) holds an older xid than one that appended to the same stream while it
 * was deciding: position 9 of a stream was read before position 8, live and in every rebuild.
 *
 * Now an append records `greatest(own xid, the stream's last commit-order key)`, kept on the
 * stream's row under the row lock that already serialises its writers. Readers stay safe: the
 * key is never below the writer's own xid, so while the writer runs the key is at or above
 * pg_snapshot_xmin and no reader reads past it; equal keys fall back to global_position, which a
 * later append of the stream always has larger (it inserts after the earlier one committed).
 */
export class EventStoreStreamCommitOrder1765152000000 implements MigrationInterface {
  name = 'EventStoreStreamCommitOrder1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE streams ADD COLUMN last_transaction_id xid8;
      UPDATE streams s SET last_transaction_id = (SELECT max(e.transaction_id) FROM events e WHERE e.stream_id = s.stream_id);
    `);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION append_to_stream(
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
        v_commit_order xid8 := pg_current_xact_id();
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
          SELECT s.version, s.last_hash, greatest(v_commit_order, s.last_transaction_id) INTO v_version, v_hash, v_commit_order
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

        UPDATE streams SET version = v_version + v_count, last_hash = v_hash, last_transaction_id = v_commit_order,
                           updated_at = p_recorded_at
         WHERE stream_id = p_stream_id;

        RETURN QUERY
        WITH inserted AS (
          INSERT INTO events (transaction_id, stream_id, stream_type, stream_position, event_id, event_type, schema_version,
                              data, metadata, recorded_at, digest, hash)
          SELECT v_commit_order, p_stream_id, p_stream_type, v_version + e.ord, e.event_id, e.event_type, e.schema_version,
                 e.data, e.metadata, p_recorded_at, e.digest, v_hashes[e.ord]
            FROM unnest(p_event_ids, p_event_types, p_schema_versions, p_data, p_metadata, p_digests)
                 WITH ORDINALITY AS e(event_id, event_type, schema_version, data, metadata, digest, ord)
          RETURNING global_position
        )
        SELECT v_version + v_count, min(inserted.global_position), max(inserted.global_position), v_commit_order
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
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(APPEND_TO_STREAM_V1.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await queryRunner.query(`ALTER TABLE streams DROP COLUMN last_transaction_id`);
  }
}
