import { ManualClock } from '@dw/kernel';
import {
  createTestServiceDatabase,
  createTestTopics,
  deleteTestTopics,
  testMessageBus,
  TestServiceDatabase,
  TopicRecorder,
  uniqueName,
  waitFor,
} from '@dw/testing';
import { InboxConsumer, NonRetryableMessageError } from './inbox-consumer';
import { MessageProducer } from '../port/message-bus.port';

describe('InboxConsumer with real PostgreSQL and Kafka', () => {
  let t: TestServiceDatabase;
  let producer: MessageProducer;
  const bus = testMessageBus();
  const topic = uniqueName('inbox');
  const group = uniqueName('group');
  const dlq = `${group}.dlq`;
  const clock = new ManualClock('2026-05-06T07:00:00Z');
  const failuresBeforeSuccess = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestServiceDatabase('inbox');
    await t.owner.query(`CREATE TABLE applied (message_id text PRIMARY KEY, body text NOT NULL)`);
    await t.owner.query(`GRANT SELECT, INSERT ON applied TO ${t.schema}_app`);
    await createTestTopics(bus, [topic, dlq], 1);
    producer = bus.producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer.disconnect();
    await deleteTestTopics(bus, [topic, dlq]);
    await t.close();
  });

  const send = (id: string, body: string) =>
    producer.send([{ topic, key: 'k', value: Buffer.from(body), headers: { ce_id: id, ce_type: 'dw.platform.v1.PlatformProbeRecorded' } }]);

  it('applies each message exactly once, retries transient failures, and dead-letters a poison message without blocking the partition', async () => {
    const outcomes: string[] = [];
    const consumer = new InboxConsumer(t.db, bus, {
      groupId: group,
      topics: [topic],
      clock,
      maxAttempts: 3,
      backoffMs: () => 10,
      onOutcome: (outcome) => outcomes.push(outcome),
      handler: async ({ tx, message, messageId }) => {
        const body = message.value.toString();
        // Written before failing: must be rolled back with the failed attempt.
        await tx.query(`INSERT INTO applied (message_id, body) VALUES ($1, $2)`, [messageId, body]);
        if (body === 'poison') throw new Error('cannot apply poison');
        if (body === 'undecodable') throw new NonRetryableMessageError('CONTRACT_DECODE_FAILED', 'bad bytes');
        const failures = failuresBeforeSuccess.get(messageId) ?? 0;
        if (body === 'flaky' && failures < 2) {
          failuresBeforeSuccess.set(messageId, failures + 1);
          throw new Error('transient');
        }
      },
    });
    const dead = await new TopicRecorder(bus, [dlq]).start();
    await send('m-1', 'one');
    await send('m-1', 'one'); // redelivery of the same event
    await send('m-2', 'poison');
    await send('m-3', 'flaky');
    await send('m-4', 'undecodable');
    await send('m-5', 'after');
    await consumer.start();
    try {
      await waitFor(async () => (await t.db.query(`SELECT 1 FROM applied WHERE message_id = 'm-5'`)).rowCount === 1, { describe: 'm-5 applied' });
      await waitFor(() => dead.messages.length >= 2, { describe: 'two dead letters' });
      const { rows } = await t.db.query<{ message_id: string }>(`SELECT message_id FROM applied ORDER BY message_id`);
      expect(rows.map((r) => r.message_id)).toEqual(['m-1', 'm-3', 'm-5']);
      const inbox = await t.db.query<{ message_id: string }>(`SELECT message_id FROM inbox WHERE consumer_group = $1 ORDER BY message_id`, [group]);
      expect(inbox.rows.map((r) => r.message_id)).toEqual(['m-1', 'm-3', 'm-5']);

      const poison = dead.messages.find((m) => m.headers.ce_id === 'm-2')!;
      expect(poison.value.toString()).toBe('poison');
      expect(poison.headers).toMatchObject({
        dlq_original_topic: topic,
        dlq_error_class: 'Error',
        dlq_error_message: 'cannot apply poison',
        dlq_attempts: '3',
        dlq_consumer_group: group,
        ce_type: 'dw.platform.v1.PlatformProbeRecorded',
      });
      // A non-retryable error is dead-lettered on the first attempt.
      expect(dead.messages.find((m) => m.headers.ce_id === 'm-4')!.headers).toMatchObject({ dlq_attempts: '1', dlq_error_code: 'CONTRACT_DECODE_FAILED' });
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'dead_lettered')).toHaveLength(2);
      // poison: 2 retries before dead-lettering; flaky: 2 retries before success.
      expect(outcomes.filter((o) => o === 'retried')).toHaveLength(4);
    } finally {
      await consumer.drain();
      await dead.stop();
    }
  });

  it('waits out a database failure without limit instead of dead-lettering, and applies in order once it is back', async () => {
    const waitGroup = uniqueName('group');
    const waitDlq = `${waitGroup}.dlq`;
    await createTestTopics(bus, [waitDlq], 1);
    const outcomes: string[] = [];
    let outages = 0;
    const consumer = new InboxConsumer(t.db, bus, {
      groupId: waitGroup,
      topics: [topic],
      clock,
      // Three attempts for a message's own failures; the database failing seven times must not count.
      maxAttempts: 3,
      backoffMs: () => 10,
      transientBackoffMs: () => 20,
      onOutcome: (outcome, message) => outcomes.push(`${outcome}:${message.headers.ce_id}`),
      handler: async ({ tx, message, messageId }) => {
        if (message.value.toString() === 'database-down' && outages < 7) {
          outages += 1;
          // A real connection loss: the server ends this very session (SQLSTATE 57P01).
          await tx.query(`SELECT pg_terminate_backend(pg_backend_pid())`);
        }
        await tx.query(`INSERT INTO applied (message_id, body) VALUES ($1, $2) ON CONFLICT (message_id) DO NOTHING`, [
          `${waitGroup}:${messageId}`,
          message.value.toString(),
        ]);
      },
    });
    const dead = await new TopicRecorder(bus, [waitDlq]).start();
    await send('w-1', 'database-down');
    await send('w-2', 'behind it');
    await consumer.start();
    try {
      await waitFor(async () => (await t.db.query(`SELECT 1 FROM applied WHERE message_id = $1`, [`${waitGroup}:w-2`])).rowCount === 1, {
        describe: 'w-2 applied',
      });
      expect(outages).toBe(7);
      const mine = outcomes.filter((o) => o.endsWith(':w-1') || o.endsWith(':w-2'));
      // Seven waits on w-1, then w-1 applied, then w-2: the partition waited, in order, nothing dead-lettered.
      expect(mine).toEqual([...Array.from({ length: 7 }, () => 'waited:w-1'), 'applied:w-1', 'applied:w-2']);
      expect(dead.messages).toEqual([]);
    } finally {
      await consumer.drain();
      await dead.stop();
      await deleteTestTopics(bus, [waitDlq]);
    }
  });

  it('parks a message the dead-letter topic refuses for good, with an alarm, instead of redelivering it to itself, and moves on', async () => {
    const parkGroup = uniqueName('group');
    const parkDlq = `${parkGroup}.dlq`;
    await createTestTopics(bus, [parkDlq], 1);
    const outcomes: string[] = [];
    const alarms: string[] = [];
    let attemptsOnHuge = 0;
    const consumer = new InboxConsumer(t.db, bus, {
      groupId: parkGroup,
      topics: [topic],
      clock,
      maxAttempts: 2,
      backoffMs: () => 10,
      transientBackoffMs: () => 20,
      onOutcome: (outcome, message) => outcomes.push(`${outcome}:${message.headers.ce_id}`),
      onParked: (message, _handlerError, deadLetterError) => alarms.push(`${message.headers.ce_id}: ${String(deadLetterError)}`),
      handler: async ({ tx, message, messageId }) => {
        if (message.headers.ce_id === 'huge') {
          attemptsOnHuge += 1;
          // A refusal with a long explanation: its dead letter carries it in a header.
          throw new Error(`cannot apply: ${'the reason, at length. '.repeat(100)}`);
        }
        await tx.query(`INSERT INTO applied (message_id, body) VALUES ($1, $2)`, [`${parkGroup}:${messageId}`, message.value.toString()]);
      },
    });
    // Just under the broker's 1,048,588-byte record limit (message.max.bytes): accepted on the
    // topic, but its dead letter, the same bytes plus some 2.3 KB of error headers, is not.
    const huge = Buffer.alloc(1_047_000, 0x61);
    await producer.send([{ topic, key: 'k', value: huge, headers: { ce_id: 'huge', ce_type: 'dw.platform.v1.PlatformProbeRecorded' } }]);
    await send('after-huge', 'behind it');
    const dead = await new TopicRecorder(bus, [parkDlq]).start();
    await consumer.start();
    try {
      await waitFor(async () => (await t.db.query(`SELECT 1 FROM applied WHERE message_id = $1`, [`${parkGroup}:after-huge`])).rowCount === 1, {
        describe: 'the message behind it applied',
      });
      const { rows } = await t.db.query<{ message_id: string; bytes: number; handler_error: string; dead_letter_error: string }>(
        `SELECT message_id, length(payload) AS bytes, handler_error, dead_letter_error FROM inbox_parked WHERE consumer_group = $1`,
        [parkGroup],
      );
      expect(rows).toEqual([
        {
          message_id: 'huge',
          bytes: 1_047_000,
          handler_error: expect.stringContaining('cannot apply'),
          dead_letter_error: expect.stringContaining('MESSAGE_TOO_LARGE'),
        },
      ]);
      expect(alarms).toEqual([expect.stringContaining('huge: ')]);
      // Its own two attempts, then parked once: not redelivered to itself.
      expect(attemptsOnHuge).toBe(2);
      expect(outcomes.filter((o) => o.endsWith(':huge'))).toEqual(['retried:huge', 'parked:huge']);
      expect(dead.messages).toEqual([]);
    } finally {
      await consumer.drain();
      await dead.stop();
      await deleteTestTopics(bus, [parkDlq]);
    }
  });
});
