import type { ChildProcess } from 'node:child_process';
import { eventStoreMigrations } from '@dw/event-store';
import { systemClock } from '@dw/kernel';
import { createDevKeySet, DEV_ISSUER, platformEdgeMigrations, signRequest, type IntegrationClient } from '@dw/platform';
import { createTestServiceDatabase, databaseUrl, startServiceProcess, type ServiceProcess, type TestServiceDatabase } from '@dw/testing';

/**
 * An Idempotency-Key retry must never run a command twice. The command's
 * events and the key's answer commit in one transaction, so whatever instant the process dies
 * at, the retry finds either both (and replays the first answer) or neither (and runs once).
 * The service edge runs as its own OS process and kills itself with SIGKILL at the instant named.
 */
const APP = 'test/fault/fixtures/crash-after-commit.app.ts';
const icbc: IntegrationClient = { id: 'bank-icbc', secret: 'icbc-secret-0123456789-0123456789-xyz', role: 'bank' };
const PATH = '/bank/deposits';

describe('a crash around a command’s commit, then a retry with the same Idempotency-Key', () => {
  let schema: TestServiceDatabase;
  let env: Record<string, string>;
  const running: ServiceProcess[] = [];

  beforeAll(async () => {
    schema = await createTestServiceDatabase('crashidem', [...eventStoreMigrations, ...platformEdgeMigrations]);
    env = {
      DATABASE_URL: databaseUrl(),
      DW_TEST_SCHEMA: schema.schema,
      KAFKA_BROKERS: '127.0.0.1:9092',
      HTTP_PORT: '0',
      SERVICE_NAME: 'crash-after-commit',
      LOG_LEVEL: 'error',
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_JWKS: JSON.stringify(createDevKeySet('ES256').jwks),
      INTEGRATION_CLIENTS: JSON.stringify([icbc]),
    };
  });
  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await schema.close();
  });

  const start = async (extra: Record<string, string> = {}) => {
    const service = await startServiceProcess(APP, [], { ...env, ...extra });
    running.push(service);
    return service;
  };

  /** Signed afresh each time (a new nonce), as a bank's client retries: same method, path, body and key. */
  const deposit = (service: ServiceProcess, body: string, key: string) =>
    fetch(`${service.baseUrl}${PATH}`, {
      method: 'POST',
      headers: {
        ...signRequest({ clientId: icbc.id, secret: icbc.secret, method: 'POST', path: PATH, body, clock: systemClock }),
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      body,
    });

  const eventsOf = async (reference: string) =>
    (await schema.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`deposit-${reference}`])).rows[0]!.n;

  const killed = (child: ChildProcess) =>
    new Promise<NodeJS.Signals | null>((resolve) => {
      if (child.signalCode !== null || child.exitCode !== null) resolve(child.signalCode);
      else child.once('exit', (_code, signal) => resolve(signal));
    });

  it('replays the first answer when the process died after the commit, and the deposit is credited once', async () => {
    const body = JSON.stringify({ reference: 'after-commit', amountFen: 1_250_000 });
    const doomed = await start({ CRASH_AFTER_COMMIT: '1' });
    await expect(deposit(doomed, body, 'key-after-commit')).rejects.toThrow();
    expect(await killed(doomed.child)).toBe('SIGKILL');
    expect(await eventsOf('after-commit')).toBe(1);

    const restartedAt = performance.now();
    const revived = await start();
    const retry = await deposit(revived, body, 'key-after-commit');
    const answeredInMs = Math.round(performance.now() - restartedAt);

    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe('/bank/deposits/after-commit');
    expect(retry.headers.get('x-log-position')).toMatch(/\S/);
    // The answer the dead process computed, not a new one: it names that process.
    expect(await retry.json()).toEqual({ reference: 'after-commit', credits: 1, answeredBy: doomed.child.pid });
    expect(await eventsOf('after-commit')).toBe(1);
    console.log(`crash after commit: retry answered (replayed) ${answeredInMs} ms after the restart began; effects 1`);
  });

  it('runs the command once on retry when the process died before the commit, without waiting out a lease', async () => {
    const body = JSON.stringify({ reference: 'before-commit', amountFen: 990_000 });
    const doomed = await start({ CRASH_BEFORE_COMMIT: '1' });
    await expect(deposit(doomed, body, 'key-before-commit')).rejects.toThrow();
    expect(await killed(doomed.child)).toBe('SIGKILL');
    expect(await eventsOf('before-commit')).toBe(0);

    const revived = await start();
    const retryStarted = performance.now();
    const retry = await deposit(revived, body, 'key-before-commit');
    const retryMs = Math.round(performance.now() - retryStarted);

    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await retry.json()).toEqual({ reference: 'before-commit', credits: 1, answeredBy: revived.child.pid });
    expect(await eventsOf('before-commit')).toBe(1);
    const again = await deposit(revived, body, 'key-before-commit');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await eventsOf('before-commit')).toBe(1);
    console.log(`crash before commit: retry ran at once (${retryMs} ms, no 409 in flight); effects 1`);
  });
});
