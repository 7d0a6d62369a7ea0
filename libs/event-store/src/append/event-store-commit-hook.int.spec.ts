import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { createTestServiceDatabase, TestServiceDatabase } from '@dw/testing';
import { LOG_START, readAllIn } from '../read/read-all';
import { EventStore } from './event-store';
import { EventMetadata } from './event-types';

const metadata: EventMetadata = { actor: { subject: 'clerk-1', role: 'clerk' }, correlationId: 'corr-1' };
const event = { type: 'CounterIncremented', data: { by: 1 } };

/** onCommit fires when the events are visible to the log's readers, and only then. */
describe('EventStore onCommit', () => {
  let t: TestServiceDatabase;
  let store: EventStore;
  const seenAtCommit: number[] = [];

  beforeAll(async () => {
    t = await createTestServiceDatabase('evcommit');
    store = new EventStore(t.db, {
      clock: new ManualClock('2026-03-02T01:00:00.000Z'),
      ids: new SequentialIdGenerator(),
      // What a projection runner woken here would read: the whole log, from another connection.
      onCommit: () => void readAllIn(t.db, LOG_START, 100).then((page) => seenAtCommit.push(page.events.length)),
    });
  });
  afterAll(() => t.close());

  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it('fires after a single append, with the event readable by the log readers', async () => {
    await store.append({ streamId: 'c-1', streamType: 'counter', expectedVersion: 'no_stream', events: [event], metadata });
    await expectSeen([1]);
  });

  it('fires for the appends of a transaction only once it committed: each sees the whole transaction', async () => {
    await store.transaction(async (tx) => {
      await tx.append({ streamId: 'c-2', streamType: 'counter', expectedVersion: 'no_stream', events: [event], metadata });
      await tx.append({ streamId: 'c-3', streamType: 'counter', expectedVersion: 'no_stream', events: [event], metadata });
    });
    await expectSeen([1, 3, 3]);
  });

  it('fires after the commit of a transaction someone else opened (an inbox consumer binds the store to its own)', async () => {
    await t.db.transaction((sql) =>
      store.bind(sql).append({ streamId: 'c-5', streamType: 'counter', expectedVersion: 'no_stream', events: [event], metadata }),
    );
    await expectSeen([1, 3, 3, 4]);
  });

  it('does not fire when the transaction rolls back', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.append({ streamId: 'c-4', streamType: 'counter', expectedVersion: 'no_stream', events: [event], metadata });
        throw new Error('refused after the append');
      }),
    ).rejects.toThrow('refused after the append');
    await settled();
    expect(seenAtCommit).toEqual([1, 3, 3, 4]);
  });

  /** Waits (with a deadline) for the reads started by onCommit to finish, then checks what they saw. */
  async function expectSeen(expected: number[]): Promise<void> {
    for (let i = 0; i < 100 && seenAtCommit.length < expected.length; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seenAtCommit).toEqual(expected);
  }
});
