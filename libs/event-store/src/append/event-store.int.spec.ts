import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { createTestServiceDatabase, TestServiceDatabase, waitFor } from '@dw/testing';
import { EventStore } from './event-store';
import { EventMetadata } from './event-types';
import { WrongExpectedVersionError } from './wrong-expected-version.error';
import { verifyStream } from '../hash/verify-stream';
import { readAllIn, LOG_START } from '../read/read-all';

const metadata: EventMetadata = { actor: { subject: 'clerk-1', role: 'clerk' }, correlationId: 'corr-1' };
const event = (n: number) => ({ type: 'CounterIncremented', data: { by: n } });

describe('EventStore on PostgreSQL', () => {
  let t: TestServiceDatabase;
  let store: EventStore;
  const clock = new ManualClock('2026-03-02T01:00:00.000Z');

  beforeAll(async () => {
    t = await createTestServiceDatabase('evstore');
    store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  });
  afterAll(() => t.close());

  it('appends to a new stream and reads it back in order with metadata and time', async () => {
    const result = await store.append({ streamId: 'counter-1', streamType: 'counter', expectedVersion: 'no_stream', events: [event(1), event(2)], metadata });
    expect(result.nextVersion).toBe(2);
    const events = await store.readStream('counter-1');
    expect(events.map((e) => [e.streamPosition, e.type, e.data])).toEqual([
      [1, 'CounterIncremented', { by: 1 }],
      [2, 'CounterIncremented', { by: 2 }],
    ]);
    expect(events[0]!.metadata).toEqual(metadata);
    expect(events[0]!.recordedAt.toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(events[0]!.streamType).toBe('counter');
  });

  it('checks the expected version: exact, no_stream and any', async () => {
    await store.append({ streamId: 'counter-2', streamType: 'counter', expectedVersion: 0, events: [event(1)], metadata });
    await expect(
      store.append({ streamId: 'counter-2', streamType: 'counter', expectedVersion: 'no_stream', events: [event(1)], metadata }),
    ).rejects.toMatchObject({ code: 'STREAM_VERSION_CONFLICT', expectedVersion: 'no_stream', actualVersion: 1 });
    await expect(store.append({ streamId: 'counter-2', streamType: 'counter', expectedVersion: 5, events: [event(1)], metadata })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    await expect(store.append({ streamId: 'missing', streamType: 'counter', expectedVersion: 3, events: [event(1)], metadata })).rejects.toMatchObject({
      actualVersion: 0,
    });
    const any = await store.append({ streamId: 'counter-2', streamType: 'counter', expectedVersion: 'any', events: [event(7)], metadata });
    expect(any.nextVersion).toBe(2);
    expect(await store.streamVersion('counter-2')).toBe(2);
  });

  it('lets exactly one of two concurrent appends at the same expected version win', async () => {
    await store.append({ streamId: 'race', streamType: 'counter', expectedVersion: 'no_stream', events: [event(1)], metadata });
    const results = await Promise.allSettled([
      store.append({ streamId: 'race', streamType: 'counter', expectedVersion: 1, events: [event(2)], metadata }),
      store.append({ streamId: 'race', streamType: 'counter', expectedVersion: 1, events: [event(3)], metadata }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(rejected[0]!.reason).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect(await store.readStream('race')).toHaveLength(2);
  });

  it('lets exactly one of many concurrent first appends create a stream', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        store.append({ streamId: 'born-once', streamType: 'counter', expectedVersion: 'no_stream', events: [event(i)], metadata }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await store.readStream('born-once')).toHaveLength(1);
  });

  it('appends to several streams atomically in one transaction, or to none', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.append({ streamId: 'batch-a', streamType: 'counter', expectedVersion: 'no_stream', events: [event(1)], metadata });
        await tx.append({ streamId: 'counter-1', streamType: 'counter', expectedVersion: 0, events: [event(1)], metadata });
      }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await store.streamVersion('batch-a')).toBe(0);
    await store.transaction(async (tx) => {
      await tx.append({ streamId: 'batch-a', streamType: 'counter', expectedVersion: 'no_stream', events: [event(1)], metadata });
      await tx.append({ streamId: 'batch-b', streamType: 'counter', expectedVersion: 'no_stream', events: [event(1)], metadata });
    });
    expect([await store.streamVersion('batch-a'), await store.streamVersion('batch-b')]).toEqual([1, 1]);
  });

  it('writes outbox rows in the same transaction as the events', async () => {
    await store.append({
      streamId: 'with-outbox',
      streamType: 'counter',
      expectedVersion: 'no_stream',
      events: [event(1)],
      metadata,
      outbox: (pending) =>
        pending.map((e) => ({ messageId: e.eventId, topic: 'platform.probe.v1', key: e.streamId, payload: Buffer.from('x'), headers: { ce_type: e.type } })),
    });
    const { rows } = await t.db.query<{ message_key: string; headers: Record<string, string> }>(`SELECT message_key, headers FROM outbox`);
    expect(rows).toEqual([{ message_key: 'with-outbox', headers: { ce_type: 'CounterIncremented' } }]);
    // A failed append leaves no outbox row behind.
    await expect(
      store.append({
        streamId: 'with-outbox',
        streamType: 'counter',
        expectedVersion: 0,
        events: [event(2)],
        metadata,
        outbox: (pending) => pending.map((e) => ({ messageId: e.eventId, topic: 't', key: 'k', payload: Buffer.from('y'), headers: {} })),
      }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await t.db.query(`SELECT 1 FROM outbox`)).rowCount).toBe(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events to the service role', async () => {
    await expect(t.db.query(`UPDATE events SET data = '{}'::jsonb`)).rejects.toMatchObject({ code: '42501' });
    await expect(t.db.query(`DELETE FROM events`)).rejects.toMatchObject({ code: '42501' });
    await expect(t.db.query(`TRUNCATE events`)).rejects.toMatchObject({ code: '42501' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM events`)).rows[0]).toEqual({ n: expect.any(Number) });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events, and removal of a stream’s head row, to the owner too: triggers back the grants', async () => {
    await store.append({ streamId: 'guarded', streamType: 'counter', expectedVersion: 'no_stream', events: [event(1)], metadata });
    const refused = { code: '42501', message: expect.stringContaining('append-only') };
    await expect(t.owner.query(`UPDATE events SET data = '{}'::jsonb WHERE stream_id = 'guarded'`)).rejects.toMatchObject(refused);
    await expect(t.owner.query(`DELETE FROM events WHERE stream_id = 'guarded'`)).rejects.toMatchObject(refused);
    await expect(t.owner.query(`TRUNCATE events`)).rejects.toMatchObject(refused);
    await expect(t.owner.query(`DELETE FROM streams WHERE stream_id = 'guarded'`)).rejects.toMatchObject(refused);
    await expect(t.owner.query(`TRUNCATE streams`)).rejects.toMatchObject(refused);
    expect(await verifyStream(t.db, 'guarded')).toEqual({ streamId: 'guarded', ok: true, events: 1 });
  });

  it('gives the service role’s sessions limits, so no transaction pins the commit horizon for long', async () => {
    // Set on the role by provisioning, so every pooled connection of the service has them.
    const limits = await t.db.query<{ idle: string; statement: string }>(
      `SELECT current_setting('idle_in_transaction_session_timeout') AS idle, current_setting('statement_timeout') AS statement`,
    );
    expect(limits.rows[0]).toEqual({ idle: '30s', statement: '1min' });
  });

  it('reports an event id already in the log as a duplicate, not as a version conflict', async () => {
    const first = await store.append({ streamId: 'dup-1', streamType: 'counter', expectedVersion: 'no_stream', events: [event(1)], metadata });
    const replayed = store.append({
      streamId: 'dup-2',
      streamType: 'counter',
      expectedVersion: 'no_stream',
      events: [{ ...event(1), eventId: first.events[0]!.eventId }],
      metadata,
    });
    await expect(replayed).rejects.toMatchObject({ name: 'DuplicateEventIdError', code: 'DUPLICATE_EVENT_ID', streamId: 'dup-2' });
    expect(await store.streamVersion('dup-2')).toBe(0);
  });

  it('detects a one-byte change made to an event by the database owner', async () => {
    await store.append({ streamId: 'tamper', streamType: 'counter', expectedVersion: 'no_stream', events: [event(100), event(200), event(300)], metadata });
    expect(await verifyStream(t.db, 'tamper')).toEqual({ streamId: 'tamper', ok: true, events: 3 });
    // 200 -> 201: one byte of the stored JSON, changed by the owner after disabling the trigger.
    await asDbaBypassingTriggers(t, `UPDATE events SET data = '{"by": 201}'::jsonb WHERE stream_id = 'tamper' AND stream_position = 2`);
    expect(await verifyStream(t.db, 'tamper')).toEqual({ streamId: 'tamper', ok: false, events: 3, brokenAt: 2, reason: 'digest_mismatch' });
  });

  it('refuses the service role the removal of a stream’s head row, and verify reports one removed by the owner', async () => {
    await store.append({ streamId: 'headless', streamType: 'counter', expectedVersion: 'no_stream', events: [event(1), event(2)], metadata });
    await expect(t.db.query(`DELETE FROM streams WHERE stream_id = 'headless'`)).rejects.toMatchObject({ code: '42501' });
    await expect(t.db.query(`TRUNCATE streams`)).rejects.toMatchObject({ code: '42501' });
    expect(await verifyStream(t.db, 'headless')).toEqual({ streamId: 'headless', ok: true, events: 2 });
    // Without its head row the next append would start the stream again at version 1.
    await asDbaBypassingTriggers(t, `DELETE FROM streams WHERE stream_id = 'headless'`);
    expect(await verifyStream(t.db, 'headless')).toEqual({ streamId: 'headless', ok: false, events: 2, brokenAt: 2, reason: 'head_missing' });
  });

  it('detects a recomputed digest too: the chain breaks at the edited event', async () => {
    await store.append({ streamId: 'tamper-2', streamType: 'counter', expectedVersion: 'no_stream', events: [event(1), event(2)], metadata });
    await asDbaBypassingTriggers(t, `UPDATE events SET digest = sha256('forged') WHERE stream_id = 'tamper-2' AND stream_position = 1`);
    expect(await verifyStream(t.db, 'tamper-2')).toMatchObject({ ok: false, brokenAt: 1, reason: 'digest_mismatch' });
  });

  it('reads the whole log in commit order from a two-part position', async () => {
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`);
    // The reader sees only what lies below the oldest transaction running anywhere on the
    // cluster: another test's open transaction holds the last events back until it ends.
    const all = await waitFor(
      async () => {
        const first = await readAllIn(t.db, LOG_START, 3);
        expect(first.events).toHaveLength(3);
        const rest = await readAllIn(t.db, first.position, 10_000);
        const read = [...first.events, ...rest.events];
        return read.length === rows[0]!.n ? read : undefined;
      },
      { describe: `all ${rows[0]!.n} events below the commit horizon` },
    );
    expect(new Set(all.map((e) => e.eventId)).size).toBe(all.length);
  });
});

/** What a DBA set on tampering must do: disable the log's triggers (as the owner), edit, enable them again. */
async function asDbaBypassingTriggers(t: TestServiceDatabase, edit: string): Promise<void> {
  await t.owner.transaction(async (tx) => {
    await tx.query(`ALTER TABLE events DISABLE TRIGGER USER`);
    await tx.query(`ALTER TABLE streams DISABLE TRIGGER USER`);
    await tx.query(edit);
    await tx.query(`ALTER TABLE events ENABLE TRIGGER USER`);
    await tx.query(`ALTER TABLE streams ENABLE TRIGGER USER`);
  });
}
