import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nonces of signed integration requests, unique per client: the unique key is what refuses a
 * replay, atomically across replicas. `seen_at` is indexed for the periodic prune. Unqualified:
 * the table lands in the service's schema through search_path.
 */
export class IntegrationNonces1763683300000 implements MigrationInterface {
  name = 'IntegrationNonces1763683300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE integration_nonces (
        client_id  text NOT NULL,
        nonce      text NOT NULL,
        seen_at    timestamptz NOT NULL,
        PRIMARY KEY (client_id, nonce)
      );
      CREATE INDEX integration_nonces_seen_at ON integration_nonces (seen_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE integration_nonces');
  }
}
