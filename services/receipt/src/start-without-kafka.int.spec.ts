import { ManualClock } from '@dw/kernel';
import { ReceiptTestApp } from './testing/receipt-test-app.spec-helper';
import { depositor } from './testing/receipt-scenario.spec-helper';

/**
 * A service whose Kafka is unreachable still starts: HTTP answers at once (it does not wait for
 * the consumer group to form, nor for the relay's producer), readiness says honestly that Kafka
 * is down, and commands are accepted into the outbox, to be published when Kafka is back.
 * Before, start-up waited for the group to form, so a restart after a crash took a session
 * timeout and a service could not start at all while the broker was down.
 */
describe('receipt service started while Kafka is unreachable', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;

  beforeAll(async () => {
    const started = performance.now();
    // Provisioned against the real broker, then run against a port where nothing listens.
    app = await ReceiptTestApp.start('nokafka', { clock, consume: true, env: { KAFKA_BROKERS: '127.0.0.1:9' } });
    startedInMs = performance.now() - started;
  });
  let startedInMs = 0;
  afterAll(() => app?.close());

  it('answers HTTP, reports Kafka down in readiness, and takes commands into the outbox', async () => {
    // Provisioning included; a wait for the group would have failed or taken kafkajs's whole retry budget.
    expect(startedInMs).toBeLessThan(10_000);
    const live = await fetch(`${app.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(JSON.stringify(await ready.json())).toMatch(/kafka/i);

    const applied = await app.as(depositor('party-nokafka'), 'POST', '/storage-cards', { holderName: '断网贸易有限公司' });
    expect(applied.status).toBe(201);
    const outbox = await app.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox`);
    expect(outbox.rows[0]!.n).toBeGreaterThan(0);
  });
});
