import { randomBytes } from 'node:crypto';
import type { MigrationInterface } from 'typeorm';
import { Pool } from 'pg';
import { Database, eventStoreMigrations, dropServiceDatabase, openServiceDatabase, ownerRole, provisionServiceDatabase } from '@dw/event-store';
import { databaseUrl } from './test-endpoints';

export interface TestServiceDatabase {
  schema: string;
  /** As the service's app role: what the code under test uses. */
  db: Database;
  /** As the schema owner (can bypass the append-only grants, like a DBA could). */
  owner: Database;
  close(): Promise<void>;
}

/** A fresh, uniquely named service schema with its roles and migrations, dropped by close(). */
export async function createTestServiceDatabase(
  label: string,
  migrations: Array<new () => MigrationInterface> = eventStoreMigrations,
  options: { poolSize?: number } = {},
): Promise<TestServiceDatabase> {
  const schema = `t_${label.replace(/[^a-z0-9]/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl();
  await provisionServiceDatabase(url, { schema, migrations });
  const app = await openServiceDatabase(url, schema, { poolSize: options.poolSize ?? 10 });
  const ownerPool = new Pool({
    connectionString: url,
    user: ownerRole(schema),
    options: `-c search_path=${schema}`,
    max: 2,
  });
  return {
    schema,
    db: app.db,
    owner: new Database(ownerPool, schema),
    async close() {
      await app.dataSource.destroy();
      await ownerPool.end();
      await dropServiceDatabase(url, schema);
    },
  };
}
