import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@dw/kernel';
import { EdgeDatabase } from '../persistence/edge-database';
import { CLOCK } from '../time/clock.token';

export interface StoredAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type Claim =
  | { kind: 'claimed'; claimedAt: Date }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'reused' }
  | { kind: 'in_flight' };

/**
 * A claim older than this belongs to an attempt that died with its process (Node's own
 * request timeout is 300 s, so no live attempt is older): a retry may take it over.
 */
export const IN_FLIGHT_LEASE_MS = 300_000;
const CLAIM_ATTEMPTS = 3;

interface KeyRow {
  request_hash: string;
  status: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: unknown;
  response_headers: Record<string, string> | null;
}

/** `idempotency_keys`: one row per (client, key), claimed with INSERT ... ON CONFLICT so concurrent requests race safely. */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly db: EdgeDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async claim(clientId: string, key: string, requestHash: string): Promise<Claim> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      const now = this.clock.now();
      const claimed = await this.db.query(
        `INSERT INTO idempotency_keys (client_id, key, request_hash, status, created_at)
         VALUES ($1, $2, $3, 'in_flight', $4)
         ON CONFLICT (client_id, key) DO UPDATE SET created_at = EXCLUDED.created_at
           WHERE idempotency_keys.status = 'in_flight'
             AND idempotency_keys.request_hash = EXCLUDED.request_hash
             AND idempotency_keys.created_at < $5`,
        [clientId, key, requestHash, now, new Date(now.getTime() - IN_FLIGHT_LEASE_MS)],
      );
      if (claimed.rowCount === 1) return { kind: 'claimed', claimedAt: now };
      const { rows } = await this.db.query<KeyRow>(
        `SELECT request_hash, status, response_status, response_body, response_headers
           FROM idempotency_keys WHERE client_id = $1 AND key = $2`,
        [clientId, key],
      );
      const row = rows[0];
      // Released by a failed first attempt between our INSERT and SELECT: claim again.
      if (row === undefined) continue;
      if (row.request_hash !== requestHash) return { kind: 'reused' };
      if (row.status === 'in_flight') return { kind: 'in_flight' };
      return { kind: 'replay', answer: { status: row.response_status!, body: row.response_body, headers: row.response_headers ?? {} } };
    }
    return { kind: 'in_flight' };
  }

  /** Records the answer of the attempt holding the claim (a taken-over claim's old holder matches nothing). */
  async complete(clientId: string, key: string, claimedAt: Date, answer: StoredAnswer): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys
          SET status = 'completed', response_status = $4, response_body = $5, response_headers = $6, completed_at = $7
        WHERE client_id = $1 AND key = $2 AND created_at = $3 AND status = 'in_flight'`,
      [clientId, key, claimedAt, answer.status, JSON.stringify(answer.body ?? null), JSON.stringify(answer.headers), this.clock.now()],
    );
  }

  /** Frees the key after an attempt that did not produce an answer worth keeping. */
  async release(clientId: string, key: string, claimedAt: Date): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE client_id = $1 AND key = $2 AND created_at = $3 AND status = 'in_flight'`, [
      clientId,
      key,
      claimedAt,
    ]);
  }
}
