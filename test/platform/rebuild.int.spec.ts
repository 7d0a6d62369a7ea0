import { systemClock, uuidV7Generator } from '@dw/kernel';
import { appRole, EventMetadata, EventStore, loadCheckpoint, NewEvent } from '@dw/event-store';
import { checkpointName, diffTables, ensureProjectionTables, ProjectionRebuilder, ProjectionRunner, ShadowBuild } from '@dw/projections';
import { createTestServiceDatabase, TestServiceDatabase, waitFor } from '@dw/testing';
import { LEDGER_CREDITED, LEDGER_DEBITED, LEDGER_NOTED, ledgerProjection } from './fixtures/ledger-projection';

/**
 * Each read model can be rebuilt from the service's own log with one command (`rebuild`), and
 * a test proves rebuilt == live (README.md, "How it holds together": Projections). After 10,000 events appended by
 * concurrent writers with the live ProjectionRunner following, ProjectionRebuilder.build()
 * fills fresh tables that must equal the live ones row for row; then a build with appends
 * running during it is switched over, and the live runner carries on from the new checkpoint.
 *
 * The read model is fixtures/ledger-projection.ts, not the probe projection: probe_applied's
 * bigserial `applied_seq` numbers rows in the order one table received them, so a rebuilt
 * copy legitimately differs from the live one there. Every ledger column is a function of the
 * log, and it is order-sensitive (running balance per entry, lowest balance per account).
 */
const TOTAL_EVENTS = 10_000;
const WRITERS = 4;
const ACCOUNTS_PER_WRITER = 100;
const metadata: EventMetadata = { actor: { subject: 'rebuild-test', role: 'ops' }, correlationId: 'rebuild' };

describe('rebuild: read models rebuilt from the log equal the live ones, row for row (PostgreSQL)', () => {
  let t: TestServiceDatabase;
  let store: EventStore;
  let runner: ProjectionRunner;
  let rebuilder: ProjectionRebuilder;
  const runnerErrors: unknown[] = [];
  // What the log says, kept by the writers: per account its version and, in integer fen, its balance.
  const versions = new Map<string, number>();
  const expected = new Map<string, { entries: number; balanceFen: number }>();
  let ledgerEntries = 0;

  beforeAll(async () => {
    t = await createTestServiceDatabase('rebuild', undefined, { poolSize: WRITERS + 6 });
    await ensureProjectionTables(t.owner, [ledgerProjection], appRole(t.schema));
    store = new EventStore(t.db, { clock: systemClock, ids: uuidV7Generator });
    runner = new ProjectionRunner(t.db, [ledgerProjection], {
      clock: systemClock,
      batchSize: 500,
      pollIntervalMs: 20,
      onError: (_projection, error) => runnerErrors.push(error),
    });
    runner.start();
    rebuilder = new ProjectionRebuilder(t.owner, { clock: systemClock, appRole: appRole(t.schema), batchSize: 1_000 });
  });
  afterAll(async () => {
    await runner.drain();
    await t.close();
  });

  /** 1–4 random events for an account: mostly credits and debits, some notes the ledger ignores. */
  function randomEvents(): NewEvent[] {
    return Array.from({ length: 1 + Math.floor(Math.random() * 4) }, () => {
      const roll = Math.random();
      const amountFen = 1 + Math.floor(Math.random() * 100_000);
      if (roll < 0.1) return { type: LEDGER_NOTED, data: { note: 'checked' } };
      return { type: roll < 0.65 ? LEDGER_CREDITED : LEDGER_DEBITED, data: { amountFen } };
    });
  }

  function expectAppended(account: string, events: readonly NewEvent[]): void {
    versions.set(account, (versions.get(account) ?? 0) + events.length);
    for (const event of events) {
      if (event.type === LEDGER_NOTED) continue;
      const amount = (event.data as { amountFen: number }).amountFen;
      const before = expected.get(account) ?? { entries: 0, balanceFen: 0 };
      expected.set(account, { entries: before.entries + 1, balanceFen: before.balanceFen + (event.type === LEDGER_DEBITED ? -amount : amount) });
      ledgerEntries += 1;
    }
  }

  /**
   * WRITERS concurrent writers, each on its own accounts (so one account's appends are
   * sequential), appending while `room(eventsSoFar)` allows more; returns the transaction ids.
   */
  async function appendConcurrently(room: (written: number) => number): Promise<{ events: number; appends: number; transactionIds: bigint[] }> {
    let written = 0;
    let appends = 0;
    const transactionIds: bigint[] = [];
    const writer = async (w: number) => {
      for (let allowed = room(written); allowed > 0; allowed = room(written)) {
        const account = `acct-${w}-${Math.floor(Math.random() * ACCOUNTS_PER_WRITER)}`;
        const events = randomEvents().slice(0, allowed);
        written += events.length;
        const result = await store.append({ streamId: account, streamType: 'ledger', expectedVersion: versions.get(account) ?? 0, events, metadata });
        expectAppended(account, events);
        transactionIds.push(BigInt(result.transactionId));
        appends += 1;
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    return { events: written, appends, transactionIds };
  }

  async function liveEntries(): Promise<number> {
    return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries`)).rows[0]!.n;
  }

  /** The live read model agrees with the writers' own arithmetic, not only with a rebuild. */
  async function expectLiveMatchesWriters(): Promise<void> {
    const { rows } = await t.db.query<{ account_id: string; entries: string; balance_fen: string }>(
      `SELECT account_id, entries, balance_fen FROM ledger_balances`,
    );
    const live = Object.fromEntries(rows.map((r) => [r.account_id, { entries: Number(r.entries), balanceFen: Number(r.balance_fen) }]));
    expect(live).toEqual(Object.fromEntries(expected));
  }

  async function expectShadowEqualsLive(built: ShadowBuild): Promise<void> {
    const counts: Record<string, number> = { ledger_entries: ledgerEntries, ledger_balances: expected.size };
    for (const [logical, shadow] of Object.entries(built.tables)) {
      const diff = await diffTables(t.owner, logical, shadow);
      expect({ table: logical, ...diff }).toEqual({ table: logical, onlyInA: 0, onlyInB: 0, countA: counts[logical], countB: counts[logical] });
    }
  }

  async function discard(built: ShadowBuild): Promise<void> {
    for (const shadow of Object.values(built.tables)) await t.owner.query(`DROP TABLE ${shadow}`);
  }

  const caughtUp = () =>
    waitFor(async () => (await liveEntries()) === ledgerEntries, { timeoutMs: 60_000, describe: `live ledger_entries reaching ${ledgerEntries}` });

  it('after 10,000 events, build() produces tables equal, row for row, to the live ones', async () => {
    const written = await appendConcurrently((n) => TOTAL_EVENTS - n);
    expect(written.events).toBe(TOTAL_EVENTS);
    // "Some with several events per append": fewer appends than events.
    expect(written.appends).toBeLessThan(TOTAL_EVENTS / 2);
    await caughtUp();
    await expectLiveMatchesWriters();

    const buildStarted = Date.now();
    const built = await rebuilder.build(ledgerProjection);
    const buildMs = Date.now() - buildStarted;
    expect(built.events).toBe(TOTAL_EVENTS);
    await expectShadowEqualsLive(built);
    process.stdout.write(
      `rebuild: ${TOTAL_EVENTS} events in ${written.appends} appends; build() replayed them in ${buildMs} ms; ${ledgerEntries} entries and ${expected.size} accounts equal to live\n`,
    );

    // The comparison can fail: one running balance off by one fen shows on both sides.
    await t.owner.query(`UPDATE ${built.tables.ledger_entries} SET balance_after_fen = balance_after_fen + 1
                          WHERE event_id = (SELECT event_id FROM ${built.tables.ledger_entries} LIMIT 1)`);
    expect(await diffTables(t.owner, 'ledger_entries', built.tables.ledger_entries)).toMatchObject({ onlyInA: 1, onlyInB: 1 });
    await discard(built);
    expect(runnerErrors).toEqual([]);
  });

  it('includes appends made during build() after switchOver, and the live runner continues from the new checkpoint', async () => {
    const entriesBefore = ledgerEntries;
    // A transaction that appends before build() starts and commits only after it ends: build()
    // reads below the commit horizon, so neither it nor anything appended after it is in the
    // shadow tables; switchOver() must apply them.
    const stragglerEvents: NewEvent[] = [
      { type: LEDGER_CREDITED, data: { amountFen: 12_345 } },
      { type: LEDGER_DEBITED, data: { amountFen: 345 } },
    ];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const stragglerAppended = new Promise<void>((resolve) => (appended = resolve));
    const straggler = store.transaction(async (tx) => {
      const result = await tx.append({ streamId: 'acct-straggler', streamType: 'ledger', expectedVersion: 'no_stream', events: stragglerEvents, metadata });
      appended();
      await released;
      return result;
    });
    await stragglerAppended;

    // Writers start appending as build() starts and start no new append once it has returned.
    let building = true;
    const writing = appendConcurrently(() => (building ? 4 : 0));
    const built = await rebuilder.build(ledgerProjection);
    building = false;
    const during = await writing;
    release();
    const stragglerResult = await straggler;
    expectAppended('acct-straggler', stragglerEvents);
    expect(during.events).toBeGreaterThan(0);

    // The shadow holds exactly what committed before the straggler began: the first test's events.
    expect(built.events).toBe(TOTAL_EVENTS);
    const shadowCount = await t.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${built.tables.ledger_entries}`);
    expect(shadowCount.rows[0]!.n).toBe(entriesBefore);

    // Wait until the commit horizon has passed every append of this test, so the switch-over
    // applies all of them itself (the horizon only moves forward).
    const lastTransaction = [...during.transactionIds, BigInt(stragglerResult.transactionId)].reduce((a, b) => (a > b ? a : b));
    await waitFor(
      async () => BigInt((await t.db.query<{ xmin: string }>(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`)).rows[0]!.xmin) > lastTransaction,
      { timeoutMs: 30_000, describe: 'the commit horizon passing the last append' },
    );
    const switched = await rebuilder.switchOver(built);
    expect(switched.events - built.events).toBe(during.events + stragglerEvents.length);
    expect(await loadCheckpoint(t.db, checkpointName(ledgerProjection))).toEqual(switched.position);
    for (const shadow of Object.values(built.tables)) {
      expect((await t.db.query<{ gone: boolean }>(`SELECT to_regclass($1) IS NULL AS gone`, [shadow])).rows[0]!.gone).toBe(true);
    }
    expect(await liveEntries()).toBe(ledgerEntries);
    await expectLiveMatchesWriters();

    // The live runner goes on from the switched checkpoint: new appends reach the new tables,
    // each once (a re-applied event would break ledger_entries' primary key and be reported).
    const after = await appendConcurrently((n) => 500 - n);
    await caughtUp();
    await expectLiveMatchesWriters();
    const moved = await loadCheckpoint(t.db, checkpointName(ledgerProjection));
    expect(BigInt(moved.transactionId)).toBeGreaterThan(BigInt(switched.position.transactionId));
    expect(after.events).toBe(500);
    expect(runnerErrors).toEqual([]);

    // And the live tables are still what a fresh rebuild produces.
    const fresh = await rebuilder.build(ledgerProjection);
    expect(fresh.events).toBe(TOTAL_EVENTS + during.events + stragglerEvents.length + after.events);
    await expectShadowEqualsLive(fresh);
    await discard(fresh);
    process.stdout.write(
      `rebuild: ${during.events} events (${during.appends} appends) during build() plus ${stragglerEvents.length} from a transaction spanning it applied by switchOver; ` +
        `${after.events} more applied by the live runner from the new checkpoint\n`,
    );
  });
});
