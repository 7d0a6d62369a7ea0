/**
 * Sizes of every scenario. `BENCH_QUICK=1` shrinks them so the whole run stays under three
 * minutes on a 2-core machine; the full sizes are the project's targets (100,000 outbox
 * rows, 1,000,000 events), with append sized to a few seconds per run.
 */
export const QUICK = process.env.BENCH_QUICK === '1';

export type SyncCommit = 'on' | 'off';
export const SYNC_MODES: readonly SyncCommit[] = ['on', 'off'];

export interface AppendSizes {
  /** Commands (each one transaction) per run, spread over the writers. */
  singleEventCommands: number;
  concurrentCommands: number;
  /** Commands of 100 events each per run. */
  batchCommands: number;
}

export interface BenchSizes {
  appendRounds: number;
  append: AppendSizes;
  relayRounds: number;
  outboxRows: number;
  relayBatch: number;
  rebuildRounds: number;
  rebuildEvents: number;
  rebuildPage: number;
}

export const SIZES: BenchSizes = QUICK
  ? {
      appendRounds: 3,
      append: { singleEventCommands: 800, concurrentCommands: 1_600, batchCommands: 100 },
      relayRounds: 3,
      outboxRows: 20_000,
      relayBatch: 500,
      rebuildRounds: 3,
      rebuildEvents: 100_000,
      rebuildPage: 5_000,
    }
  : {
      appendRounds: 5,
      append: { singleEventCommands: 5_000, concurrentCommands: 16_000, batchCommands: 500 },
      relayRounds: 5,
      outboxRows: 100_000,
      relayBatch: 500,
      rebuildRounds: 3,
      rebuildEvents: 1_000_000,
      rebuildPage: 5_000,
    };

/** Warm-up runs do this fraction of a measured run's work (at least one command). */
export const WARMUP_FRACTION = 0.1;
