import { systemClock, uuidV7Generator } from '@dw/kernel';
import { Database, EventStore, OutboxMapper, verifyStream } from '@dw/event-store';
import { cloudEventMessage } from '@dw/messaging';
import { Comparison, Contender, printSection, Round, runScenario } from './bench-harness';
import { SIZES, SYNC_MODES, SyncCommit, WARMUP_FRACTION } from './bench-config';
import { BenchSchema } from './bench-database';
import { cleanup } from './bench-cleanup';
import { AppendWorkload, BENCH_METADATA, driveWriters, forRound } from './append-workload';
import { rawAppend } from './raw-append';
import { EmmettPeer } from './emmett-peer.client';

const MAX_WRITERS = 8;

/** One outbox row per event, in the public form the relay publishes (payload stands in for protobuf bytes). */
const toOutbox: OutboxMapper = (pending) =>
  pending.map((e) =>
    cloudEventMessage(e, { topic: 'bench.lot.v1', source: '/dw/bench', type: 'dw.bench.v1.LotWeighed', payload: Buffer.from(JSON.stringify(e.data)) }),
  );

interface Shape {
  label: string;
  workload: AppendWorkload;
}

function shapes(): Shape[] {
  const s = SIZES.append;
  return [
    { label: '1 event/command, 1 writer', workload: { writers: 1, commands: s.singleEventCommands, eventsPerCommand: 1 } },
    { label: `1 event/command, ${MAX_WRITERS} writers`, workload: { writers: MAX_WRITERS, commands: s.concurrentCommands, eventsPerCommand: 1 } },
    { label: '100 events/command, 1 writer', workload: { writers: 1, commands: s.batchCommands, eventsPerCommand: 100 } },
  ];
}

/** Each run starts from empty tables, so no side appends into a bigger index than the other. */
async function truncateLog(owner: Database): Promise<void> {
  await owner.query(`TRUNCATE events, streams, outbox RESTART IDENTITY`);
}

function oursContender(app: Database, owner: Database, workload: AppendWorkload): Contender {
  const store = new EventStore(app, { clock: systemClock, ids: uuidV7Generator });
  return {
    name: 'ours',
    async run(round: Round) {
      await truncateLog(owner);
      return driveWriters(forRound(workload, round, WARMUP_FRACTION), round, async (streamId, expectedVersion, events) => {
        await store.append({ streamId, streamType: 'lot', expectedVersion, events, metadata: BENCH_METADATA, outbox: toOutbox });
      });
    },
  };
}

function rawContender(app: Database, owner: Database, workload: AppendWorkload): Contender {
  return {
    name: 'raw pg (one CTE)',
    async run(round: Round) {
      await truncateLog(owner);
      return driveWriters(forRound(workload, round, WARMUP_FRACTION), round, (streamId, expectedVersion, events) =>
        rawAppend(app.pool, streamId, expectedVersion, events, toOutbox),
      );
    },
  };
}

function peerContender(peer: EmmettPeer, workload: AppendWorkload): Contender {
  return {
    name: `emmett-postgresql ${peer.version}`,
    run: (round: Round) => peer.run(forRound(workload, round, WARMUP_FRACTION), round),
  };
}

/**
 * Both schemas must hold the same rows after the last round: same counts, and the raw
 * statement's hash chains verify with the event store's own verifier.
 */
async function assertSameWork(ours: Database, raw: Database, peer: EmmettPeer | null, expectedEvents: number): Promise<void> {
  const counts = async (db: Database) =>
    (
      await db.query<{ events: number; outbox: number; streams: number }>(
        `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM outbox)::int AS outbox, (SELECT count(*) FROM streams)::int AS streams`,
      )
    ).rows[0]!;
  const [a, b] = [await counts(ours), await counts(raw)];
  if (a.events !== expectedEvents || JSON.stringify(a) !== JSON.stringify(b)) {
    throw new Error(`append bench: ours wrote ${JSON.stringify(a)}, raw wrote ${JSON.stringify(b)}, expected ${expectedEvents} events`);
  }
  const { rows } = await raw.query<{ stream_id: string }>(`SELECT stream_id FROM streams ORDER BY version DESC, stream_id LIMIT 3`);
  for (const { stream_id } of rows) {
    for (const db of [ours, raw]) {
      const verdict = await verifyStream(db, stream_id);
      if (!verdict.ok) throw new Error(`append bench: stream ${stream_id} in ${db.schema} fails verification: ${verdict.reason} at ${verdict.brokenAt}`);
    }
  }
  if (peer && (await peer.countEvents()) !== expectedEvents) throw new Error(`append bench: the peer did not write ${expectedEvents} events`);
}

const NOTES = [
  'ours: EventStore.append → append_to_stream() in one round trip: expected-version check on the locked stream row, sha256 hash chain, event rows, one outbox row per event, NOTIFY.',
  'raw pg: the same writes as one named prepared statement of data-modifying CTEs (no plpgsql) in its own schema with the same DDL and indexes. Hash chain INCLUDED: events.hash is NOT NULL and the chain is what makes the log tamper-evident, so without it the baseline would write different rows. Checked after the runs: same row counts as ours, chains verify.',
  'emmett-postgresql: appendToStream (BEGIN, emt_append_to_stream(), COMMIT) in its own database on the same server. It writes no outbox rows, no hash chain and sends no NOTIFY: less work per event than ours.',
  'Both sides compute the same client-side work where they share it (uuidv7 ids, event digests, cloud-event outbox rows); every run starts from truncated tables.',
];

export async function appendBench(): Promise<Comparison[]> {
  printSection('append', NOTES);
  const ours = await BenchSchema.provision('append_ours');
  cleanup.defer(`drop ${ours.schema}`, () => ours.drop());
  const raw = await BenchSchema.provision('append_raw');
  cleanup.defer(`drop ${raw.schema}`, () => raw.drop());

  const peer = await startPeer();

  const results: Comparison[] = [];
  for (const sync of SYNC_MODES) results.push(...(await appendUnder(sync, ours, raw, peer)));
  return results;
}

/** The peer, or null with the exact reason printed when it cannot run here (never a stand-in). */
async function startPeer(): Promise<EmmettPeer | null> {
  try {
    const peer = await EmmettPeer.start();
    cleanup.defer('stop the emmett peer', () => peer.stop());
    await peer.open('on', MAX_WRITERS);
    await peer.closeStore();
    return peer;
  } catch (error) {
    process.stdout.write(
      `\n⚠ emmett-postgresql peer cannot run here, compared against raw pg only: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return null;
  }
}

async function appendUnder(sync: SyncCommit, ours: BenchSchema, raw: BenchSchema, peer: EmmettPeer | null): Promise<Comparison[]> {
  const oursApp = await ours.open(sync, { poolSize: MAX_WRITERS });
  const oursOwner = await ours.open(sync, { poolSize: 1, as: 'owner' });
  const rawApp = await raw.open(sync, { poolSize: MAX_WRITERS });
  const rawOwner = await raw.open(sync, { poolSize: 1, as: 'owner' });
  if (peer) await peer.open(sync, MAX_WRITERS);
  const results: Comparison[] = [];
  try {
    for (const shape of shapes()) {
      const baselines = [rawContender(rawApp, rawOwner, shape.workload), ...(peer ? [peerContender(peer, shape.workload)] : [])];
      results.push(
        ...(await runScenario({
          scenario: `append ${shape.label} [sync_commit ${sync}]`,
          unit: 'events/s',
          rounds: SIZES.appendRounds,
          ours: oursContender(oursApp, oursOwner, shape.workload),
          baselines,
          warmup: true,
        })),
      );
      const perWriter = Math.ceil(shape.workload.commands / shape.workload.writers);
      await assertSameWork(oursApp, rawApp, peer, perWriter * shape.workload.writers * shape.workload.eventsPerCommand);
    }
  } finally {
    if (peer) await peer.closeStore();
    await ours.closePools();
    await raw.closePools();
  }
  return results;
}
