import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `inbox_parked`: consumed messages that failed by their own fault and could not be
 * dead-lettered either (the dead-letter topic refused the record for good, e.g. too large once
 * the error headers are added, or stayed unwritable through every attempt). The consumer keeps
 * the message here with both errors, raises an alarm and moves on, instead of redelivering it to
 * itself forever. Ops replay or drop a parked message by hand once its cause is fixed.
 */
export class EventStoreInboxParked1765152000003 implements MigrationInterface {
  name = 'EventStoreInboxParked1765152000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox_parked (
        consumer_group  text NOT NULL,
        message_id      text NOT NULL,
        topic           text NOT NULL,
        partition       integer NOT NULL,
        "offset"        bigint NOT NULL,
        message_key     text,
        payload         bytea NOT NULL,
        headers         jsonb NOT NULL,
        handler_error   text NOT NULL,
        dead_letter_error text NOT NULL,
        parked_at       timestamptz NOT NULL,
        PRIMARY KEY (consumer_group, message_id)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox_parked`);
  }
}
