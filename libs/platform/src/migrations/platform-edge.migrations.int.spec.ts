import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ADMIN_URL } from '../test-support/edge-test-kit';
import { platformEdgeMigrations } from './platform-edge.migrations';

const schema = `platform_mig_${randomBytes(4).toString('hex')}`;
const admin = new Pool({ connectionString: ADMIN_URL, max: 2 });
let dataSource: DataSource;

beforeAll(async () => {
  await admin.query(`CREATE SCHEMA ${schema}`);
  dataSource = new DataSource({
    type: 'postgres',
    url: ADMIN_URL,
    extra: { options: `-c search_path=${schema}`, max: 2 },
    migrations: platformEdgeMigrations,
    migrationsTableName: 'schema_migrations',
  });
  await dataSource.initialize();
});
afterAll(async () => {
  await dataSource?.destroy();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

const tablesInSchema = async () =>
  (
    await admin.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'schema_migrations' ORDER BY 1`,
      [schema],
    )
  ).rows.map((row) => row.table_name);

const sqlStateOf = (work: Promise<unknown>) =>
  work.then(
    () => 'ok',
    (error: { code?: string }) => error.code,
  );

describe('platformEdgeMigrations', () => {
  it("create both tables in the service's schema through search_path", async () => {
    await dataSource.runMigrations();
    expect(await tablesInSchema()).toEqual(['idempotency_keys', 'integration_nonces']);
  });

  it('make (client, nonce) unique', async () => {
    const insert = () => admin.query(`INSERT INTO ${schema}.integration_nonces VALUES ('shfe', 'n-1', now())`);
    await insert();
    expect(await sqlStateOf(insert())).toBe('23505');
    await admin.query(`INSERT INTO ${schema}.integration_nonces VALUES ('icbc', 'n-1', now())`);
  });

  it('make (client, key) unique and keep the two states honest', async () => {
    const table = `${schema}.idempotency_keys`;
    await admin.query(`INSERT INTO ${table} (client_id, key, request_hash, status, created_at) VALUES ('shfe', 'k', 'h', 'in_flight', now())`);
    expect(
      await sqlStateOf(admin.query(`INSERT INTO ${table} (client_id, key, request_hash, status, created_at) VALUES ('shfe', 'k', 'h', 'in_flight', now())`)),
    ).toBe('23505');
    // 23514 = check_violation: an unknown status, and a completed row without its answer.
    expect(
      await sqlStateOf(admin.query(`INSERT INTO ${table} (client_id, key, request_hash, status, created_at) VALUES ('shfe', 'k2', 'h', 'done', now())`)),
    ).toBe('23514');
    expect(await sqlStateOf(admin.query(`UPDATE ${table} SET status = 'completed' WHERE key = 'k'`))).toBe('23514');
    await admin.query(`UPDATE ${table} SET status = 'completed', response_status = 201, response_body = '{}', completed_at = now() WHERE key = 'k'`);
  });

  it('revert cleanly', async () => {
    await dataSource.undoLastMigration();
    await dataSource.undoLastMigration();
    expect(await tablesInSchema()).toEqual([]);
  });
});
