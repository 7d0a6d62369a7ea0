import { randomBytes } from 'node:crypto';
import { appRole, dropServiceDatabase, ownerRole } from '@dw/event-store';
import { provisionService, rebuildService } from '@dw/platform';
import { databaseUrl, kafkaBrokers, testMessageBus } from '@dw/testing';
import { Pool } from 'pg';
import { receiptServiceDefinition } from './receipt.service-definition';

/**
 * `provision` and `rebuild` do their DDL as the schema's owner role, never as the admin whose
 * URL they are given: tables the admin created could not be altered by the owner's later
 * migrations, nor swapped by its rebuilds. (pg let the admin URL's user override the owner.)
 */
describe('receipt service commands on PostgreSQL', () => {
  const schema = `t_receipt_cmds_${randomBytes(4).toString('hex')}`;
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const env = { DATABASE_ADMIN_URL: databaseUrl(), DATABASE_SCHEMA: schema, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix };
  const admin = new Pool({ connectionString: databaseUrl(), max: 1 });

  afterAll(async () => {
    await dropServiceDatabase(databaseUrl(), schema);
    await admin.end();
    const kafka = await testMessageBus().admin();
    try {
      const topics = (await kafka.listTopics()).filter((topic) => topic.startsWith(`${prefix}.`));
      await kafka.deleteTopics(topics);
    } finally {
      await kafka.disconnect();
    }
  });

  const owners = async () => {
    const { rows } = await admin.query<{ tablename: string; tableowner: string }>(
      `SELECT tablename, tableowner FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`,
      [schema],
    );
    return rows;
  };

  it('leaves every table, read models included, owned by the owner role after provision and after rebuild', async () => {
    const quiet = () => undefined;
    await provisionService(receiptServiceDefinition, env, quiet);
    const provisioned = await owners();
    expect(provisioned.map((row) => row.tablename)).toEqual(expect.arrayContaining(['events', 'streams', 'outbox', 'storage_cards', 'lots']));
    expect(provisioned.filter((row) => row.tableowner !== ownerRole(schema))).toEqual([]);

    await rebuildService(receiptServiceDefinition, env, [], quiet);
    const rebuilt = await owners();
    expect(rebuilt.filter((row) => row.tableowner !== ownerRole(schema))).toEqual([]);
    // The service role still reads and writes the swapped-in read models.
    const { rows } = await admin.query<{ ok: boolean }>(`SELECT has_table_privilege($1, $2, 'SELECT, INSERT, UPDATE, DELETE') AS ok`, [
      appRole(schema),
      `${schema}.storage_cards`,
    ]);
    expect(rows[0]!.ok).toBe(true);
  });
});
