import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { Pool } from 'pg';
import { databaseUrl } from '@dw/testing';
import type { Round, Sample } from './bench-harness';
import type { SyncCommit } from './bench-config';
import type { AppendWorkload } from './append-workload';
import type { PeerReply, PeerRequest } from './emmett-peer.protocol';
import { databaseUrlFor } from './bench-database';

/** Emmett creates its `emt_*` tables and functions unqualified and looks functions up by name alone: a database of its own. */
export const PEER_DATABASE = 'dw_bench_emmett';

type Pending = { resolve: (reply: PeerReply & { ok: true }) => void; reject: (error: Error) => void };
type PeerCall = PeerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Drives the peer's child process; each call waits for its reply. */
export class EmmettPeer {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  version = 'unknown';

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: PeerReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply);
      else waiter.reject(new Error(`emmett peer: ${reply.error}`));
    });
    child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`emmett peer exited with code ${code}`));
      this.pending.clear();
    });
  }

  /** Creates the peer's database afresh and starts its process (with this process's TypeScript loader). */
  static async start(): Promise<EmmettPeer> {
    await recreatePeerDatabase();
    const child = fork(join(__dirname, 'emmett-peer.worker.ts'), [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new EmmettPeer(child);
  }

  async open(sync: SyncCommit, poolSize: number): Promise<void> {
    const reply = await this.call({ op: 'open', connectionString: databaseUrlFor(PEER_DATABASE), sync, poolSize });
    this.version = reply.version ?? this.version;
  }

  async run(workload: AppendWorkload, round: Round): Promise<Sample> {
    const reply = await this.call({ op: 'run', workload, round });
    return reply.sample!;
  }

  async countEvents(): Promise<number> {
    return (await this.call({ op: 'count' })).events!;
  }

  async closeStore(): Promise<void> {
    await this.call({ op: 'close' });
  }

  /** Stops the child and drops its database. */
  async stop(): Promise<void> {
    if (this.child.connected) {
      await this.closeStore().catch(() => undefined);
      this.child.disconnect();
    }
    await dropPeerDatabase();
  }

  private call(request: PeerCall): Promise<PeerReply & { ok: true }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...request, id } as PeerRequest);
    });
  }
}

async function recreatePeerDatabase(): Promise<void> {
  await dropPeerDatabase();
  await adminQuery(`CREATE DATABASE ${PEER_DATABASE}`);
}

async function dropPeerDatabase(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${PEER_DATABASE} WITH (FORCE)`);
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new Pool({ connectionString: databaseUrl(), max: 1 });
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
