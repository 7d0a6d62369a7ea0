import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Pool } from 'pg';
import { getPostgreSQLEventStore, PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import { BENCH_METADATA, driveWriters } from './append-workload';
import type { PeerReply, PeerRequest } from './emmett-peer.protocol';

/**
 * The peer, @event-driven-io/emmett-postgresql, in a child process of its own: its dumbo
 * layer replaces pg's process-wide type parsers (int8 → BigInt, json/jsonb → its own parser)
 * as soon as a store is created, which would change how our side decodes rows if both ran
 * in one process. The package ships a CommonJS build next to its ESM one, so it loads here
 * with a plain import. Timing happens in this process, around the appends only.
 */
let pool: Pool | null = null;
let store: PostgresEventStore | null = null;

async function handle(request: PeerRequest): Promise<PeerReply> {
  switch (request.op) {
    case 'open': {
      pool = new Pool({ connectionString: request.connectionString, max: request.poolSize, options: `-c synchronous_commit=${request.sync}` });
      const { rows } = await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      if (rows[0]?.synchronous_commit !== request.sync) throw new Error(`peer connection has synchronous_commit=${rows[0]?.synchronous_commit}`);
      store = getPostgreSQLEventStore(request.connectionString, { connectionOptions: { pool }, schema: { autoMigration: 'CreateOrUpdate' } });
      await store.schema.migrate();
      return { id: request.id, ok: true, version: peerVersion() };
    }
    case 'run': {
      const events = requireStore();
      await events.schema.dangerous.truncate({ resetSequences: true });
      const sample = await driveWriters(request.workload, request.round, async (streamId, expectedVersion, batch) => {
        await events.appendToStream(
          streamId,
          batch.map((e) => ({ type: e.type, data: e.data, metadata: BENCH_METADATA })),
          { expectedStreamVersion: BigInt(expectedVersion) },
        );
      });
      return { id: request.id, ok: true, sample };
    }
    case 'count': {
      const { rows } = await requirePool().query<{ n: string }>(`SELECT count(*)::text AS n FROM emt_messages`);
      return { id: request.id, ok: true, events: Number(rows[0]!.n) };
    }
    case 'close': {
      await store?.close();
      await pool?.end();
      store = null;
      pool = null;
      return { id: request.id, ok: true };
    }
  }
}

function requireStore(): PostgresEventStore {
  if (!store) throw new Error('peer store not open');
  return store;
}
function requirePool(): Pool {
  if (!pool) throw new Error('peer pool not open');
  return pool;
}

function peerVersion(): string {
  // The package's exports map hides package.json; it sits one folder above the entry.
  const manifest = join(dirname(require.resolve('@event-driven-io/emmett-postgresql')), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

process.on('message', (request: PeerRequest) => {
  handle(request).then(
    (reply) => process.send!(reply),
    (error: unknown) =>
      process.send!({ id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PeerReply),
  );
});
process.on('disconnect', () => process.exit(0));
