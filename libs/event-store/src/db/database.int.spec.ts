import { Pool } from 'pg';
import { Database } from './database';
import { createTestServiceDatabase, databaseUrl, waitFor, type TestServiceDatabase } from '@dw/testing';

/**
 * A connection that dies inside a transaction (a database restart, an operator's
 * pg_terminate_backend) fails that transaction and nothing else: before the fix the pg client,
 * checked out of the pool and so without pg-pool's 'error' listener, emitted an unhandled
 * 'error' and the whole service process died.
 */
describe('Database.transaction when its connection dies', () => {
  let t: TestServiceDatabase;
  let admin: Pool;

  beforeAll(async () => {
    t = await createTestServiceDatabase('dbconn', undefined, { poolSize: 2 });
    admin = new Pool({ connectionString: databaseUrl(), max: 1 });
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  it('rejects the transaction, keeps the process, and hands out a healthy connection next', async () => {
    const uncaught: unknown[] = [];
    const sawError: Error[] = [];
    const db = new Database(t.db.pool, t.schema, { onConnectionError: (error) => sawError.push(error) });
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const failed = db.transaction(async (tx) => {
        const { rows } = await tx.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
        const pid = rows[0]!.pid;
        await admin.query(`SELECT pg_terminate_backend($1)`, [pid]);
        // The backend sends its FATAL message before it exits; once it is gone, the message is
        // in our socket, and the client reads it (and emits 'error') while it is still checked out.
        await waitFor(async () => (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid])).rowCount === 0, { describe: 'the backend gone' });
        await waitFor(() => uncaught.length > 0 || sawError.length > 0, { timeoutMs: 5_000, describe: 'the client hearing of it' });
        await tx.query(`SELECT 1`);
      });
      await expect(failed).rejects.toThrow();
      expect(uncaught).toEqual([]);
      expect(sawError[0]?.message).toMatch(/terminating connection due to administrator command/);
      // The broken client was destroyed, so the pool's next transactions run on live connections.
      for (let i = 0; i < 3; i += 1) {
        await expect(db.transaction(async (tx) => (await tx.query<{ ok: number }>(`SELECT 1 AS ok`)).rows[0])).resolves.toEqual({ ok: 1 });
      }
    } finally {
      process.off('uncaughtException', record);
    }
  });
});
