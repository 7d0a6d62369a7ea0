import { systemClock } from '@dw/kernel';
import { Database } from '@dw/event-store';
import { ProjectionRebuilder } from '@dw/projections';
import { Comparison, Contender, printSection, runScenario, secondsSince } from './bench-harness';
import { SIZES, SYNC_MODES, SyncCommit } from './bench-config';
import { BenchSchema } from './bench-database';
import { cleanup } from './bench-cleanup';
import { stockTotalsProjection, stockTotalsTable } from './stock-totals.projection';
import { referenceRebuild } from './reference-rebuild';

const EVENTS_PER_LOT = 100;
const SEED_CHUNK = 100_000;

/**
 * Fills the log set-based, as the schema owner, in transactions of 100,000 events (so the log
 * has many transaction ids, as a real one does). digest/hash are NOT NULL: they get a
 * placeholder byte, since neither rebuild reads them. One lot per 100 events; one event in
 * five is a shipment.
 */
async function seedLog(owner: Database, events: number): Promise<void> {
  const lots = Math.max(1, Math.floor(events / EVENTS_PER_LOT));
  for (let from = 0; from < events; from += SEED_CHUNK) {
    await owner.query(
      `INSERT INTO events (stream_id, stream_type, stream_position, event_id, event_type, schema_version, data, metadata, recorded_at, digest, hash)
       SELECT 'lot-' || (i % $3), 'lot', i / $3 + 1, gen_random_uuid(),
              CASE WHEN i % 5 = 4 THEN 'StockShipped' ELSE 'StockReceived' END, 1,
              jsonb_build_object('lotId', 'lot-' || (i % $3), 'kg', (i * 7919) % 50000 + 1, 'ticket', 'T-' || i, 'location', 'A-' || (i % 97)),
              '{"actor":{"subject":"clerk-7","role":"clerk"},"correlationId":"0199a1b2-0000-7000-8000-00000000be4c"}'::jsonb,
              now(), '\\x00'::bytea, '\\x00'::bytea
         FROM generate_series($1::bigint, $2::bigint) AS i`,
      [from, Math.min(events, from + SEED_CHUNK) - 1, lots],
    );
  }
  await owner.query(`VACUUM ANALYZE events`);
}

/** Aggregates of the read model, computed independently from the log: both rebuilds must match them. */
const TOTALS_SQL = (source: string) => `SELECT count(*)::text AS lots, sum(received_kg)::text AS received, sum(shipped_kg)::text AS shipped,
  sum(events)::text AS events, sum(last_position)::text AS positions FROM ${source}`;
const EXPECTED_SQL = TOTALS_SQL(`(SELECT stream_id,
  sum((data->>'kg')::bigint) FILTER (WHERE event_type = 'StockReceived') AS received_kg,
  coalesce(sum((data->>'kg')::bigint) FILTER (WHERE event_type = 'StockShipped'), 0) AS shipped_kg,
  count(*) AS events, max(stream_position) AS last_position FROM events GROUP BY stream_id) x`);

async function totalsOf(owner: Database, sql: string): Promise<string> {
  return JSON.stringify((await owner.query(sql)).rows[0]);
}

async function checkAndDrop(owner: Database, name: string, table: string, expected: string): Promise<void> {
  const actual = await totalsOf(owner, TOTALS_SQL(table));
  await owner.query(`DROP TABLE ${table}`);
  if (actual !== expected) throw new Error(`rebuild bench: ${name} built ${actual}, the log says ${expected}`);
}

function oursContender(owner: Database, appRole: string, expected: string): Contender {
  const rebuilder = new ProjectionRebuilder(owner, { clock: systemClock, appRole, batchSize: SIZES.rebuildPage });
  return {
    name: 'ours',
    async run() {
      const started = process.hrtime.bigint();
      const built = await rebuilder.build(stockTotalsProjection);
      const seconds = secondsSince(started);
      await checkAndDrop(owner, 'ProjectionRebuilder', built.tables.bench_stock_totals!, expected);
      return { units: built.events, seconds };
    },
  };
}

function referenceContender(owner: Database, expected: string): Contender {
  return {
    name: 'reference rebuild',
    async run(round) {
      const table = `bench_stock_totals_ref_${round.index}`;
      await owner.query(stockTotalsTable(table));
      const started = process.hrtime.bigint();
      const read = await referenceRebuild(owner, table, SIZES.rebuildPage);
      const seconds = secondsSince(started);
      await checkAndDrop(owner, 'reference rebuild', table, expected);
      return { units: read, seconds };
    },
  };
}

const NOTES = [
  `ours: ProjectionRebuilder.build() into fresh shadow tables: pages of ${SIZES.rebuildPage.toLocaleString('en-US')} in commit order ((transaction_id, global_position) below pg_snapshot_xmin), full RecordedEvents, one transaction per page.`,
  'reference: pages by global_position with only the needed columns, autocommit; no commit-order horizon (safe only with no concurrent writers).',
  'same projection code on both sides: reduce the page in memory to one row per lot, ONE batched upsert per page; each result is checked against aggregates computed from the log, then dropped.',
  `log seeded set-based with generate_series as the schema owner (${EVENTS_PER_LOT} events per lot, transactions of ${SEED_CHUNK.toLocaleString('en-US')}); digest/hash hold a placeholder byte (NOT NULL columns that no rebuild reads).`,
];

export async function rebuildBench(): Promise<Comparison[]> {
  printSection(`rebuild (${SIZES.rebuildEvents.toLocaleString('en-US')} events)`, NOTES);
  const schema = await BenchSchema.provision('rebuild');
  cleanup.defer(`drop ${schema.schema}`, () => schema.drop());
  const seeder = await schema.open('off', { poolSize: 1, as: 'owner' });
  const seedStarted = process.hrtime.bigint();
  await seedLog(seeder, SIZES.rebuildEvents);
  const expected = await totalsOf(seeder, EXPECTED_SQL);
  process.stdout.write(`  seeded ${SIZES.rebuildEvents.toLocaleString('en-US')} events in ${secondsSince(seedStarted).toFixed(1)} s\n`);
  await schema.closePools();
  const results: Comparison[] = [];
  for (const sync of SYNC_MODES) results.push(...(await rebuildUnder(sync, schema, expected)));
  return results;
}

async function rebuildUnder(sync: SyncCommit, schema: BenchSchema, expected: string): Promise<Comparison[]> {
  const owner = await schema.open(sync, { poolSize: 2, as: 'owner' });
  try {
    // One untimed pass over the log first, so neither side pays for reading it into the page cache.
    await owner.query(`SELECT count(*), sum(length(data::text)) FROM events`);
    return await runScenario({
      scenario: `rebuild ${SIZES.rebuildEvents.toLocaleString('en-US')} events [sync_commit ${sync}]`,
      unit: 'events/s',
      rounds: SIZES.rebuildRounds,
      ours: oursContender(owner, schema.appRole, expected),
      baselines: [referenceContender(owner, expected)],
      warmup: false,
    });
  } finally {
    await schema.closePools();
  }
}
