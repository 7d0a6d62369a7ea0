import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of mutating integration calls, per client. A row is `in_flight` while the
 * first attempt runs and `completed` with its answer after; the checks keep the two states
 * honest. `response_headers` keeps the answer's Location / ETag so a replay is the whole answer.
 */
export class IdempotencyKeys1763683300001 implements MigrationInterface {
  name = 'IdempotencyKeys1763683300001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        client_id         text NOT NULL,
        key               text NOT NULL,
        request_hash      text NOT NULL,
        status            text NOT NULL CHECK (status IN ('in_flight', 'completed')),
        response_status   integer,
        response_body     jsonb,
        response_headers  jsonb,
        created_at        timestamptz NOT NULL,
        completed_at      timestamptz,
        PRIMARY KEY (client_id, key),
        CHECK ((status = 'completed') = (response_status IS NOT NULL AND completed_at IS NOT NULL))
      );
      CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
