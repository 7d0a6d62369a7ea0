import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'pg';
import { dropServiceDatabase } from '@dw/event-store';
import { createDevKeySet, DEV_ISSUER, mintDevToken } from '@dw/platform';
import { databaseUrl, PrivateBroker, runEntryPoint, serviceProcessEnv, startServiceProcess, waitFor, type ServiceProcess } from '@dw/testing';

/**
 * Fault test: the Kafka broker SIGKILLed for 60 s while commands keep arriving at two
 * services (own broker, real PostgreSQL, each service its own OS process). `platform` takes
 * probes and publishes them; `probe-reader` consumes them and takes acknowledgements of its own.
 *   - during the outage each service's read models keep up with its own commands: every
 *     command is read back (read-your-writes) within 2 s;
 *   - the writer's outbox gauge shows the backlog growing;
 *   - a replica SIGTERMed during the outage exits within the 40 s grace period;
 *   - the reader, SIGKILLed during the outage and restarted, answers HTTP within 10 s;
 * and after the broker's return: the reader resumes within 10 s, every probe arrives once (0
 * lost, 0 twice), and the backlog drains within 60 s.
 */
const ENTRY = 'test/platform/fixtures/probe-services/probe-services.ts';
const OUTAGE_MS = 60_000;
const GRACE_MS = 40_000;
const COMMANDS_PER_SECOND = 4;
const run = randomBytes(4).toString('hex');
const schemas = { writer: `t_outage_writer_${run}`, reader: `t_outage_reader_${run}` };
const keys = createDevKeySet();
const token = () => mintDevToken(keys, { sub: 'clerk-7', roles: ['clerk'] });

describe('a Kafka broker SIGKILLed for 60 s under load across two services', () => {
  let broker: PrivateBroker;
  let admin: Pool;
  const running = new Set<ServiceProcess>();
  let env: { writer: Record<string, string>; reader: Record<string, string> };

  const start = async (role: 'platform' | 'probe-reader') => {
    const service = await startServiceProcess(ENTRY, [role], role === 'platform' ? env.writer : env.reader);
    running.add(service);
    return service;
  };

  beforeAll(async () => {
    broker = await PrivateBroker.start();
    admin = new Pool({ connectionString: databaseUrl(), max: 2 });
    const envFor = (service: string, schema: string) =>
      serviceProcessEnv({
        service,
        schema,
        topicPrefix: `outage${run}`,
        brokers: broker.brokers,
        auth: { issuer: DEV_ISSUER, jwks: keys.jwks },
        extra: { READ_YOUR_WRITES_TIMEOUT_MS: '10000' },
      });
    env = { writer: envFor('platform', schemas.writer), reader: envFor('probe-reader', schemas.reader) };
    await runEntryPoint(ENTRY, ['platform', 'provision'], env.writer);
    await runEntryPoint(ENTRY, ['probe-reader', 'provision'], env.reader);
  });
  afterAll(async () => {
    await Promise.all([...running].map((service) => service.stop()));
    await broker?.stop();
    await admin?.end();
    await dropServiceDatabase(databaseUrl(), schemas.writer);
    await dropServiceDatabase(databaseUrl(), schemas.reader);
  });

  const call = async (base: string, method: string, path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json', ...headers },
      body: method === 'POST' ? JSON.stringify({ payload: 'during', weightKg: 1 }) : undefined,
    });
    return { status: response.status, position: response.headers.get('x-log-position'), body: (await response.json()) as Record<string, unknown> };
  };

  /** One command, then its read-back with X-Min-Log-Position: the time the read model took to show it. */
  const commandAndReadBack = async (base: string, command: string, read: string) => {
    const written = await call(base, 'POST', command);
    expect(written.status).toBe(200);
    const started = performance.now();
    const readBack = await call(base, 'GET', read, { 'x-min-log-position': written.position! });
    expect(readBack.status).toBe(200);
    return performance.now() - started;
  };

  const outboxPending = async (writer: ServiceProcess) => {
    const text = await (await fetch(`${writer.baseUrl}/metrics`)).text();
    return Number(new RegExp(`dw_outbox_pending_messages\\{[^}]*schema="${schemas.writer}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? -1);
  };

  const observed = async () =>
    (
      await admin.query<{ probes: number; rows: number }>(
        `SELECT count(DISTINCT probe_id)::int AS probes, count(*)::int AS rows FROM "${schemas.reader}".probe_observations WHERE probe_id LIKE 'o-%'`,
      )
    ).rows[0]!;

  it('keeps read models current, shows the backlog, stops and restarts in time, then loses nothing', async () => {
    const writer = await start('platform');
    let reader = await start('probe-reader');
    const replica = await start('platform');
    expect(await commandAndReadBack(writer.baseUrl, '/probes/o-0', '/probes/o-0')).toBeLessThan(2_000);
    await waitFor(async () => (await observed()).probes === 1, { describe: 'the reader observing the first probe', timeoutMs: 60_000 });

    broker.kill();
    const outageStarted = performance.now();
    const readLagMs: number[] = [];
    const backlog: number[] = [];
    let probes = 1;
    let replicaExit: Promise<{ ms: number; signal: NodeJS.Signals | null }> | undefined;
    let restartedReaderMs = -1;
    for (let i = 1; performance.now() - outageStarted < OUTAGE_MS; i++) {
      const elapsed = performance.now() - outageStarted;
      if (i % 2 === 1) {
        readLagMs.push(await commandAndReadBack(writer.baseUrl, `/probes/o-${probes}`, `/probes/o-${probes}`));
        probes += 1;
      } else {
        readLagMs.push(await commandAndReadBack(reader.baseUrl, `/acknowledgements/a-${i}`, `/acknowledgements/a-${i}`));
      }
      if (i % 20 === 0) backlog.push(await outboxPending(writer));
      if (replicaExit === undefined && elapsed > 15_000) {
        const stopping = performance.now();
        running.delete(replica);
        replicaExit = replica.stop().then((exit) => ({ ms: performance.now() - stopping, signal: exit.signal }));
      }
      if (restartedReaderMs < 0 && elapsed > 30_000) {
        reader.child.kill('SIGKILL');
        await new Promise((resolve) => reader.child.once('exit', resolve));
        running.delete(reader);
        const restarting = performance.now();
        reader = await start('probe-reader');
        expect((await fetch(`${reader.baseUrl}/health/live`)).status).toBe(200);
        restartedReaderMs = performance.now() - restarting;
      }
      // Paced at COMMANDS_PER_SECOND (a steady load, not a wait for a condition).
      await delay(Math.max(0, (i * 1_000) / COMMANDS_PER_SECOND - (performance.now() - outageStarted)));
    }
    const stopped = await replicaExit!;

    await broker.restart();
    const brokerBack = performance.now();
    await waitFor(async () => (await observed()).probes > 1, { describe: 'the reader resuming', timeoutMs: 30_000, intervalMs: 100 });
    const resumedMs = performance.now() - brokerBack;
    await waitFor(async () => (await observed()).probes === probes, { describe: `all ${probes} probes observed`, timeoutMs: 60_000, intervalMs: 200 });
    const drainedMs = performance.now() - brokerBack;
    const finalObserved = await observed();

    const sorted = [...readLagMs].sort((a, b) => a - b);
    console.log(
      `kafka outage ${OUTAGE_MS / 1000} s: ${readLagMs.length} commands over two services; read-back lag median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms, ` +
        `max ${Math.round(sorted[sorted.length - 1]!)} ms; outbox backlog samples [${backlog.join(', ')}]; replica SIGTERM exit ${Math.round(stopped.ms)} ms; ` +
        `reader SIGKILL restart to HTTP ${Math.round(restartedReaderMs)} ms; after the broker's return: reader resumed in ${Math.round(resumedMs)} ms, ` +
        `${finalObserved.probes}/${probes} probes observed (${finalObserved.rows} rows) in ${Math.round(drainedMs)} ms`,
    );
    expect(sorted[sorted.length - 1]).toBeLessThan(2_000);
    expect(readLagMs.length).toBeGreaterThanOrEqual((OUTAGE_MS / 1_000) * COMMANDS_PER_SECOND * 0.8);
    expect(backlog.length).toBeGreaterThan(2);
    expect(backlog[backlog.length - 1]).toBeGreaterThan(backlog[0]!);
    expect(stopped.signal).toBe('SIGTERM');
    expect(stopped.ms).toBeLessThan(GRACE_MS);
    expect(restartedReaderMs).toBeLessThan(10_000);
    expect(resumedMs).toBeLessThan(10_000);
    expect(finalObserved).toEqual({ probes, rows: probes });
    expect(drainedMs).toBeLessThan(60_000);
    await waitFor(async () => (await outboxPending(writer)) === 0, { describe: 'the outbox gauge back to 0', timeoutMs: 30_000 });
  }, 300_000);
});
