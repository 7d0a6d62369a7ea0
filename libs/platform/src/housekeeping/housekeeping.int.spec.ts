import { eventStoreMigrations } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { platformEdgeMigrations } from '../migrations/platform-edge.migrations';
import { Housekeeping } from './housekeeping';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('Housekeeping on PostgreSQL', () => {
  let t: TestServiceDatabase;

  beforeAll(async () => {
    t = await createTestServiceDatabase('housekeeping', [...eventStoreMigrations, ...platformEdgeMigrations]);
  });
  afterAll(() => t?.close());

  it('prunes inbox rows and completed idempotency keys past their retention, and nothing else', async () => {
    const clock = new ManualClock('2026-12-07T00:00:00Z');
    const at = (msAgo: number) => new Date(clock.now().getTime() - msAgo);
    // Retention 30 days: 31 days old goes, 29 days old stays.
    for (const [id, age] of [
      ['old-1', 31 * DAY],
      ['old-2', 40 * DAY],
      ['recent', 29 * DAY],
    ] as const) {
      await t.db.query(`INSERT INTO inbox (consumer_group, message_id, topic, partition, "offset", processed_at) VALUES ('g', $1, 't', 0, 0, $2)`, [
        id,
        at(age),
      ]);
    }
    // Retention 72 hours for completed keys; a key still in flight is never pruned here.
    const key = (name: string, status: 'completed' | 'in_flight', age: number) =>
      t.db.query(
        `INSERT INTO idempotency_keys (client_id, key, request_hash, status, response_status, response_body, response_headers, created_at, completed_at)
         VALUES ('bank-1', $1, 'h', $2, $3, '{}'::jsonb, '{}'::jsonb, $4, $5)`,
        [name, status, status === 'completed' ? 201 : null, at(age), status === 'completed' ? at(age) : null],
      );
    await key('done-long-ago', 'completed', 73 * HOUR);
    await key('done-lately', 'completed', 71 * HOUR);
    await key('stuck', 'in_flight', 100 * HOUR);

    // Batches of 1 make the loop go round more than once.
    const housekeeping = new Housekeeping(t.db, { clock, inboxRetentionMs: 30 * DAY, idempotencyRetentionMs: 72 * HOUR, batchSize: 1 });
    expect(await housekeeping.runOnce()).toEqual({ inbox: 2, idempotencyKeys: 1 });
    expect((await t.db.query<{ message_id: string }>(`SELECT message_id FROM inbox`)).rows.map((r) => r.message_id)).toEqual(['recent']);
    expect((await t.db.query<{ key: string }>(`SELECT key FROM idempotency_keys ORDER BY key`)).rows.map((r) => r.key)).toEqual(['done-lately', 'stuck']);
    expect(await housekeeping.runOnce()).toEqual({ inbox: 0, idempotencyKeys: 0 });
  });
});
