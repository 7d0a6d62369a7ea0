import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Triggers behind the grants: the log stays append-only even if the grants are wrong (a role
 * given ALL by mistake, a service run as the owner or a superuser). UPDATE, DELETE and TRUNCATE of
 * `events`, and DELETE and TRUNCATE of `streams` (a stream's head row: its version and last
 * hash), are refused for every role. A DBA who must repair the log disables the trigger first,
 * a deliberate DDL act that the hash chain (`verify`) still exposes afterwards.
 */
export class EventStoreAppendOnlyTriggers1765152000002 implements MigrationInterface {
  name = 'EventStoreAppendOnlyTriggers1765152000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION '% on % refused: the event log is append-only (a correction is a new event)', TG_OP, TG_TABLE_NAME
          USING ERRCODE = '42501';
      END;
      $fn$;
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
      CREATE TRIGGER streams_no_delete BEFORE DELETE ON streams FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
      CREATE TRIGGER streams_no_truncate BEFORE TRUNCATE ON streams FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER streams_no_truncate ON streams;
      DROP TRIGGER streams_no_delete ON streams;
      DROP TRIGGER events_no_truncate ON events;
      DROP TRIGGER events_append_only ON events;
      DROP FUNCTION refuse_log_change();
    `);
  }
}
