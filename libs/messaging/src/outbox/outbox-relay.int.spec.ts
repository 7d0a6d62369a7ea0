import { ManualClock, uuidV7Generator } from '@dw/kernel';
import { EventMetadata, EventStore } from '@dw/event-store';
import {
  createTestServiceDatabase,
  createTestTopics,
  deleteTestTopics,
  testMessageBus,
  TestServiceDatabase,
  TopicRecorder,
  probeAppend,
  uniqueName,
  waitFor,
} from '@dw/testing';
import { OutboxRelay } from './outbox-relay';

const metadata: EventMetadata = {
  actor: { subject: 'op-1', role: 'operator' },
  correlationId: 'c-1',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
};

describe('OutboxRelay with real PostgreSQL and Kafka', () => {
  let t: TestServiceDatabase;
  let store: EventStore;
  const bus = testMessageBus();
  const topic = uniqueName('relay');

  beforeAll(async () => {
    t = await createTestServiceDatabase('relay');
    store = new EventStore(t.db, { clock: new ManualClock('2026-05-06T07:00:00Z'), ids: uuidV7Generator });
    await createTestTopics(bus, [topic], 3);
  });
  afterAll(async () => {
    await deleteTestTopics(bus, [topic]);
    await t.close();
  });

  /** Appends probe event `n` to a stream with its message for `toTopic` (the suite's topic unless named). */
  const appendWithOutbox = (streamId: string, n: number, toTopic = topic) => store.append(probeAppend({ streamId, ns: [n], topic: toTopic, metadata }));

  it('publishes every outbox row once, keyed by aggregate, in per-aggregate order, with CloudEvents headers', async () => {
    const recorder = await new TopicRecorder(bus, [topic]).start();
    const relay = new OutboxRelay(t.db, bus, { pollIntervalMs: 200 });
    await relay.start();
    try {
      for (let i = 1; i <= 30; i += 1) await appendWithOutbox(`probe-${i % 3}`, i);
      await waitFor(() => recorder.messages.length >= 30, { describe: '30 messages on the topic' });
      expect(recorder.messages).toHaveLength(30);
      for (const key of ['probe-0', 'probe-1', 'probe-2']) {
        const values = recorder.messages.filter((m) => m.key === key).map((m) => Number(m.value.toString()));
        expect(values).toEqual([...values].sort((a, b) => a - b));
        // One aggregate's messages share one partition.
        expect(new Set(recorder.messages.filter((m) => m.key === key).map((m) => m.partition)).size).toBe(1);
      }
      const first = recorder.messages[0]!;
      expect(first.headers).toMatchObject({
        ce_specversion: '1.0',
        ce_type: 'dw.platform.v1.PlatformProbeRecorded',
        ce_source: '/dw/test',
        'content-type': 'application/protobuf',
      });
      expect(first.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
      // The relay's producer span continues the request's trace.
      expect(first.headers.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-/);
      expect((await t.db.query(`SELECT 1 FROM outbox`)).rowCount).toBe(0);
    } finally {
      await relay.drain();
      await recorder.stop();
    }
  });

  it('is woken by NOTIFY after the commit, not by its polling fallback', async () => {
    // A poll interval far beyond the wait below: only the notification can wake the relay in time.
    const relay = new OutboxRelay(t.db, bus, { pollIntervalMs: 600_000 });
    const recorder = await new TopicRecorder(bus, [topic]).start();
    await relay.start();
    try {
      await waitFor(async () => (await t.db.query(`SELECT 1 FROM pg_stat_activity WHERE query = $1`, [`LISTEN ${relay.channel}`])).rowCount === 1, {
        describe: 'the relay listening',
      });
      await store.transaction((tx) => tx.append(probeAppend({ streamId: 'woken-1', ns: [1], topic, metadata, expectedVersion: 'no_stream' })));
      await waitFor(() => recorder.messages.some((m) => m.key === 'woken-1'), { timeoutMs: 15_000, describe: 'the notified relay to publish' });
    } finally {
      await relay.drain();
      await recorder.stop();
    }
  });

  it('lets only one of two relays on a schema publish (leader lock), and the standby takes over', async () => {
    const a = new OutboxRelay(t.db, bus, { pollIntervalMs: 100, leaderRetryMs: 100 });
    const b = new OutboxRelay(t.db, bus, { pollIntervalMs: 100, leaderRetryMs: 100 });
    const recorder = await new TopicRecorder(bus, [topic]).start();
    await a.start();
    await b.start();
    try {
      await appendWithOutbox('leader-1', 1);
      await waitFor(() => recorder.messages.some((m) => m.key === 'leader-1'));
      const leaders = await t.db.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = hashtext($1)::oid`, [
        `outbox-relay:${t.schema}`,
      ]);
      expect(leaders.rowCount).toBe(1);
      await a.drain();
      await appendWithOutbox('leader-2', 2);
      await waitFor(() => recorder.messages.some((m) => m.key === 'leader-2'), { describe: 'standby relay publishing' });
    } finally {
      await a.drain();
      await b.drain();
      await recorder.stop();
    }
  });

  it('parks a row the broker refuses for good, with an alarm, while 10,000 others flow', async () => {
    const parkedTopic = uniqueName('parked');
    await createTestTopics(bus, [parkedTopic], 3);
    const recorder = await new TopicRecorder(bus, [parkedTopic]).start();
    const alarms: string[] = [];
    const relay = new OutboxRelay(t.db, bus, {
      pollIntervalMs: 100,
      onParked: (row, error) => alarms.push(`${row.messageId}:${(error as { type?: string }).type}`),
    });
    const ids: string[] = [];
    let oversized = '';
    const payloadFor = (n: number) => (n === 5_000 ? Buffer.alloc(1_500_000, 1) : Buffer.from(String(n))); // over the broker's 1 MB message.max.bytes
    try {
      // 10,001 events in 101 appends of 99 or 100, the oversized one in the middle of its append.
      for (let chunk = 0; chunk * 100 < 10_001; chunk += 1) {
        const ns = Array.from({ length: Math.min(100, 10_001 - chunk * 100) }, (_, i) => chunk * 100 + i);
        const result = await store.append(probeAppend({ streamId: `parked-${chunk % 7}`, ns, topic: parkedTopic, metadata, payloadOf: payloadFor }));
        result.events.forEach((e, i) => (ns[i] === 5_000 ? (oversized = e.eventId) : ids.push(e.eventId)));
      }
      await relay.start();
      await waitFor(async () => (await t.db.query(`SELECT 1 FROM outbox`)).rowCount === 0, { timeoutMs: 120_000, describe: 'the outbox emptied' });
      await waitFor(() => recorder.messages.length >= ids.length, { timeoutMs: 60_000, describe: `all ${ids.length} others on Kafka` });
      const seen = new Set(recorder.messages.map((m) => m.headers.ce_id));
      expect(ids.filter((id) => !seen.has(id))).toEqual([]);
      expect(seen.has(oversized)).toBe(false);
      const parked = await t.db.query<{ message_id: string; error_type: string; bytes: number }>(
        `SELECT message_id, error_type, length(payload) AS bytes FROM outbox_parked`,
      );
      expect(parked.rows).toEqual([{ message_id: oversized, error_type: 'MESSAGE_TOO_LARGE', bytes: 1_500_000 }]);
      expect(alarms).toEqual([`${oversized}:MESSAGE_TOO_LARGE`]);
    } finally {
      await relay.drain();
      await recorder.stop();
      await deleteTestTopics(bus, [parkedTopic]);
    }
  });

  it('keeps every aggregate in order on Kafka while the leader’s listening connection is terminated 20 times under load, a standby running', async () => {
    const TOTAL = 10_000;
    const TERMINATIONS = 20;
    const AGGREGATES = 40;
    const orderTopic = uniqueName('relay-fence');
    await createTestTopics(bus, [orderTopic], 4);
    const recorder = await new TopicRecorder(bus, [orderTopic]).start();
    const relays = [0, 1].map(() => new OutboxRelay(t.db, bus, { pollIntervalMs: 100, leaderRetryMs: 50 }));
    for (const relay of relays) await relay.start();
    // Writer w appends i = w, w + 8, ...; aggregate i % 40 is written by writer i % 8 alone, in
    // increasing i: the payload i is the aggregate's order.
    const appendNext = async (aggregate: number, n: number) => {
      await appendWithOutbox(`fence-${aggregate}`, n, orderTopic);
    };
    const leaderPid = async () => {
      const { rows } = await t.owner.query<{ pid: number }>(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = hashtext($1)::oid`, [
        `outbox-relay:${t.schema}`,
      ]);
      return rows[0]?.pid;
    };
    let appended = 0;
    const terminated: number[] = [];
    try {
      const writers = Array.from({ length: 8 }, async (_, w) => {
        for (let i = w; i < TOTAL; i += 8) {
          await appendNext(i % AGGREGATES, i);
          appended += 1;
        }
      });
      const terminator = (async () => {
        for (let k = 0; k < TERMINATIONS; k++) {
          // Spread over the load: one termination per 1/21 of the appends.
          await waitFor(() => appended >= ((k + 1) * TOTAL) / (TERMINATIONS + 1), { timeoutMs: 120_000, intervalMs: 5 });
          const pid = await waitFor(leaderPid, { describe: 'a leader holding the lock', timeoutMs: 30_000, intervalMs: 10 });
          await t.owner.query(`SELECT pg_terminate_backend($1)`, [pid]);
          terminated.push(pid);
        }
      })();
      await Promise.all([...writers, terminator]);
      await waitFor(async () => (await t.db.query(`SELECT 1 FROM outbox LIMIT 1`)).rowCount === 0, { describe: 'the outbox drained', timeoutMs: 120_000 });
      await waitFor(() => new Set(recorder.messages.map((m) => m.headers.ce_id)).size >= TOTAL, {
        describe: `${TOTAL} distinct messages on Kafka`,
        timeoutMs: 120_000,
      });

      // Per aggregate, in the order Kafka holds them: a repeat of a value already seen is a
      // republish (allowed); a value lower than one already seen, and new, is an inversion.
      let inversions = 0;
      let republished = 0;
      for (let aggregate = 0; aggregate < AGGREGATES; aggregate++) {
        const values = recorder.messages.filter((m) => m.key === `fence-${aggregate}`).map((m) => Number(m.value.toString()));
        const seen = new Set<number>();
        let highest = -1;
        for (const value of values) {
          if (seen.has(value)) republished += 1;
          else if (value < highest) inversions += 1;
          seen.add(value);
          highest = Math.max(highest, value);
        }
        expect(seen.size).toBe(TOTAL / AGGREGATES);
      }
      console.log(
        `relay fencing: ${TOTAL} events over ${AGGREGATES} aggregates, the leader's listening connection terminated ${terminated.length} times ` +
          `(${new Set(terminated).size} distinct sessions); on Kafka ${recorder.messages.length} messages, ${republished} republished, ${inversions} per-aggregate inversions`,
      );
      expect(new Set(terminated).size).toBe(TERMINATIONS);
      expect(inversions).toBe(0);
    } finally {
      for (const relay of relays) await relay.drain();
      await recorder.stop();
      await deleteTestTopics(bus, [orderTopic]);
    }
  }, 300_000);
});
