import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'pg';
import { createDevKeySet, DEV_ISSUER, mintDevToken } from '@dw/platform';
import {
  deleteTopicsUnderPrefix,
  PrivatePostgres,
  runEntryPoint,
  serviceProcessEnv,
  startServiceProcess,
  testMessageBus,
  TopicRecorder,
  waitFor,
  type ServiceProcess,
} from '@dw/testing';

/**
 * Fault test: PostgreSQL stopped for 20 s mid-flow, a cluster of the test's own, under
 * two services (each its own OS process) and the shared Kafka broker. Probes keep being posted
 * to `platform` and consumed by `probe-reader`. Commands refused while the database is down are
 * the clients' to retry; what was accepted must arrive, once:
 *   0 messages in the dead-letter topic, 0 accepted probes lost, 0 applied twice, 0 service
 *   processes dead, and both services recover without a restart.
 */
const ENTRY = 'test/platform/fixtures/probe-services/probe-services.ts';
const OUTAGE_MS = 20_000;
const run = randomBytes(4).toString('hex');
const prefix = `pgoutage${run}`;
const schemas = { writer: `t_pgo_writer_${run}`, reader: `t_pgo_reader_${run}` };
const keys = createDevKeySet();
const token = () => mintDevToken(keys, { sub: 'clerk-7', roles: ['clerk'] });

describe('PostgreSQL stopped for 20 s mid-flow under two services', () => {
  let cluster: PrivatePostgres;
  let admin: Pool;
  let writer: ServiceProcess;
  let reader: ServiceProcess;
  let deadLetters: TopicRecorder;
  const bus = testMessageBus();

  beforeAll(async () => {
    cluster = await PrivatePostgres.start(55_433);
    const envFor = (service: string, schema: string) =>
      serviceProcessEnv({ service, schema, topicPrefix: prefix, adminUrl: cluster.url, auth: { issuer: DEV_ISSUER, jwks: keys.jwks } });
    const env = { writer: envFor('platform', schemas.writer), reader: envFor('probe-reader', schemas.reader) };
    await runEntryPoint(ENTRY, ['platform', 'provision'], env.writer);
    await runEntryPoint(ENTRY, ['probe-reader', 'provision'], env.reader);
    [writer, reader] = await Promise.all([startServiceProcess(ENTRY, ['platform'], env.writer), startServiceProcess(ENTRY, ['probe-reader'], env.reader)]);
    deadLetters = await new TopicRecorder(bus, [`${prefix}.probe-reader.dlq`]).start();
    admin = new Pool({ connectionString: cluster.url, max: 2 });
  });
  afterAll(async () => {
    await deadLetters?.stop();
    await Promise.all([writer?.stop(), reader?.stop()]);
    await admin?.end();
    await cluster?.destroy();
    await deleteTopicsUnderPrefix(bus, prefix);
  });

  const post = async (probe: string) => {
    try {
      const response = await fetch(`${writer.baseUrl}/probes/${probe}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ payload: probe, weightKg: 1 }),
        signal: AbortSignal.timeout(15_000),
      });
      await response.text();
      return response.status;
    } catch {
      return 0;
    }
  };

  it('dead-letters nothing, loses nothing, applies nothing twice, and recovers without a restart', async () => {
    const accepted: string[] = [];
    const refusedDuringOutage: number[] = [];
    let halted = false;
    let outageStarted = 0;
    let recoveredAfterMs = -1;
    let resumedAt = 0;
    let n = 0;
    const flowStarted = performance.now();
    // Probes every 100 ms: 10 s before the stop, 20 s stopped, and until the writer accepts again plus 5 s.
    for (;;) {
      const elapsed = performance.now() - flowStarted;
      if (!halted && elapsed > 10_000) {
        halted = true;
        await cluster.halt();
        outageStarted = performance.now();
      }
      if (halted && resumedAt === 0 && performance.now() - outageStarted > OUTAGE_MS) {
        await cluster.resume();
        resumedAt = performance.now();
      }
      const probe = `pg-${++n}`;
      const status = await post(probe);
      if (status === 200) {
        accepted.push(probe);
        if (resumedAt > 0 && recoveredAfterMs < 0) recoveredAfterMs = performance.now() - resumedAt;
      } else if (halted && resumedAt === 0) {
        refusedDuringOutage.push(status);
      }
      if (recoveredAfterMs >= 0 && performance.now() - resumedAt > recoveredAfterMs + 5_000) break;
      if (resumedAt > 0 && performance.now() - resumedAt > 60_000) break;
      await delay(100);
    }

    await waitFor(
      async () => {
        const { rows } = await admin.query<{ n: number }>(
          `SELECT count(DISTINCT probe_id)::int AS n FROM "${schemas.reader}".probe_observations WHERE probe_id LIKE 'pg-%'`,
        );
        return rows[0]!.n >= accepted.length;
      },
      { describe: `all ${accepted.length} accepted probes observed`, timeoutMs: 90_000, intervalMs: 250 },
    );
    const { rows } = await admin.query<{ probe_id: string; times: number }>(
      `SELECT probe_id, count(*)::int AS times FROM "${schemas.reader}".probe_observations WHERE probe_id LIKE 'pg-%' GROUP BY probe_id`,
    );
    const observed = new Map(rows.map((row) => [row.probe_id, row.times]));
    const lost = accepted.filter((probe) => !observed.has(probe));
    const twice = rows.filter((row) => row.times > 1).map((row) => row.probe_id);

    console.log(
      `postgres outage ${OUTAGE_MS / 1000} s: ${n} probes posted, ${accepted.length} accepted, ${refusedDuringOutage.length} refused while the database was down ` +
        `(statuses ${[...new Set(refusedDuringOutage)].join('/')}); writer accepting again ${Math.round(recoveredAfterMs)} ms after the restart; ` +
        `lost ${lost.length}, applied twice ${twice.length}, dead letters ${deadLetters.messages.length}; processes alive: writer ${writer.child.exitCode === null}, reader ${reader.child.exitCode === null}`,
    );
    expect(recoveredAfterMs).toBeGreaterThanOrEqual(0);
    expect(refusedDuringOutage.length).toBeGreaterThan(0);
    // Refused as 503 DATABASE_UNAVAILABLE with Retry-After, the same processes answering throughout.
    expect([...new Set(refusedDuringOutage)]).toEqual([503]);
    expect(lost).toEqual([]);
    expect(twice).toEqual([]);
    expect(deadLetters.messages).toEqual([]);
    expect([writer.child.exitCode, writer.child.signalCode, reader.child.exitCode, reader.child.signalCode]).toEqual([null, null, null, null]);
    // The same processes answer their readiness after the outage.
    expect((await fetch(`${writer.baseUrl}/health/ready`)).status).toBe(200);
    await waitFor(async () => (await fetch(`${reader.baseUrl}/health/ready`)).status === 200, { describe: 'the reader ready again' });
  }, 240_000);
});
