import { appRole, EventMetadata, EventStore, type LogPosition, type RecordedEvent, type SqlClient } from '@dw/event-store';
import { systemClock, uuidV7Generator } from '@dw/kernel';
import { KafkaJsMessageBus, OutboxRelay } from '@dw/messaging';
import { ensureProjectionTables, ProjectionRunner, type Projection } from '@dw/projections';
import { createTestServiceDatabase, createTestTopics, PrivateBroker, TestServiceDatabase, TopicRecorder, probeAppend, uniqueName, waitFor } from '@dw/testing';

/**
 * A Kafka broker that hangs (SIGSTOP: its sockets stay open, every request waits) while commands
 * keep committing. The relay must not hold a database transaction across its sends: an open
 * transaction pins the cluster-wide commit horizon (pg_snapshot_xmin) that every whole-log reader
 * waits below, so before the fix every read model of every service on the cluster froze for as
 * long as Kafka hung. Here, during the outage:
 *   - each command's write is applied by the projection within 2 s (read-your-writes on its position);
 *   - no session of the service role sits idle in a transaction for more than a second (between
 *     the statements of a projection batch it is, for microseconds);
 *   - the outbox gauge reports the backlog as it grows (not the last successful send's view);
 *   - a relay told to drain returns within its drain budget although its send cannot finish.
 * After the broker resumes, a new relay publishes every message: 0 lost.
 */
const metadata: EventMetadata = { actor: { subject: 'fault-test', role: 'ops' }, correlationId: 'outage' };
const BEFORE = 10;
const DURING = 20;
const DRAIN_BUDGET_MS = 3_000;

const seenProjection: Projection<'outage_seen'> = {
  name: 'outage_seen',
  tables: { outage_seen: (table) => `CREATE TABLE ${table} (event_id uuid PRIMARY KEY, stream_id text NOT NULL)` },
  async apply(tx: SqlClient, events: readonly RecordedEvent[], tables) {
    for (const event of events) await tx.query(`INSERT INTO ${tables.outage_seen} (event_id, stream_id) VALUES ($1, $2)`, [event.eventId, event.streamId]);
  },
};

describe('relay during a hung Kafka broker (own broker, SIGSTOP)', () => {
  let broker: PrivateBroker;
  let bus: KafkaJsMessageBus;
  let t: TestServiceDatabase;
  const topic = uniqueName('outage');

  beforeAll(async () => {
    broker = await PrivateBroker.start();
    bus = new KafkaJsMessageBus({ clientId: uniqueName('outage'), brokers: broker.brokers, log: () => undefined });
    await createTestTopics(bus, [topic], 3);
    t = await createTestServiceDatabase('outage', undefined, { poolSize: 6 });
    await ensureProjectionTables(t.owner, [seenProjection], appRole(t.schema));
  });
  afterAll(async () => {
    await t?.close();
    await broker?.stop();
  });

  it('keeps read models current, holds no transaction open, shows the backlog and drains in time; then loses nothing', async () => {
    const runner = new ProjectionRunner(t.db, [seenProjection], { clock: systemClock, pollIntervalMs: 200 });
    const store = new EventStore(t.db, { clock: systemClock, ids: uuidV7Generator, onCommit: () => runner.wake() });
    let backlog = { pending: -1, oldestAgeSeconds: 0 };
    let peakPending = 0;
    const relayOptions = {
      pollIntervalMs: 100,
      leaderRetryMs: 100,
      drainTimeoutMs: DRAIN_BUDGET_MS,
      onBacklog: (pending: number, oldestAgeSeconds: number) => {
        backlog = { pending, oldestAgeSeconds };
        peakPending = Math.max(peakPending, pending);
      },
      onError: () => undefined,
    };
    const first = new OutboxRelay(t.db, bus, relayOptions);
    const recorder = await new TopicRecorder(bus, [topic]).start();
    runner.start();
    await first.start();
    const appended: string[] = [];
    const command = async (n: number): Promise<LogPosition> => {
      const result = await store.append(probeAppend({ streamId: `lot-${n % 4}`, ns: [n], topic, metadata }));
      appended.push(result.events[0]!.eventId);
      return { transactionId: result.transactionId, globalPosition: result.lastGlobalPosition };
    };

    try {
      for (let n = 1; n <= BEFORE; n += 1) await command(n);
      await waitFor(() => recorder.messages.length >= BEFORE, { describe: 'the first messages on Kafka' });

      broker.freeze();
      const lagsMs: number[] = [];
      const idleInTransaction: string[] = [];
      for (let n = BEFORE + 1; n <= BEFORE + DURING; n += 1) {
        const position = await command(n);
        const started = performance.now();
        // Applied within 2 s, or the projections named here are behind.
        expect(await runner.waitUntilApplied(position, 2_000)).toEqual([]);
        lagsMs.push(performance.now() - started);
        const idle = await t.owner.query<{ pid: number; held: number }>(
          `SELECT pid, extract(epoch FROM now() - state_change)::float8 AS held FROM pg_stat_activity
            WHERE usename = $1 AND state = 'idle in transaction' AND now() - state_change > interval '1 second'`,
          [appRole(t.schema)],
        );
        idleInTransaction.push(...idle.rows.map((row) => `${row.pid}:${row.held.toFixed(2)}s`));
        await new Promise((resolve) => setTimeout(resolve, 100)); // commands arrive at about 10 a second
      }
      expect(idleInTransaction).toEqual([]);
      // The gauge reads the outbox: the commands of the outage (at most one batch may have gone out before the freeze took).
      await waitFor(() => backlog.pending >= DURING - 1, {
        timeoutMs: 10_000,
        describe: `the backlog gauge showing the outage's rows (last ${backlog.pending})`,
      });

      const drainStarted = performance.now();
      await first.drain();
      const drainMs = performance.now() - drainStarted;
      // Within its budget, give or take the event loop's scheduling.
      expect(drainMs).toBeLessThan(DRAIN_BUDGET_MS + 250);

      broker.thaw();
      const second = new OutboxRelay(t.db, bus, relayOptions);
      await second.start();
      try {
        await waitFor(() => appended.every((id) => recorder.messages.some((m) => m.headers.ce_id === id)), {
          timeoutMs: 90_000,
          describe: 'every appended event on Kafka after the broker resumed',
        });
        await waitFor(async () => (await t.db.query(`SELECT 1 FROM outbox`)).rowCount === 0, { describe: 'the outbox drained' });
      } finally {
        await second.drain();
      }
      lagsMs.sort((a, b) => a - b);
      process.stdout.write(
        `relay-broker-outage: ${DURING} commands during a hung broker, projection lag p50 ${lagsMs[Math.floor(lagsMs.length / 2)]!.toFixed(0)} ms, ` +
          `max ${lagsMs.at(-1)!.toFixed(0)} ms; backlog gauge peaked at ${peakPending} rows; drain returned in ${drainMs.toFixed(0)} ms ` +
          `(budget ${DRAIN_BUDGET_MS} ms); ${appended.length} of ${appended.length} on Kafka after the resume\n`,
      );
    } finally {
      broker.thaw();
      await first.drain();
      await runner.drain();
      await recorder.stop();
    }
  });
});
