import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { databaseUrl } from '@dw/testing';
import { EventStore } from '../append/event-store';
import { eventStoreMigrations } from '../schema/event-store-migrations';
import { appRole, dropServiceDatabase, openServiceDatabase, provisionServiceDatabase } from './service-database';

type Query = (...args: unknown[]) => unknown;

/**
 * Runs `work` with the k-th SQL statement of this process failing, as if the process had died
 * there: the statements before it stand, the transaction open around it rolls back. Patches
 * pg's Client, so every connection counts (the admin pool's and TypeORM's migration runner's).
 * Answers whether the k-th statement was reached.
 */
async function failingAtStatement(k: number, work: () => Promise<void>): Promise<boolean> {
  const original = Client.prototype.query as unknown as Query;
  let n = 0;
  (Client.prototype as unknown as { query: Query }).query = function (this: Client, ...args: unknown[]) {
    n += 1;
    if (n !== k) return original.apply(this, args);
    const crash = new Error(`crash injected at statement ${k}`);
    const callback = args.find((arg) => typeof arg === 'function') as ((error: Error) => void) | undefined;
    if (callback) return void process.nextTick(() => callback(crash));
    return Promise.reject(crash);
  };
  try {
    await work().catch(() => undefined);
  } finally {
    (Client.prototype as unknown as { query: Query }).query = original;
  }
  return n >= k;
}

/** The privileges on the log that the app role must never hold, as the admin sees them. */
async function logPrivilegesOf(admin: Pool, schema: string): Promise<string[]> {
  const { rows } = await admin.query<{ privilege: string }>(
    `SELECT t.tbl || ' ' || p.priv AS privilege
       FROM (VALUES ('events'), ('streams')) t(tbl), (VALUES ('UPDATE'), ('DELETE'), ('TRUNCATE')) p(priv)
      WHERE to_regclass(format('%I.%I', $1::text, t.tbl)) IS NOT NULL
        AND NOT (t.tbl = 'streams' AND p.priv = 'UPDATE')
        AND has_table_privilege($2::text, format('%I.%I', $1::text, t.tbl), p.priv)`,
    [schema, appRole(schema)],
  );
  return rows.map((row) => row.privilege);
}

describe('provisioning interrupted at any statement', () => {
  const url = databaseUrl();
  let admin: Pool;
  beforeAll(() => {
    admin = new Pool({ connectionString: url, max: 1 });
  });
  afterAll(() => admin.end());

  it('never leaves the app role able to UPDATE, DELETE or TRUNCATE the log, on a first provisioning or a later one', async () => {
    const schemas: string[] = [];
    try {
      // A first provisioning, interrupted at statement 1, 2, 3, ... until one runs to the end.
      let firstRun = 0;
      for (let k = 1; ; k++) {
        const schema = `t_provcrash_${randomBytes(4).toString('hex')}`;
        schemas.push(schema);
        const reached = await failingAtStatement(k, () => provisionServiceDatabase(url, { schema, migrations: eventStoreMigrations }));
        expect({ k, privileges: await logPrivilegesOf(admin, schema) }).toEqual({ k, privileges: [] });
        if (!reached) break;
        firstRun = k;
      }

      // A re-provisioning of a log that holds events, interrupted the same way; the app role tries for real.
      const schema = schemas[schemas.length - 1]!;
      const app = await openServiceDatabase(url, schema, { poolSize: 1 });
      try {
        const store = new EventStore(app.db, { clock: new ManualClock('2026-03-02T01:00:00Z'), ids: new SequentialIdGenerator() });
        await store.append({
          streamId: 'kept',
          streamType: 'counter',
          expectedVersion: 'no_stream',
          events: [{ type: 'Counted', data: {} }],
          metadata: { actor: { subject: 's', role: 'ops' }, correlationId: 'c' },
        });
        let rerun = 0;
        for (let k = 1; ; k++) {
          const reached = await failingAtStatement(k, () => provisionServiceDatabase(url, { schema, migrations: eventStoreMigrations }));
          expect({ k, privileges: await logPrivilegesOf(admin, schema) }).toEqual({ k, privileges: [] });
          for (const edit of [`UPDATE events SET data = '{}'::jsonb`, `DELETE FROM events`, `TRUNCATE events`, `DELETE FROM streams`]) {
            await expect(app.db.query(edit)).rejects.toMatchObject({ code: '42501' });
          }
          if (!reached) break;
          rerun = k;
        }
        expect((await app.db.query(`SELECT count(*)::int AS n FROM events`)).rows[0]).toEqual({ n: 1 });
        console.log(
          `provisioning crash: first provisioning interrupted at each of its ${firstRun} statements, a re-provisioning at each of its ${rerun}; the app role never held a way to change the log`,
        );
        expect(firstRun).toBeGreaterThan(10);
        expect(rerun).toBeGreaterThan(5);
      } finally {
        await app.dataSource.destroy();
      }
    } finally {
      for (const schema of schemas) await dropServiceDatabase(url, schema);
    }
  });
});
