import type { Round, Sample } from './bench-harness';
import type { SyncCommit } from './bench-config';
import type { AppendWorkload } from './append-workload';

/** Messages between append.bench.ts and the peer's child process (emmett-peer.worker.ts). */
export type PeerRequest =
  | { id: number; op: 'open'; connectionString: string; sync: SyncCommit; poolSize: number }
  | { id: number; op: 'run'; workload: AppendWorkload; round: Round }
  | { id: number; op: 'count' }
  | { id: number; op: 'close' };

export type PeerReply = { id: number; ok: true; sample?: Sample; events?: number; version?: string } | { id: number; ok: false; error: string };
