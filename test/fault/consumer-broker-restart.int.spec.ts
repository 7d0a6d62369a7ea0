import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '@dw/kernel';
import { InboxConsumer, KafkaJsMessageBus } from '@dw/messaging';
import { createTestServiceDatabase, createTestTopics, PrivateBroker, repoRoot, TestServiceDatabase, uniqueName, waitFor } from '@dw/testing';

/**
 * A consumer outlives a broker crash and resumes within seconds of the broker's return. Before,
 * kafkajs restarted a crashed consumer only after its last retry delay (up to 30 s), gave up for
 * good on some crashes (a refused connection it wraps as non-retriable), and the rejoin waited
 * out the dead member's 30 s session: read models lagged half a minute or stopped.
 */
const OUTAGE_MS = 20_000;
const kafkaLog = join(repoRoot(), '.run', 'consumer-broker-restart.kafkajs.log');

describe('inbox consumer across a broker crash (own broker, SIGKILL and restart)', () => {
  let broker: PrivateBroker;
  let bus: KafkaJsMessageBus;
  let t: TestServiceDatabase;
  const topic = uniqueName('restart');

  beforeAll(async () => {
    broker = await PrivateBroker.start();
    // kafkajs's complaints during the outage go to a file, for reading when this fails.
    bus = new KafkaJsMessageBus({
      clientId: uniqueName('restart'),
      brokers: broker.brokers,
      log: (level, message) => appendFileSync(kafkaLog, `${new Date().toISOString()} ${level} ${message}\n`),
    });
    await createTestTopics(bus, [topic], 1);
    t = await createTestServiceDatabase('brokerrestart');
    await t.owner.query(`CREATE TABLE restart_applied (message_id text PRIMARY KEY)`);
    await t.owner.query(`GRANT SELECT, INSERT ON restart_applied TO ${t.schema}_app`);
  });
  afterAll(async () => {
    await t?.close();
    await broker?.stop();
  });

  it('applies a message sent after the broker is back within 10 s of its return', async () => {
    const group = uniqueName('group');
    await createTestTopics(bus, [`${group}.dlq`], 1);
    const consumer = new InboxConsumer(t.db, bus, {
      groupId: group,
      topics: [topic],
      clock: systemClock,
      handler: async ({ tx, messageId }) => void (await tx.query(`INSERT INTO restart_applied (message_id) VALUES ($1)`, [messageId])),
    });
    const producer = bus.producer();
    const send = (id: string) =>
      producer.send([{ topic, key: 'k', value: Buffer.from(id), headers: { ce_id: id, ce_type: 'dw.platform.v1.PlatformProbeRecorded' } }]);
    const applied = (id: string) => async () => (await t.db.query(`SELECT 1 FROM restart_applied WHERE message_id = $1`, [id])).rowCount === 1;
    await consumer.start();
    try {
      await producer.connect();
      await send('before');
      await waitFor(applied('before'), { describe: 'the message before the crash' });

      broker.kill();
      // The outage itself (the injected fault): fetches, heartbeats and reconnects all fail meanwhile.
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      await broker.restart();
      const back = performance.now();
      await send('after');
      await waitFor(applied('after'), { timeoutMs: 30_000, describe: 'the message after the return' });
      const resumedMs = performance.now() - back;
      process.stdout.write(
        `consumer-broker-restart: broker down ${OUTAGE_MS / 1000} s; the message sent on its return applied ${resumedMs.toFixed(0)} ms after it listened again\n`,
      );
      expect(resumedMs).toBeLessThan(10_000);
    } finally {
      await producer.disconnect().catch(() => undefined);
      await consumer.drain();
    }
  });
});
