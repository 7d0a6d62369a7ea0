import type { Database } from '@dw/event-store';
import type { Clock } from '@dw/kernel';

export interface HousekeepingOptions {
  clock: Clock;
  /**
   * How long an inbox row is kept. A message redelivered after its row is gone would be applied
   * again, so this must exceed the longest time a message can come back: the topics' retention
   * plus any replay ops may run.
   */
  inboxRetentionMs: number;
  /** How long a completed idempotency key (and its answer) is replayed to a retrying client. */
  idempotencyRetentionMs: number;
  /** Rows deleted per statement, so no statement holds the commit horizon for long. */
  batchSize?: number;
}

/**
 * Prunes the tables that only grow: inbox rows past their retention and completed idempotency
 * keys past theirs. Deletes in small batches, each its own statement.
 */
export class Housekeeping {
  constructor(
    private readonly db: Database,
    private readonly options: HousekeepingOptions,
  ) {}

  async runOnce(): Promise<{ inbox: number; idempotencyKeys: number }> {
    const now = this.options.clock.now().getTime();
    const inbox = await this.deleteInBatches(
      `DELETE FROM inbox WHERE ctid IN (SELECT ctid FROM inbox WHERE processed_at < $1 LIMIT $2)`,
      new Date(now - this.options.inboxRetentionMs),
    );
    const idempotencyKeys = await this.deleteInBatches(
      `DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE status = 'completed' AND completed_at < $1 LIMIT $2)`,
      new Date(now - this.options.idempotencyRetentionMs),
    );
    return { inbox, idempotencyKeys };
  }

  private async deleteInBatches(statement: string, before: Date): Promise<number> {
    const batchSize = this.options.batchSize ?? 5_000;
    let total = 0;
    for (;;) {
      const { rowCount } = await this.db.query(statement, [before, batchSize]);
      total += rowCount;
      if (rowCount < batchSize) return total;
    }
  }
}
