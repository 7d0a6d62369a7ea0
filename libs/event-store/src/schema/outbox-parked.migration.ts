import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `outbox_parked`: outbox rows the broker refuses for good (too large, an invalid record, a
 * topic that does not exist). The relay moves such a row here, with the broker's answer, and
 * raises an alarm, so one bad row cannot stop every message behind it. Ops republish or drop a
 * parked row by hand once its cause is fixed; nothing is deleted silently.
 */
export class EventStoreOutboxParked1765065600000 implements MigrationInterface {
  name = 'EventStoreOutboxParked1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_parked (
        id           bigint PRIMARY KEY,
        message_id   uuid NOT NULL UNIQUE,
        topic        text NOT NULL,
        message_key  text NOT NULL,
        payload      bytea NOT NULL,
        headers      jsonb NOT NULL,
        created_at   timestamptz NOT NULL,
        parked_at    timestamptz NOT NULL,
        error_type   text NOT NULL,
        error_message text NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox_parked`);
  }
}
