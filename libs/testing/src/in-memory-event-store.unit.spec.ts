import { handleCommand, WrongExpectedVersionError, type EventMetadata } from '@dw/event-store';
import { type Command, type Decider, type DomainEvent, refuse } from '@dw/kernel';
import { InMemoryEventStore } from './in-memory-event-store';

const metadata: EventMetadata = { actor: { subject: 'clerk-1', role: 'clerk' }, correlationId: 'c-1' };
const added = (n: number) => ({ type: 'Added', data: { n } });

type Add = Command<'Add', { readonly n: number }>;
type Added = DomainEvent<'Added', { readonly n: number }>;
/** A counter that refuses to pass 10: enough to drive handleCommand through the store. */
const counter: Decider<Add, number, Added> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.n,
  decide: (command, total) => {
    if (total + command.data.n > 10) throw refuse.conflict('OVER_TEN', 'the counter stops at 10');
    return [{ type: 'Added', data: { n: command.data.n } }];
  },
};

describe('InMemoryEventStore', () => {
  it('numbers a stream’s events from 1 and the log’s from 1, and reads from a position on', async () => {
    const store = new InMemoryEventStore();
    await store.append({ streamId: 'a', streamType: 't', expectedVersion: 'no_stream', events: [added(1), added(2)], metadata });
    await store.append({ streamId: 'b', streamType: 't', expectedVersion: 'no_stream', events: [added(3)], metadata });
    await store.append({ streamId: 'a', streamType: 't', expectedVersion: 2, events: [added(4)], metadata });

    expect((await store.readStream('a')).map((e) => [e.streamPosition, e.globalPosition, e.data])).toEqual([
      [1, 1, { n: 1 }],
      [2, 2, { n: 2 }],
      [3, 4, { n: 4 }],
    ]);
    expect((await store.readStream('a', 2)).map((e) => e.data)).toEqual([{ n: 4 }]);
    expect(await store.streamVersion('a')).toBe(3);
    expect(await store.streamVersion('never-written')).toBe(0);
  });

  it('refuses an append whose expected version is not the stream’s', async () => {
    const store = new InMemoryEventStore();
    await store.append({ streamId: 'a', streamType: 't', expectedVersion: 'no_stream', events: [added(1)], metadata });

    await expect(store.append({ streamId: 'a', streamType: 't', expectedVersion: 'no_stream', events: [added(2)], metadata })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    await expect(store.append({ streamId: 'a', streamType: 't', expectedVersion: 0, events: [added(2)], metadata })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await store.streamVersion('a')).toBe(1);
  });

  it('stores values, not references: changing what was appended does not change the log', async () => {
    const store = new InMemoryEventStore();
    const data = { n: 1 };
    await store.append({ streamId: 'a', streamType: 't', expectedVersion: 'any', events: [{ type: 'Added', data }], metadata });
    data.n = 99;

    expect((await store.readStream('a'))[0]!.data).toEqual({ n: 1 });
  });

  it('shows a transaction its own appends, shows others nothing until it commits, and discards everything when it fails', async () => {
    const store = new InMemoryEventStore();
    const failed = store.transaction(async (tx) => {
      await tx.append({ streamId: 'a', streamType: 't', expectedVersion: 'no_stream', events: [added(1)], metadata });
      await tx.append({ streamId: 'b', streamType: 't', expectedVersion: 'no_stream', events: [added(2)], metadata });
      expect(await tx.streamVersion('a')).toBe(1);
      expect((await tx.readStream('b')).map((e) => e.data)).toEqual([{ n: 2 }]);
      expect(await store.streamVersion('a')).toBe(0);
      throw new Error('refused half way');
    });

    await expect(failed).rejects.toThrow('refused half way');
    expect(store.all()).toEqual([]);
  });

  it('of two transactions that read the same version, lets the one that commits first win and refuses the other as a version conflict', async () => {
    const store = new InMemoryEventStore();
    await store.append({ streamId: 'a', streamType: 't', expectedVersion: 'no_stream', events: [added(1)], metadata });
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));

    const first = store.transaction(async (tx) => {
      await tx.append({ streamId: 'a', streamType: 't', expectedVersion: await tx.streamVersion('a'), events: [added(2)], metadata });
      await firstMayCommit;
    });
    const second = store.transaction(async (tx) => {
      await tx.append({ streamId: 'a', streamType: 't', expectedVersion: await tx.streamVersion('a'), events: [added(3)], metadata });
    });
    // The second decided on version 1 as well and commits first; the first then loses.
    await second;
    releaseFirst();

    await expect(first).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await store.readStream('a')).map((e) => e.data)).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('keeps the outbox messages of committed transactions only, in commit order', async () => {
    const store = new InMemoryEventStore();
    const outbox = (events: readonly { eventId: string; streamId: string }[]) =>
      events.map((e) => ({ messageId: e.eventId, topic: 'topic', key: e.streamId, payload: new Uint8Array(), headers: {} }));
    await store.append({ streamId: 'a', streamType: 't', expectedVersion: 'any', events: [added(1)], metadata, outbox });
    await expect(
      store.transaction(async (tx) => {
        await tx.append({ streamId: 'b', streamType: 't', expectedVersion: 'any', events: [added(2)], metadata, outbox });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await store.append({ streamId: 'c', streamType: 't', expectedVersion: 'any', events: [added(3)], metadata, outbox });

    expect(store.outbox.map((m) => m.key)).toEqual(['a', 'c']);
  });

  it('runs handleCommand as the PostgreSQL store does: decides on the stream, appends, and a refusal appends nothing', async () => {
    const store = new InMemoryEventStore();
    const add = (n: number) =>
      handleCommand(store, { streamId: 'counter', streamType: 'counter', decider: counter, command: { type: 'Add', data: { n } }, metadata });

    expect((await add(6)).state).toBe(6);
    expect((await add(4)).version).toBe(2);
    await expect(add(1)).rejects.toMatchObject({ code: 'OVER_TEN' });
    expect(await store.streamVersion('counter')).toBe(2);
  });

  it('answers a handler that reaches for SQL with a clear error', async () => {
    const store = new InMemoryEventStore();

    await expect(store.transaction((tx) => tx.sql.query('SELECT 1'))).rejects.toThrow(/no SQL/);
  });
});
