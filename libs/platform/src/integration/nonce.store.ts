import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '../time/clock.token';
import { EdgeDatabase } from '../persistence/edge-database';
import { MAX_CLOCK_SKEW_SECONDS } from './request-signature';

/**
 * A nonce must be remembered as long as a request carrying it could still pass the skew check.
 * A request stamped T passes until T + skew, and we saw it no earlier than T - skew, so keeping
 * nonces for 2 x skew after they were seen covers every replay that is not already stale.
 */
export const NONCE_RETENTION_MS = 2 * MAX_CLOCK_SKEW_SECONDS * 1000;
/** Pruning is one DELETE at most this often per process, not one per request. */
export const NONCE_PRUNE_INTERVAL_MS = 60_000;

/** The replay guard: `integration_nonces (client_id, nonce, seen_at)`, unique per client and nonce. */
@Injectable()
export class NonceStore {
  private lastPruneMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: EdgeDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** True the first time a client uses a nonce, false on every reuse (atomically, across replicas). */
  async remember(clientId: string, nonce: string): Promise<boolean> {
    const now = this.clock.now();
    await this.pruneIfDue(now);
    const inserted = await this.db.query(
      `INSERT INTO integration_nonces (client_id, nonce, seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (client_id, nonce) DO NOTHING`,
      [clientId, nonce, now],
    );
    return inserted.rowCount === 1;
  }

  private async pruneIfDue(now: Date): Promise<void> {
    if (now.getTime() - this.lastPruneMs < NONCE_PRUNE_INTERVAL_MS) return;
    this.lastPruneMs = now.getTime();
    await this.db.query('DELETE FROM integration_nonces WHERE seen_at < $1', [new Date(now.getTime() - NONCE_RETENTION_MS)]);
  }
}
