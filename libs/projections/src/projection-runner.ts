import type { Clock } from '@dw/kernel';
import { Database, loadCheckpoint, LogPosition, readAllIn, storeCheckpoint } from '@dw/event-store';
import { checkpointName, liveTables, lockProjection, Projection, relevantEvents } from './projection';

export interface ProjectionRunnerOptions {
  clock: Clock;
  batchSize?: number;
  /** How often an idle runner looks for new events; appends in-process wake it sooner. */
  pollIntervalMs?: number;
  onLag?: (projection: string, behind: number) => void;
  onError?: (projection: string, error: unknown) => void;
}

const BACKLOG_CAP = 100_000;

/** Thrown by `catchUp` after a round in which some projections failed (each already reported). */
export class ProjectionsFailedError extends Error {
  constructor(readonly projections: readonly string[]) {
    super(`projections failed: ${projections.join(', ')}`);
    this.name = 'ProjectionsFailedError';
  }
}

function logProjectionError(projection: string, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  process.stderr.write(`${JSON.stringify({ level: 'error', logger: 'projection-runner', projection, message: err.message, stack: err.stack })}\n`);
}

/**
 * Keeps read models current. Each batch (read a page below the commit horizon, apply it,
 * move the checkpoint) is one transaction, so a read model and its checkpoint never disagree
 * and every event is applied exactly once, in commit order.
 */
export class ProjectionRunner {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  /** Callers of `waitUntilApplied`, told whenever a batch of this process commits. */
  private readonly progressListeners = new Set<() => void>();

  constructor(
    private readonly db: Database,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Called after local appends so read models follow within milliseconds. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async drain(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /**
   * Applies everything below the horizon now; returns how many events were applied. Each
   * projection proceeds on its own: one that fails is reported (onError, and its lag gauge keeps
   * growing) and retried on the next round, while the others keep up. Throws after the round,
   * naming the failed projections, so a caller that waits on it knows.
   */
  async catchUp(): Promise<number> {
    let total = 0;
    const failed: string[] = [];
    for (const projection of this.projections) {
      try {
        total += await this.catchUpOne(projection);
      } catch (error) {
        failed.push(projection.name);
        // Never silent: a stuck projection shows in the log and in dw_projection_lag_events.
        (this.options.onError ?? logProjectionError)(projection.name, error);
      }
    }
    if (failed.length > 0) throw new ProjectionsFailedError(failed);
    return total;
  }

  private async catchUpOne(projection: Projection): Promise<number> {
    let total = 0;
    // Reported before (the backlog to work off) and after (what the commit horizon still holds back).
    if (this.options.onLag) this.options.onLag(projection.name, await this.backlog(projection));
    for (;;) {
      const applied = await this.applyBatch(projection);
      total += applied.read;
      if (!applied.more) break;
    }
    if (this.options.onLag) this.options.onLag(projection.name, await this.backlog(projection));
    return total;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      // Failures were reported per projection by catchUp; the loop goes on for the others.
      await this.catchUp().catch(() => undefined);
      if (!this.woken) await this.idle(this.options.pollIntervalMs ?? 500);
    }
  }

  /**
   * Waits until every projection has applied the log up to `position` (read-your-writes), or
   * until `timeoutMs` has passed; returns the projections still behind (none: the read models
   * show the write). It reads the checkpoints, not this process's memory, so a batch applied by
   * another replica counts too; meanwhile it wakes the local runner and rechecks after each of
   * its batches, or every 50 ms for the other replicas'.
   */
  async waitUntilApplied(position: LogPosition, timeoutMs: number): Promise<string[]> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const behind = await this.projectionsBehind(position);
      const left = deadline - performance.now();
      if (behind.length === 0 || left <= 0) return behind;
      this.wake();
      await this.nextProgress(Math.min(50, left));
    }
  }

  private async projectionsBehind(position: LogPosition): Promise<string[]> {
    const names = this.projections.map(checkpointName);
    const { rows } = await this.db.query<{ name: string }>(
      `SELECT name FROM checkpoints WHERE name = ANY($1::text[])
          AND (transaction_id, global_position) >= ($2::xid8, $3::bigint)`,
      [names, position.transactionId, position.globalPosition],
    );
    const applied = new Set(rows.map((row) => row.name));
    return this.projections.filter((projection) => !applied.has(checkpointName(projection))).map((projection) => projection.name);
  }

  private nextProgress(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.progressListeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.progressListeners.add(done);
    });
  }

  async applyBatch(projection: Projection): Promise<{ read: number; more: boolean; position: LogPosition }> {
    const applied = await this.applyBatchIn(projection);
    if (applied.read > 0) for (const listener of [...this.progressListeners]) listener();
    return applied;
  }

  private async applyBatchIn(projection: Projection): Promise<{ read: number; more: boolean; position: LogPosition }> {
    const batchSize = this.options.batchSize ?? 1_000;
    return this.db.transaction(async (tx) => {
      await lockProjection(tx, projection);
      const from = await loadCheckpoint(tx, checkpointName(projection));
      const page = await readAllIn(tx, from, batchSize);
      if (page.events.length === 0) return { read: 0, more: false, position: from };
      const events = relevantEvents(projection, page.events);
      if (events.length > 0) await projection.apply(tx, events, liveTables(projection));
      await storeCheckpoint(tx, checkpointName(projection), page.position, this.options.clock.now());
      return { read: page.events.length, more: page.events.length === batchSize, position: page.position };
    });
  }

  /** Events committed after the projection's checkpoint, counted up to a cap (a gauge, not an audit). */
  private async backlog(projection: Projection): Promise<number> {
    const from = await loadCheckpoint(this.db, checkpointName(projection));
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) LIMIT ${BACKLOG_CAP}) behind`,
      [from.transactionId, from.globalPosition],
    );
    return rows[0]!.n;
  }

  private idle(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
    });
  }
}
