import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { appRole, connectionFor, Database, dropServiceDatabase, eventStoreMigrations, ownerRole, provisionServiceDatabase } from '@dw/event-store';
import { databaseUrl } from '@dw/testing';
import type { SyncCommit } from './bench-config';

/**
 * A service schema provisioned exactly as a service's (roles, grants, the event-store
 * migration), under a unique `bench_` name. Ours and each raw-SQL reference get one each, so
 * they run on the same DDL and indexes and never share rows.
 */
export class BenchSchema {
  private readonly pools: Pool[] = [];

  private constructor(readonly schema: string) {}

  static async provision(label: string): Promise<BenchSchema> {
    const schema = `bench_${label}_${randomBytes(3).toString('hex')}`;
    await provisionServiceDatabase(databaseUrl(), { schema, migrations: eventStoreMigrations });
    return new BenchSchema(schema);
  }

  get appRole(): string {
    return appRole(this.schema);
  }

  /**
   * A pool as the service's role (or the owner) with `synchronous_commit` set per session,
   * so both sides of a comparison run under the same setting; checked, not assumed.
   */
  async open(sync: SyncCommit, options: { poolSize: number; as?: 'app' | 'owner' }): Promise<Database> {
    const role = options.as === 'owner' ? ownerRole(this.schema) : appRole(this.schema);
    const base = connectionFor(databaseUrl(), role, this.schema);
    const pool = new Pool({ ...base, options: `${base.options} -c synchronous_commit=${sync}`, max: options.poolSize });
    this.pools.push(pool);
    await assertSynchronousCommit(pool, sync);
    return new Database(pool, this.schema);
  }

  /** Ends this schema's pools (between synchronous_commit modes). */
  async closePools(): Promise<void> {
    const pools = this.pools.splice(0);
    await Promise.all(pools.map((pool) => pool.end()));
  }

  async drop(): Promise<void> {
    await this.closePools();
    await dropServiceDatabase(databaseUrl(), this.schema);
  }
}

export async function assertSynchronousCommit(pool: Pool, sync: SyncCommit): Promise<void> {
  const { rows } = await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
  if (rows[0]?.synchronous_commit !== sync) {
    throw new Error(`expected synchronous_commit=${sync} on the bench connection, got ${rows[0]?.synchronous_commit}`);
  }
}

/** The server's own connection string with another database name (the peer gets its own database). */
export function databaseUrlFor(database: string): string {
  const url = new URL(databaseUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
