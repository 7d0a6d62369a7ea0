import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { EventStore } from '../append/event-store';
import type { EventMetadata } from '../append/event-types';
import { WrongExpectedVersionError } from '../append/wrong-expected-version.error';

const metadata: EventMetadata = { actor: { subject: 'bank', role: 'bank' }, correlationId: 'c' };
const noted = (note: string) => ({ type: 'Noted', data: { note } });

/**
 * A unit of work is one transaction that every statement and transaction of the same Database
 * made inside it joins, each as a savepoint: what the code inside does commits together or not
 * at all, a failed statement is undone alone, and after-commit callbacks wait for the unit.
 */
describe('Database.unitOfWork', () => {
  let t: TestServiceDatabase;
  let store: EventStore;

  beforeAll(async () => {
    t = await createTestServiceDatabase('unitofwork', undefined, { poolSize: 3 });
    store = new EventStore(t.db, { clock: new ManualClock('2026-03-02T01:00:00Z'), ids: new SequentialIdGenerator() });
  });
  afterAll(() => t.close());

  const notesOf = async (streamId: string) => (await store.readStream<{ type: 'Noted'; data: { note: string } }>(streamId)).map((e) => e.data.note);

  it('commits appends made through the pool and through transactions together, and runs after-commit callbacks after the commit', async () => {
    const seen: string[] = [];
    await t.db.unitOfWork(async () => {
      await store.append({ streamId: 'u-1', streamType: 'note', expectedVersion: 'no_stream', events: [noted('plain')], metadata });
      await store.transaction((tx) => tx.append({ streamId: 'u-1', streamType: 'note', expectedVersion: 1, events: [noted('in a transaction')], metadata }));
      t.db.afterCommit(() => seen.push('after commit'));
      // Not visible outside yet, and the callback has not run.
      const outside = await t.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE stream_id = 'u-1'`);
      seen.push(`outside sees ${outside.rows[0]!.n}`);
    });
    expect(seen).toEqual(['outside sees 0', 'after commit']);
    expect(await notesOf('u-1')).toEqual(['plain', 'in a transaction']);
  });

  it('rolls back everything it wrote when it throws, and drops its after-commit callbacks', async () => {
    const seen: string[] = [];
    await expect(
      t.db.unitOfWork(async () => {
        await store.append({ streamId: 'u-2', streamType: 'note', expectedVersion: 'no_stream', events: [noted('lost')], metadata });
        t.db.afterCommit(() => seen.push('never'));
        throw new Error('the answer could not be recorded');
      }),
    ).rejects.toThrow('the answer could not be recorded');
    expect(await notesOf('u-2')).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('undoes a failed statement alone, so a conflict retried inside the unit still commits', async () => {
    await store.append({ streamId: 'u-3', streamType: 'note', expectedVersion: 'no_stream', events: [noted('first')], metadata });
    const seen: string[] = [];
    await t.db.unitOfWork(async () => {
      const stale = store.transaction(async (tx) => {
        tx.sql.afterCommit!(() => seen.push('rolled-back savepoint'));
        await tx.append({ streamId: 'u-3', streamType: 'note', expectedVersion: 0, events: [noted('stale')], metadata });
      });
      await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(store.append({ streamId: 'u-3', streamType: 'note', expectedVersion: 0, events: [noted('stale')], metadata })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await store.append({ streamId: 'u-3', streamType: 'note', expectedVersion: 1, events: [noted('retried')], metadata });
    });
    expect(await notesOf('u-3')).toEqual(['first', 'retried']);
    expect(seen).toEqual([]);
  });

  it('runs concurrent transactions inside the unit one savepoint at a time', async () => {
    await t.db.unitOfWork(async () => {
      await Promise.all(
        ['a', 'b', 'c', 'd'].map((name) =>
          store
            .transaction(async (tx) => {
              await tx.append({ streamId: `u-4-${name}`, streamType: 'note', expectedVersion: 'no_stream', events: [noted(name)], metadata });
              if (name === 'b') throw new Error('b refused');
            })
            .catch(() => undefined),
        ),
      );
    });
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((name) => notesOf(`u-4-${name}`)))).toEqual([['a'], [], ['c'], ['d']]);
  });
});
