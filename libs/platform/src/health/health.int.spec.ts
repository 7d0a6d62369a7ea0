import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import { Database } from '@dw/event-store';
import { METRICS_CONTENT_TYPE } from '@dw/observability';
import { call, testDatabase, startEdgeApp, type RunningEdge, type TestServiceDatabase } from '../test-support/edge-test-kit';
import { HEALTH_INDICATOR, type HealthIndicator } from './health-indicator';

/** A dependency the test switches between answering, failing and hanging. */
class SwitchableIndicator implements HealthIndicator {
  mode: 'up' | 'failing' | 'hanging' = 'up';
  constructor(readonly name: string) {}
  check(): Promise<void> {
    if (this.mode === 'failing') return Promise.reject(new Error('broker 127.0.0.1:9092 refused the connection'));
    if (this.mode === 'hanging') return new Promise(() => undefined);
    return Promise.resolve();
  }
}

const kafka = new SwitchableIndicator('kafka');
const ledger = new SwitchableIndicator('ledger');

// Two libraries' modules, each registering under the shared token; one registers two at once.
@Module({ providers: [{ provide: HEALTH_INDICATOR, useValue: kafka }] })
class MessagingLikeModule {}
@Module({ providers: [{ provide: HEALTH_INDICATOR, useValue: [ledger] }] })
class OtherLibModule {}
@Module({ imports: [MessagingLikeModule, OtherLibModule] })
class AppModule {}

const CHECK_TIMEOUT_MS = 300;
let schema: TestServiceDatabase;
let edge: RunningEdge;

beforeAll(async () => {
  schema = await testDatabase('platform_health');
  edge = await startEdgeApp(AppModule, { db: schema.db, health: { checkTimeoutMs: CHECK_TIMEOUT_MS } });
});
afterAll(async () => {
  await edge?.close();
  await schema?.close();
});
beforeEach(() => {
  kafka.mode = 'up';
  ledger.mode = 'up';
});

describe('health endpoints (public)', () => {
  it('/health/live answers 200 without a token', async () => {
    const answer = await call(`${edge.url}/health/live`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'up' });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('/health/ready runs PostgreSQL and every registered indicator and answers 200 when all are up', async () => {
    const answer = await call(`${edge.url}/health/ready`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: 'up',
      checks: {
        postgres: { status: 'up', durationMs: expect.any(Number) },
        kafka: { status: 'up', durationMs: expect.any(Number) },
        ledger: { status: 'up', durationMs: expect.any(Number) },
      },
    });
  });

  it('/health/ready answers 503 naming the failing check and why', async () => {
    kafka.mode = 'failing';
    const answer = await call(`${edge.url}/health/ready`);
    expect(answer.status).toBe(503);
    expect(answer.body.status).toBe('down');
    expect(answer.body.checks.kafka).toMatchObject({ status: 'down', error: 'broker 127.0.0.1:9092 refused the connection' });
    expect(answer.body.checks.postgres.status).toBe('up');
  });

  it('/health/ready bounds a hanging check by the timeout and reports it down', async () => {
    ledger.mode = 'hanging';
    const started = Date.now();
    const answer = await call(`${edge.url}/health/ready`);
    expect(answer.status).toBe(503);
    expect(answer.body.checks.ledger).toMatchObject({ status: 'down', error: `no answer within ${CHECK_TIMEOUT_MS} ms` });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('/health/ready reports PostgreSQL down when the database cannot be reached', async () => {
    // A real pg pool aimed at a port where no server listens.
    const pool = new Pool({ host: '127.0.0.1', port: 1, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 500 });
    const unreachable = await startEdgeApp(AppModule, { db: new Database(pool, 'nowhere'), health: { checkTimeoutMs: 2_000 } });
    try {
      const answer = await call(`${unreachable.url}/health/ready`);
      expect(answer.status).toBe(503);
      expect(answer.body.checks.postgres).toMatchObject({ status: 'down', error: expect.stringContaining('ECONNREFUSED') });
      expect(answer.body.checks.kafka.status).toBe('up');
    } finally {
      await unreachable.close();
      await pool.end();
    }
  });

  it("/metrics serves the Prometheus text of @dw/observability's registry, labelled with the service", async () => {
    const answer = await call(`${edge.url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(METRICS_CONTENT_TYPE);
    expect(answer.body).toMatch(/^process_cpu_user_seconds_total\{service="platform-test"\} \d/m);
  });
});
