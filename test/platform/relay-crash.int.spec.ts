import { systemClock, uuidV7Generator } from '@dw/kernel';
import { appRole, EventMetadata, EventStore } from '@dw/event-store';
import { InboxConsumer } from '@dw/messaging';
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
import { RelayExit, RelayProcess } from './fixtures/relay-process-handle';
import { BARRIER_HEADER, writeBarrier } from './fixtures/topic-barrier';

/**
 * Issue acceptance: "The relay process killed with SIGKILL 20 times while 10,000 events are
 * appended: every event reaches Kafka at least once; a consumer with the inbox applies each
 * exactly once."
 *
 * The relay runs in its own OS process (fixtures/relay-process.ts) and is killed by PID with
 * SIGKILL: no drain, no abort, no producer disconnect, its advisory lock released only because
 * PostgreSQL sees the socket close, its open Kafka transaction aborted only because the next
 * relay's producer fences it. Kills land at three kinds of moment:
 *   - blind: a random 0–300 ms after the relay is up (connecting leadership, mid-send, idle);
 *   - on ack: the relay is started frozen after each committed publish (fixtures/relay-process.ts,
 *     stallAfterAckMs) and killed on its first one, i.e. between the Kafka commit and the batch's
 *     DELETE: that batch is on Kafka and still in the outbox, so it must be republished
 *     (duplicates are certain, and the inbox must skip them);
 *   - shortly after an ack: a random 0–50 ms later.
 * Appends are released in slices, half after each kill (while the next relay starts) and half
 * once it is up (while it publishes), so they continue through all 20 kills.
 *
 * How this test fails when the relay is wrong: if the relay deleted its rows before the broker
 * committed them, a kill between that commit and the ack loses the batch:
 * those ids are missing from the topic (the `missing` assertion lists them), the consumer never
 * applies them (the inbox and crash_applied stay below 10,000) and the outbox still ends empty.
 * If the inbox did not deduplicate, a republished message would be applied twice
 * (crash_applied.applications = 2 for its id).
 */
const TOTAL_EVENTS = 10_000;
const KILLS = 20;
const WRITERS = 4;
const STREAMS_PER_WRITER = 16;
const PARTITIONS = 8;
/** One slice of appends is released at each kill and at each relay's `ready`. */
const SLICES = 2 * KILLS + 2;
const metadata: EventMetadata = { actor: { subject: 'fault', role: 'ops' }, correlationId: 'relay-crash' };

const randomMs = (max: number) => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * max)));

describe('outbox relay killed with SIGKILL 20 times while 10,000 events are appended (PostgreSQL + Kafka)', () => {
  let t: TestServiceDatabase;
  const bus = testMessageBus();
  const topic = uniqueName('relay-crash');
  const groupId = uniqueName('relay-crash-consumer');
  const deadLetterTopic = `${groupId}.dlq`;
  const relays: RelayProcess[] = [];

  beforeAll(async () => {
    t = await createTestServiceDatabase('relaycrash', undefined, { poolSize: WRITERS + PARTITIONS + 4 });
    // The consumer's own read model: one row per message id, counting how often it was applied.
    await t.owner.query(`CREATE TABLE crash_applied (
      message_id uuid PRIMARY KEY, stream_id text NOT NULL, n bigint NOT NULL, applications integer NOT NULL DEFAULT 1)`);
    await t.owner.query(`GRANT SELECT, INSERT, UPDATE ON crash_applied TO ${appRole(t.schema)}`);
    await createTestTopics(bus, [topic, deadLetterTopic], PARTITIONS);
  });
  afterAll(async () => {
    // Only when the test failed half-way are some of our own relay processes still running.
    await Promise.all(relays.filter((r) => r.running).map((r) => r.kill()));
    await deleteTestTopics(bus, [topic, deadLetterTopic]);
    await t.close();
  });

  it('every event reaches Kafka at least once and the inbox consumer applies each exactly once', async () => {
    const started = Date.now();
    const store = new EventStore(t.db, { clock: systemClock, ids: uuidV7Generator });
    const recorder = await new TopicRecorder(bus, [topic]).start();
    const outcomes = { applied: 0, duplicate: 0, retried: 0, waited: 0, dead_lettered: 0, parked: 0 };
    const consumer = new InboxConsumer(t.db, bus, {
      groupId,
      topics: [topic],
      clock: systemClock,
      partitionsConsumedConcurrently: PARTITIONS,
      onOutcome: (outcome) => (outcomes[outcome] += 1),
      handler: async ({ tx, message, messageId }) => {
        await tx.query(
          `INSERT INTO crash_applied (message_id, stream_id, n) VALUES ($1, $2, $3)
           ON CONFLICT (message_id) DO UPDATE SET applications = crash_applied.applications + 1`,
          [messageId, message.key, Number(message.value.toString())],
        );
      },
    });
    await consumer.start();

    // Writers: each owns its streams (so each stream's appends are sequential), appends 1–3
    // events per transaction with their outbox rows, and never runs ahead of the released slices.
    let slicesReleased = 1;
    const allowance = () => Math.round((TOTAL_EVENTS * slicesReleased) / SLICES);
    let reserved = 0;
    const appendedIds = new Set<string>();
    const writer = async (w: number) => {
      const versions = new Array<number>(STREAMS_PER_WRITER).fill(0);
      while (reserved < TOTAL_EVENTS) {
        if (reserved >= allowance()) {
          await waitFor(() => reserved < allowance(), { timeoutMs: 60_000, intervalMs: 5, describe: 'the next slice of appends' });
          continue;
        }
        const count = Math.min(1 + Math.floor(Math.random() * 3), allowance() - reserved);
        reserved += count;
        const s = Math.floor(Math.random() * STREAMS_PER_WRITER);
        const from = versions[s]!;
        versions[s] = from + count;
        const result = await store.append(
          probeAppend({ streamId: `w${w}-s${s}`, ns: Array.from({ length: count }, (_, i) => from + i + 1), topic, metadata, expectedVersion: from }),
        );
        for (const e of result.events) appendedIds.add(e.eventId);
      }
    };
    const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing.catch(() => undefined); // awaited below; keeps a writer's failure from surfacing as unhandled meanwhile

    const exits: RelayExit[] = [];
    const killedAt: string[] = [];
    for (let k = 0; k < KILLS; k += 1) {
      const moment = (['blind', 'on-ack', 'after-ack'] as const)[k % 3]!;
      // The freeze is the injected fault; the kill ends it long before it would run out.
      const relay = RelayProcess.start(t.schema, { stallAfterAckMs: moment === 'on-ack' ? 10_000 : 0 });
      relays.push(relay);
      await relay.ready();
      slicesReleased += 1;
      if (moment === 'blind') await randomMs(300);
      else {
        await relay.nextPublish();
        if (moment === 'after-ack') await randomMs(50);
      }
      exits.push(await relay.kill());
      killedAt.push(`${moment}@${relay.published}`);
      slicesReleased += 1;
    }
    const final = RelayProcess.start(t.schema);
    relays.push(final);
    await final.ready();
    slicesReleased += 1;
    await writing;
    const appendedMs = Date.now() - started;

    // Twenty kills, each one really a SIGKILL (not an exit of the relay's own).
    expect(exits).toHaveLength(KILLS);
    expect(exits.filter((e) => e.signal === 'SIGKILL')).toHaveLength(KILLS);
    expect(appendedIds.size).toBe(TOTAL_EVENTS);
    const events = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`);
    expect(events.rows[0]!.n).toBe(TOTAL_EVENTS);

    // The final relay drains the rest, then stops gracefully.
    await waitFor(async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox`)).rows[0]!.n === 0, {
      timeoutMs: 60_000,
      describe: 'the outbox drained by the final relay',
    });
    expect(await final.stop()).toEqual({ code: 0, signal: null });

    // Everything on the topic now is final. The consumer is done once it applied every event
    // (each partition's last record is a first delivery: republished rows go out before newer
    // ones); then a barrier in every partition tells when the recorder has read all of it.
    await waitFor(() => outcomes.applied + outcomes.dead_lettered >= TOTAL_EVENTS, {
      timeoutMs: 60_000,
      describe: `the inbox consumer applying all ${TOTAL_EVENTS} events`,
    });
    await consumer.drain();
    const metBarrier = await writeBarrier(topic);
    await waitFor(() => metBarrier(recorder.messages), { timeoutMs: 60_000, describe: 'the recorder reading up to the barrier' });
    await recorder.stop();
    const published = recorder.messages.filter((m) => m.headers[BARRIER_HEADER] === undefined);
    const onTopic = published.length;

    // At least once: every appended event id is on the topic, and nothing else is.
    const ids = published.map((m) => m.headers.ce_id!);
    const seen = new Set(ids);
    const missing = [...appendedIds].filter((id) => !seen.has(id));
    expect({ missing: missing.length, firstMissing: missing.slice(0, 10) }).toEqual({ missing: 0, firstMissing: [] });
    expect([...seen].filter((id) => !appendedIds.has(id))).toEqual([]);
    // Duplicates, named by aggregate and position (`w1-s4#7×2`): which rows a killed relay had
    // published but not yet deleted.
    const copies = new Map<string, number>();
    for (const m of published) {
      const name = `${m.key}#${m.value.toString()}`;
      copies.set(name, (copies.get(name) ?? 0) + 1);
    }
    const duplicated = [...copies].filter(([, n]) => n > 1);
    const duplicates = ids.length - seen.size;
    // Each kill on an ack left at least one acknowledged message undeleted, to be sent again.
    expect(duplicates).toBeGreaterThanOrEqual(killedAt.filter((k) => k.startsWith('on-ack')).length);

    // Republishing never reorders an aggregate: its first deliveries are 1, 2, 3, ... in order.
    const firstByKey = new Map<string, number[]>();
    const firstSeen = new Set<string>();
    for (const m of published) {
      if (firstSeen.has(m.headers.ce_id!)) continue;
      firstSeen.add(m.headers.ce_id!);
      firstByKey.set(m.key!, [...(firstByKey.get(m.key!) ?? []), Number(m.value.toString())]);
    }
    for (const [, ns] of firstByKey) expect(ns).toEqual(ns.map((_, i) => i + 1));

    // Exactly once in effect: each id applied once, the inbox holds each id once, duplicates skipped.
    expect(outcomes.applied).toBe(TOTAL_EVENTS);
    expect(outcomes.dead_lettered).toBe(0);
    expect(outcomes.duplicate).toBeGreaterThanOrEqual(duplicates);
    const applied = await t.db.query<{ n: number; max: number; matching: number }>(
      `SELECT count(*)::int AS n, max(applications)::int AS max, count(*) FILTER (WHERE message_id = ANY($1::uuid[]))::int AS matching FROM crash_applied`,
      [[...appendedIds]],
    );
    expect(applied.rows[0]).toEqual({ n: TOTAL_EVENTS, max: 1, matching: TOTAL_EVENTS });
    const inbox = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox WHERE consumer_group = $1`, [groupId]);
    expect(inbox.rows[0]!.n).toBe(TOTAL_EVENTS);
    const outbox = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox`);
    expect(outbox.rows[0]!.n).toBe(0);

    process.stdout.write(
      `relay-crash: ${TOTAL_EVENTS} events appended through ${KILLS} SIGKILLs in ${appendedMs} ms, all consumed at ${Date.now() - started} ms; ` +
        `${onTopic} messages on Kafka, ${duplicates} duplicates of ${duplicated.length} ids ` +
        `(consumer skipped ${outcomes.duplicate}, retried ${outcomes.retried}).\n` +
        `  kills (moment@messages acked by that relay): ${killedAt.join(' ')}\n` +
        (duplicated.length > 0 ? `  duplicated: ${duplicated.map(([name, n]) => `${name}×${n}`).join(' ')}\n` : ''),
    );
    // The whole run is 20 kill-and-restart cycles of a child process over 10,000 appends: about a
    // minute on an idle two-core machine, longer on a loaded one. Each wait above has its own
    // bound; this one only stops a run that hangs.
  }, 300_000);
});
