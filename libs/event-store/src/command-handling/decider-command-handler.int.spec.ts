import { refuse, type Decider, ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { createTestServiceDatabase, TestServiceDatabase } from '@dw/testing';
import { EventStore } from '../append/event-store';
import { EventMetadata } from '../append/event-types';
import { handleCommand } from './decider-command-handler';

type Named = { type: 'Named'; data: { name: string } };
type Renamed = { type: 'Renamed'; data: { name: string } };
type Rename = { type: 'Rename'; data: { name: string } };
const nameDecider: Decider<Rename, { name: string | null }, Named | Renamed> = {
  initialState: () => ({ name: null }),
  evolve: (_state, event) => ({ name: event.data.name }),
  decide: (command, state) => {
    if (command.data.name === state.name) throw refuse.conflict('NAME_UNCHANGED', 'same name');
    return [state.name === null ? { type: 'Named', data: command.data } : { type: 'Renamed', data: command.data }];
  },
};
const metadata: EventMetadata = { actor: { subject: 'clerk-1', role: 'clerk' }, correlationId: 'corr-1' };

describe('handleCommand on PostgreSQL', () => {
  let t: TestServiceDatabase;
  let store: EventStore;

  beforeAll(async () => {
    t = await createTestServiceDatabase('cmdhandler');
    store = new EventStore(t.db, { clock: new ManualClock('2026-03-02T01:00:00.000Z'), ids: new SequentialIdGenerator() });
  });
  afterAll(() => t.close());

  const rename = (name: string, streamId = 'thing-1') =>
    handleCommand(store, {
      streamId,
      streamType: 'thing',
      decider: nameDecider,
      command: { type: 'Rename', data: { name } },
      metadata,
      // The public message says what the name was before: only the decided-on state knows it.
      outboxFor: (before) => (pending) =>
        pending.map((event) => ({
          messageId: event.eventId,
          topic: 'things',
          key: event.streamId,
          payload: Buffer.from(`${before.name ?? '(none)'} -> ${(event.data as { name: string }).name}`),
          headers: {},
        })),
    });

  it('gives outboxFor the state the command was decided on and writes its messages with the events', async () => {
    await rename('first');
    const second = await rename('second');
    expect(second.version).toBe(2);
    const { rows } = await t.db.query<{ payload: Buffer }>(`SELECT payload FROM outbox WHERE message_key = 'thing-1' ORDER BY id`);
    expect(rows.map((r) => r.payload.toString())).toEqual(['(none) -> first', 'first -> second']);
  });

  it('writes neither events nor messages when the decider refuses', async () => {
    await rename('same', 'thing-2');
    await expect(rename('same', 'thing-2')).rejects.toMatchObject({ code: 'NAME_UNCHANGED' });
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE message_key = 'thing-2'`);
    expect(rows[0]!.n).toBe(1);
    expect(await store.streamVersion('thing-2')).toBe(1);
  });
});
