import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { createTestServiceDatabase, TestServiceDatabase } from '@dw/testing';
import { EventStore, EventStoreTransaction } from '../append/event-store';
import { EventMetadata, RecordedEvent } from '../append/event-types';
import { LOG_START, LogPosition, readAllIn } from './read-all';

const metadata: EventMetadata = { actor: { subject: 'consumer', role: 'system' }, correlationId: 'corr' };
const tick = { type: 'Ticked', data: {} };

/**
 * Whole-log readers (the projection runner and rebuild both page through readAllIn) must see
 * every stream in stream-position order, whatever order its writers took their xids in. The
 * hazard: an inbox consumer's transaction inserts its inbox row first (that write gives it its
 * xid), then appends; an HTTP command that appended to the same stream meanwhile has a newer
 * xid but an older position.
 */
describe('whole-log readers see each stream in position order', () => {
  let t: TestServiceDatabase;
  let store: EventStore;
  let inboxRows = 0;

  beforeAll(async () => {
    t = await createTestServiceDatabase('streamorder', undefined, { poolSize: 12 });
    store = new EventStore(t.db, { clock: new ManualClock('2026-03-02T01:00:00.000Z'), ids: new SequentialIdGenerator() });
  });
  afterAll(() => t.close());

  /** What an inbox consumer writes before it decides: a write, so its transaction takes its xid here. */
  const recordInboxRow = (tx: EventStoreTransaction) =>
    tx.sql.query(`INSERT INTO inbox (consumer_group, message_id, topic, partition, "offset", processed_at) VALUES ('g', $1, 't', 0, 0, now())`, [
      `m-${++inboxRows}`,
    ]);

  it('reads the HTTP append (position 2) before the older-xid inbox transaction’s append (position 3)', async () => {
    await store.append({ streamId: 'lot-1', streamType: 'lot', expectedVersion: 'no_stream', events: [tick], metadata });
    let releaseInbox!: () => void;
    const httpCommitted = new Promise<void>((resolve) => (releaseInbox = resolve));
    const inbox = store.transaction(async (tx) => {
      await recordInboxRow(tx);
      await httpCommitted;
      await tx.append({ streamId: 'lot-1', streamType: 'lot', expectedVersion: 2, events: [tick], metadata });
    });
    // The inbox transaction has its xid before this one starts, so this one's xid is newer.
    await waitForXidOfOpenTransaction(t);
    await store.append({ streamId: 'lot-1', streamType: 'lot', expectedVersion: 1, events: [tick], metadata });
    releaseInbox();
    await inbox;

    const positions = (await readWholeLog(t, 1)).filter((e) => e.streamId === 'lot-1').map((e) => e.streamPosition);
    expect(positions).toEqual([1, 2, 3]);
  });

  it('keeps every stream in order under 240 interleaved inbox and HTTP transactions on 3 shared streams, live and rebuilt', async () => {
    const streams = ['shared-a', 'shared-b', 'shared-c'];
    const random = seeded(20261207);
    const xidOrderInversions = { count: 0 };
    const lastXidOf = new Map<string, bigint>();
    const live: RecordedEvent[] = [];
    let writing = true;

    // A live reader pages through the log (7 events a page) while the writers run, as the runner does.
    const reader = (async () => {
      let position: LogPosition = LOG_START;
      for (;;) {
        const done = !writing;
        const page = await readAllIn(t.db, position, 7);
        live.push(...page.events);
        position = page.position;
        if (done && page.events.length === 0) return;
        if (page.events.length === 0) await t.db.query(`SELECT pg_sleep(0.005)`);
      }
    })();

    const writer = async (transactions: number) => {
      for (let i = 0; i < transactions; i++) {
        const consumer = random() < 0.5;
        const streamId = streams[Math.floor(random() * streams.length)]!;
        await store.transaction(async (tx) => {
          if (consumer) await recordInboxRow(tx);
          // A round trip between the first write and the append, as a decide that reads state has.
          await tx.readStream(streamId);
          await tx.append({ streamId, streamType: 'shared', expectedVersion: 'any', events: [tick], metadata });
          const { rows } = await tx.sql.query<{ xid: string }>(`SELECT pg_current_xact_id()::text AS xid`);
          const xid = BigInt(rows[0]!.xid);
          // Counted under the stream's row lock, so appends of one stream reach here in position order.
          if (xid < (lastXidOf.get(streamId) ?? 0n)) xidOrderInversions.count++;
          lastXidOf.set(streamId, xid);
        });
      }
    };
    await Promise.all(Array.from({ length: 8 }, () => writer(30)));
    writing = false;
    await reader;
    const rebuilt = await readWholeLog(t, 11);

    console.log(
      `stream order: 240 transactions, ${xidOrderInversions.count} appended with an older xid than the stream's previous append; ` +
        `inversions seen live ${inversions(live, streams)}, rebuilt ${inversions(rebuilt, streams)}`,
    );
    // The hazard really happened (an xid-ordered log would have shown these out of order) ...
    expect(xidOrderInversions.count).toBeGreaterThan(0);
    // ... and neither reader saw it: each stream arrives complete and in position order.
    for (const events of [live, rebuilt]) {
      for (const streamId of streams) {
        const positions = events.filter((e) => e.streamId === streamId).map((e) => e.streamPosition);
        expect(positions).toEqual(positions.map((_, index) => index + 1));
      }
    }
    expect(rebuilt.filter((e) => streams.includes(e.streamId))).toHaveLength(240);
  });
});

async function readWholeLog(t: TestServiceDatabase, pageSize: number): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let position = LOG_START;
  for (;;) {
    const page = await readAllIn(t.db, position, pageSize);
    if (page.events.length === 0) return events;
    events.push(...page.events);
    position = page.position;
  }
}

function inversions(events: RecordedEvent[], streams: string[]): number {
  let count = 0;
  for (const streamId of streams) {
    const positions = events.filter((e) => e.streamId === streamId).map((e) => e.streamPosition);
    for (let i = 1; i < positions.length; i++) if (positions[i]! < positions[i - 1]!) count++;
  }
  return count;
}

/** Waits until some other session of this schema has an open transaction holding an xid. */
async function waitForXidOfOpenTransaction(t: TestServiceDatabase): Promise<void> {
  for (;;) {
    const { rows } = await t.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND state = 'idle in transaction' AND query LIKE 'INSERT INTO inbox%'`,
    );
    if (rows[0]!.n > 0) return;
  }
}

/** A small deterministic PRNG (mulberry32), so a failing interleaving's choices can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = a;
    r = Math.imul(r ^ (r >>> 15), r | 1);
    r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
