import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@dw/kernel';
import { EdgeDatabase } from '../persistence/edge-database';
import type { SqlClient } from '../persistence/database.port';
import { CLOCK } from '../time/clock.token';

export interface StoredAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type Claim = { kind: 'claimed'; claimedAt: Date } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'reused' } | { kind: 'in_flight' };

interface KeyRow {
  request_hash: string;
  response_status: number;
  response_body: unknown;
  response_headers: Record<string, string> | null;
}

/**
 * `idempotency_keys`: one row per (client, key), holding the key's answer. A key is held while
 * its attempt runs by a transaction-scoped advisory lock, not by a row: the lock, the command's
 * events and the answer live in one transaction (`inUnitOfWork`), so the answer commits exactly
 * when the effect does, and an attempt whose process dies frees its key with its connection: no
 * lease to wait out, and no way to commit the effect without the answer.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly db: EdgeDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Runs `work` in a unit of work of the service's database: the command it runs joins it. */
  inUnitOfWork<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.db.unitOfWork(work);
  }

  /** Inside `inUnitOfWork`: takes the key for this attempt, or says why not. */
  async claim(tx: SqlClient, clientId: string, key: string, requestHash: string): Promise<Claim> {
    // A 64-bit hash of (client, key): two keys that collide only see each other as in flight
    // for as long as one runs, never each other's answer (the row below is matched exactly).
    const { rows: locked } = await tx.query<{ held: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS held`, [
      `idempotency\n${clientId}\n${key}`,
    ]);
    if (!locked[0]!.held) return { kind: 'in_flight' };
    const { rows } = await tx.query<KeyRow>(
      `SELECT request_hash, response_status, response_body, response_headers
         FROM idempotency_keys WHERE client_id = $1 AND key = $2 AND status = 'completed'`,
      [clientId, key],
    );
    const row = rows[0];
    if (row === undefined) return { kind: 'claimed', claimedAt: this.clock.now() };
    if (row.request_hash !== requestHash) return { kind: 'reused' };
    return { kind: 'replay', answer: { status: row.response_status, body: row.response_body, headers: row.response_headers ?? {} } };
  }

  /**
   * Inside the claim's unit of work: the key's answer, committed with the command's events. A
   * row left `in_flight` by an earlier version of this code (which claimed keys with a row) is
   * taken over: its attempt no longer holds the lock.
   */
  async record(tx: SqlClient, clientId: string, key: string, requestHash: string, claimedAt: Date, answer: StoredAnswer): Promise<void> {
    await tx.query(
      `INSERT INTO idempotency_keys (client_id, key, request_hash, status, response_status, response_body, response_headers, created_at, completed_at)
       VALUES ($1, $2, $3, 'completed', $4, $5, $6, $7, $8)
       ON CONFLICT (client_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status = 'completed', response_status = EXCLUDED.response_status,
             response_body = EXCLUDED.response_body, response_headers = EXCLUDED.response_headers,
             created_at = EXCLUDED.created_at, completed_at = EXCLUDED.completed_at
         WHERE idempotency_keys.status = 'in_flight'`,
      [clientId, key, requestHash, answer.status, JSON.stringify(answer.body ?? null), JSON.stringify(answer.headers), claimedAt, this.clock.now()],
    );
  }
}
