import type { EventMetadata, EventStoreTransaction, OutboxMessage } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { InMemoryEventStore } from './in-memory-event-store';
import { InMemoryInbox } from './in-memory-inbox';
import { outcomeOf } from './outcome-of';

const metadata: EventMetadata = { actor: { subject: 'service:test', role: 'system' }, correlationId: 'c-1' };
/** Bytes as JSON: enough of a contract registry to see what the handler was given. */
const registry = { decodeEvent: (_type: string, bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown };
const message = (type: string, body: unknown): OutboxMessage => ({
  messageId: `m-${type}`,
  topic: 'test.v1',
  key: 'k',
  payload: Buffer.from(JSON.stringify(body)),
  headers: { ce_type: type },
});
interface Seen {
  readonly tx: EventStoreTransaction;
  readonly type: string;
  readonly messageId: string;
}

describe('InMemoryInbox', () => {
  it('hands each message, decoded by its type, to that type’s handler in one transaction of the consumer’s log, and skips types it has no handler for', async () => {
    const log = new InMemoryEventStore();
    const seen: unknown[] = [];
    const inbox = new InMemoryInbox<Seen>({
      log,
      registry,
      context: (tx, _message, messageId, type) => ({ tx, type, messageId }),
      handlers: {
        'dw.test.v1.Noted': async (event: { n: number }, ctx) => {
          seen.push({ event, type: ctx.type, messageId: ctx.messageId });
          await ctx.tx.append({ streamId: 'noted', streamType: 't', expectedVersion: 'any', events: [{ type: 'Noted', data: event }], metadata });
        },
      },
    });

    expect(await inbox.deliver(message('dw.test.v1.Noted', { n: 1 }))).toBe(true);
    expect(await inbox.deliver(message('dw.test.v1.Ignored', { n: 2 }))).toBe(false);

    expect(seen).toEqual([{ event: { n: 1 }, type: 'dw.test.v1.Noted', messageId: 'm-dw.test.v1.Noted' }]);
    expect((await log.readStream('noted')).map((event) => event.data)).toEqual([{ n: 1 }]);
  });

  it('rolls back everything a failing handler appended, and fails the delivery', async () => {
    const log = new InMemoryEventStore();
    const inbox = new InMemoryInbox<EventStoreTransaction>({
      log,
      registry,
      context: (tx) => tx,
      handlers: {
        'dw.test.v1.Refused': async (_event, tx) => {
          await tx.append({ streamId: 'refused', streamType: 't', expectedVersion: 'any', events: [{ type: 'Half', data: {} }], metadata });
          throw refuse.conflict('NOT_NOW', 'refused after a first append');
        },
      },
    });

    await expect(inbox.deliver(message('dw.test.v1.Refused', {}))).rejects.toMatchObject({ code: 'NOT_NOW' });
    expect(await log.streamVersion('refused')).toBe(0);
  });
});

describe('outcomeOf', () => {
  it('gives the result of a taken command, the code of a refused one, and lets any other error through', async () => {
    expect(await outcomeOf(() => Promise.resolve(42))).toEqual({ ok: true, value: 42 });
    expect(await outcomeOf(() => Promise.reject(refuse.conflict('NOT_NOW', 'no')))).toEqual({ ok: false, code: 'NOT_NOW' });
    await expect(outcomeOf(() => Promise.reject(new Error('a bug')))).rejects.toThrow('a bug');
  });
});
