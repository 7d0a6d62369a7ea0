import type { Pool, PoolClient, QueryResultRow } from 'pg';

/** What code needs to run SQL: a pool or the client of an open transaction. */
export interface SqlClient {
  query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /**
   * Runs `callback` once the transaction this client belongs to has committed (never on
   * rollback). Absent on the pool itself, where every statement commits on its own.
   */
  afterCommit?(callback: () => void): void;
}

export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * One service's database: a pg pool whose connections have `search_path` set to the
 * service's schema, so every statement in the libraries is written unqualified.
 * The pool normally comes from TypeORM's DataSource (see createServiceDataSource), so a
 * service has one pool for its repositories, the event store, the relay and the inbox.
 */
export interface DatabaseOptions {
  /** Told when a connection in use dies (logs, metrics); the transaction on it fails regardless. */
  onConnectionError?: (error: Error) => void;
}

export class Database implements SqlClient {
  constructor(
    readonly pool: Pool,
    readonly schema: string,
    private readonly options: DatabaseOptions = {},
  ) {}

  async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    const result = await this.pool.query<R>(sql, params as unknown[]);
    return { rows: result.rows, rowCount: result.rowCount ?? 0 };
  }

  /** Runs `work` in one transaction; commits when it resolves, rolls back when it throws. */
  async transaction<T>(work: (tx: SqlClient) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    const client = await this.pool.connect();
    // pg-pool listens for a client's 'error' only while it is idle in the pool: a checked-out
    // client whose connection dies (a database restart, an operator's pg_terminate_backend)
    // would emit an unhandled 'error' and end the process. The query in progress rejects anyway.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
      this.options.onConnectionError?.(error);
    };
    client.on('error', onError);
    const committed: Array<() => void> = [];
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work({ ...clientOf(client), afterCommit: (callback) => committed.push(callback) });
      await client.query('COMMIT');
      for (const callback of committed) callback();
      return result;
    } catch (error) {
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      // A broken connection is destroyed, not handed to the next caller.
      client.release(broken);
    }
  }

  /**
   * A dedicated connection for LISTEN or session-scoped advisory locks; the caller releases it
   * and must listen for its 'error' (see `transaction`).
   */
  async dedicatedClient(): Promise<PoolClient> {
    return this.pool.connect();
  }
}

export function clientOf(client: PoolClient): SqlClient {
  return {
    async query<R extends QueryResultRow>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
  };
}
