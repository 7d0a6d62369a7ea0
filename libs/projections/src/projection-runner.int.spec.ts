import { appRole, EventStore, type EventMetadata, type RecordedEvent, type SqlClient } from '@dw/event-store';
import { systemClock, uuidV7Generator } from '@dw/kernel';
import { createTestServiceDatabase, waitFor, type TestServiceDatabase } from '@dw/testing';
import type { Projection } from './projection';
import { ensureProjectionTables } from './projection-tables';
import { ProjectionRunner } from './projection-runner';

/**
 * One projection that cannot apply an event must not hold back the others (before, the runner
 * applied projections in sequence and stopped the round at the first throw, so every projection
 * after a broken one froze with it).
 */
const metadata: EventMetadata = { actor: { subject: 'test', role: 'ops' }, correlationId: 'runner' };

/** Records each event it applies in `<name>_seen`; throws on `failOn`. */
const counting = (name: string, failOn?: string): Projection => ({
  name,
  tables: { [`${name}_seen`]: (table: string) => `CREATE TABLE ${table} (event_id uuid PRIMARY KEY)` },
  async apply(tx: SqlClient, events: readonly RecordedEvent[], tables: Record<string, string>) {
    for (const event of events) {
      if (event.type === failOn) throw new Error(`${name} cannot apply ${event.type}`);
      await tx.query(`INSERT INTO ${tables[`${name}_seen`]} (event_id) VALUES ($1)`, [event.eventId]);
    }
  },
});

describe('ProjectionRunner with a failing projection', () => {
  let t: TestServiceDatabase;
  // Listed first, so before the fix it stopped every round before the steady one ran.
  const fragile = counting('fragile', 'Unreadable');
  const steady = counting('steady');

  beforeAll(async () => {
    t = await createTestServiceDatabase('runnerfail');
    await ensureProjectionTables(t.owner, [fragile, steady], appRole(t.schema));
  });
  afterAll(() => t?.close());

  it('keeps the other projections current, reports the failing one and its growing lag', async () => {
    const errors: string[] = [];
    const lags = new Map<string, number>();
    const runner = new ProjectionRunner(t.db, [fragile, steady], {
      clock: systemClock,
      pollIntervalMs: 50,
      onError: (projection) => errors.push(projection),
      onLag: (projection, behind) => lags.set(projection, behind),
    });
    const store = new EventStore(t.db, { clock: systemClock, ids: uuidV7Generator, onCommit: () => runner.wake() });
    const append = (type: string) =>
      store.append({ streamId: 'runner-1', streamType: 'probe', expectedVersion: 'any', events: [{ type, data: {} }], metadata });
    runner.start();
    try {
      await append('Readable');
      await append('Unreadable');
      const last = await append('Readable');
      const position = { transactionId: last.transactionId, globalPosition: last.lastGlobalPosition };
      // The steady projection applies all three; the fragile one stays behind its failure (a batch
      // applies whole or not at all, so it holds the first event or none, as the batches fell).
      await waitFor(async () => (await runner.waitUntilApplied(position, 200)).join(',') === 'fragile', { describe: 'only fragile behind' });
      expect((await t.db.query(`SELECT 1 FROM steady_seen`)).rowCount).toBe(3);
      expect((await t.db.query(`SELECT 1 FROM fragile_seen`)).rowCount).toBeLessThanOrEqual(1);
      await waitFor(() => errors.length >= 2, { describe: 'the failure reported on more than one round' });
      expect(new Set(errors)).toEqual(new Set(['fragile']));
      // Its lag counts the events it has not applied: the failing one and the one after, at least.
      expect(lags.get('fragile')).toBeGreaterThanOrEqual(2);
      expect(lags.get('steady')).toBe(0);
    } finally {
      await runner.drain();
    }
  });
});
