import { systemClock, uuidV7Generator } from '@dw/kernel';
import { EventMetadata, EventStore } from '@dw/event-store';
import { OutboxRelay } from '@dw/messaging';
import { ensureProjectionTables, ProjectionRunner } from '@dw/projections';
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
import { probeProjection } from './fixtures/probe-projection';

/**
 * A bigserial alone loses events under concurrent writers (README.md, "How it holds together";
 * ADR 0002). 16 writers
 * append 50,000 events, each transaction holding its global positions for a random while
 * before committing. The relay (through real Kafka) and a projection must see every event
 * exactly once and each stream in order; a reader that follows `global_position > last`
 * must miss at least one — which proves the scenario really produces late commits.
 */
const WRITERS = 16;
const TOTAL_EVENTS = 50_000;
const STREAMS_PER_WRITER = 8;
const metadata: EventMetadata = { actor: { subject: 'load', role: 'ops' }, correlationId: 'commit-order' };

describe('commit-order reading under 16 concurrent writers (PostgreSQL + Kafka)', () => {
  let t: TestServiceDatabase;
  const bus = testMessageBus();
  const topic = uniqueName('commit-order');

  beforeAll(async () => {
    t = await createTestServiceDatabase('order', undefined, { poolSize: WRITERS + 4 });
    await ensureProjectionTables(t.owner, [probeProjection], `${t.schema}_app`);
    await createTestTopics(bus, [topic], 8);
  });
  afterAll(async () => {
    await deleteTestTopics(bus, [topic]);
    await t.close();
  });

  it('delivers all 50,000 events exactly once and in stream order, where a naive reader misses some', async () => {
    const store = new EventStore(t.db, { clock: systemClock, ids: uuidV7Generator });
    const relay = new OutboxRelay(t.db, bus, { batchSize: 1_000, pollIntervalMs: 50 });
    const runner = new ProjectionRunner(t.db, [probeProjection], { clock: systemClock, batchSize: 2_000, pollIntervalMs: 20 });
    const recorder = await new TopicRecorder(bus, [topic]).start();

    const naiveSeen = new Set<string>();
    let writing = true;
    const naiveReader = (async () => {
      let last = 0;
      while (writing) {
        const { rows } = await t.db.query<{ global_position: string; event_id: string }>(
          `SELECT global_position, event_id FROM events WHERE global_position > $1 ORDER BY global_position LIMIT 5000`,
          [last],
        );
        for (const row of rows) naiveSeen.add(row.event_id);
        if (rows.length > 0) last = Number(rows[rows.length - 1]!.global_position);
        else await new Promise((resolve) => setTimeout(resolve, 2)); // a reader's poll interval
      }
    })();

    await relay.start();
    runner.start();
    const perWriter = TOTAL_EVENTS / WRITERS;
    const writer = async (w: number) => {
      const versions = new Array<number>(STREAMS_PER_WRITER).fill(0);
      let written = 0;
      while (written < perWriter) {
        const s = Math.floor(Math.random() * STREAMS_PER_WRITER);
        const count = Math.min(1 + Math.floor(Math.random() * 4), perWriter - written);
        const streamId = `w${w}-s${s}`;
        const from = versions[s]!;
        await store.transaction(async (tx) => {
          await tx.append(probeAppend({ streamId, ns: Array.from({ length: count }, (_, i) => from + i + 1), topic, metadata, expectedVersion: from }));
          // Hold the allocated positions for a while before committing (0–4 ms).
          await tx.sql.query(`SELECT pg_sleep(random() * 0.004)`);
        });
        versions[s] = from + count;
        written += count;
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    const wroteMs = Date.now() - started;
    await naiveReader;

    const { rows: countRows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`);
    expect(countRows[0]!.n).toBe(TOTAL_EVENTS);

    // Projection: every event exactly once (event_id is its primary key), each stream in order.
    await waitFor(async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM probe_applied`)).rows[0]!.n === TOTAL_EVENTS, {
      timeoutMs: 120_000,
      describe: 'projection caught up',
    });
    const projectedMs = Date.now() - started;
    const outOfOrder = await t.db.query(
      `SELECT stream_id FROM (SELECT stream_id, stream_position, row_number() OVER (PARTITION BY stream_id ORDER BY applied_seq) AS rn FROM probe_applied) x
        WHERE stream_position <> rn LIMIT 1`,
    );
    expect(outOfOrder.rowCount).toBe(0);

    // Relay through Kafka: every event once, each aggregate's messages in order.
    await waitFor(() => recorder.messages.length >= TOTAL_EVENTS, { timeoutMs: 180_000, describe: 'all messages on Kafka' });
    const relayedMs = Date.now() - started;
    const ids = recorder.messages.map((m) => m.headers.ce_id!);
    expect(new Set(ids).size).toBe(TOTAL_EVENTS);
    expect(ids).toHaveLength(TOTAL_EVENTS);
    const byKey = new Map<string, number[]>();
    for (const m of recorder.messages) byKey.set(m.key!, [...(byKey.get(m.key!) ?? []), Number(m.value.toString())]);
    for (const [, positions] of byKey) expect(positions).toEqual(positions.map((_, i) => i + 1));

    // The naive reader lost events that committed after a later position was already visible.
    expect(naiveSeen.size).toBeLessThan(TOTAL_EVENTS);
    process.stdout.write(
      `commit-order: wrote ${TOTAL_EVENTS} events in ${wroteMs} ms; projection complete at ${projectedMs} ms, Kafka at ${relayedMs} ms; ` +
        `naive global_position reader missed ${TOTAL_EVENTS - naiveSeen.size}\n`,
    );

    await runner.drain();
    await relay.drain();
    await recorder.stop();
  }, 300_000);
});
