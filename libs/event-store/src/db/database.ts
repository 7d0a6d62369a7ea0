import { AsyncLocalStorage } from 'node:async_hooks';
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

/**
 * An open unit of work (see `Database.unitOfWork`): the transaction that the `query` and
 * `transaction` calls made inside it join, each as a savepoint, so a failed statement or a
 * retried append is undone alone, not the whole unit.
 */
interface UnitOfWork {
  database: Database;
  client: PoolClient;
  /** Callbacks of the savepoint (or the unit) in progress, run after the unit's commit. */
  committed: Array<() => void>;
  /** One savepoint at a time: two interleaved on one connection would release each other. */
  turn: Promise<unknown>;
  /** Inside a savepoint already: statements run in it, not in a savepoint of their own. */
  inSavepoint: boolean;
  savepoints: number;
}

const units = new AsyncLocalStorage<UnitOfWork>();

export class Database implements SqlClient {
  constructor(
    readonly pool: Pool,
    readonly schema: string,
    private readonly options: DatabaseOptions = {},
  ) {}

  async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    const unit = this.unit();
    if (unit === undefined) {
      const result = await this.pool.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    }
    if (unit.inSavepoint) return clientOf(unit.client).query<R>(sql, params);
    return inSavepoint(unit, (tx) => tx.query<R>(sql, params));
  }

  /**
   * Runs `callback` once what was written so far has committed: at once outside a unit of work
   * (every statement commits on its own), after the unit's commit inside one.
   */
  afterCommit(callback: () => void): void {
    const unit = this.unit();
    if (unit === undefined) callback();
    else unit.committed.push(callback);
  }

  /**
   * Runs `work` in one transaction; commits when it resolves, rolls back when it throws. Inside a
   * unit of work it is a savepoint of the unit's transaction, committed with the unit.
   */
  async transaction<T>(work: (tx: SqlClient) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    const unit = this.unit();
    if (unit === undefined) return this.ownTransaction((tx) => work(tx), isolation);
    if (isolation !== 'READ COMMITTED') throw new Error(`a ${isolation} transaction cannot join a unit of work, which is READ COMMITTED`);
    return inSavepoint(unit, work);
  }

  /**
   * Runs `work` in one transaction that every `query` and `transaction` of this database made
   * inside `work` (however deep in the call) joins, so all of it commits or none does. The HTTP
   * edge runs an idempotent command in one, so the command's events and the Idempotency-Key's
   * answer commit together. Callbacks given to `afterCommit` run after the unit commits.
   */
  async unitOfWork<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    if (this.unit() !== undefined) return this.transaction(work);
    return this.ownTransaction(
      (tx, client, committed) => units.run({ database: this, client, committed, turn: Promise.resolve(), inSavepoint: false, savepoints: 0 }, () => work(tx)),
      'READ COMMITTED',
    );
  }

  /**
   * A dedicated connection for LISTEN or session-scoped advisory locks; the caller releases it
   * and must listen for its 'error' (see `transaction`).
   */
  async dedicatedClient(): Promise<PoolClient> {
    return this.pool.connect();
  }

  private unit(): UnitOfWork | undefined {
    const unit = units.getStore();
    return unit?.database === this ? unit : undefined;
  }

  private async ownTransaction<T>(
    work: (tx: SqlClient, client: PoolClient, committed: Array<() => void>) => Promise<T>,
    isolation: IsolationLevel,
  ): Promise<T> {
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
      const result = await work({ ...clientOf(client), afterCommit: (callback) => committed.push(callback) }, client, committed);
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
}

/** `work` in a savepoint of the unit: undone alone if it throws, its afterCommit callbacks with it. */
async function inSavepoint<T>(unit: UnitOfWork, work: (tx: SqlClient) => Promise<T>): Promise<T> {
  const previous = unit.turn;
  let done!: () => void;
  unit.turn = new Promise<void>((resolve) => (done = resolve));
  await previous;
  const name = `dw_sp_${++unit.savepoints}`;
  const committed: Array<() => void> = [];
  const inner: UnitOfWork = { ...unit, committed, turn: Promise.resolve(), inSavepoint: true };
  const tx = { ...clientOf(unit.client), afterCommit: (callback: () => void) => committed.push(callback) };
  try {
    await unit.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await units.run(inner, () => work(tx));
      await unit.client.query(`RELEASE SAVEPOINT ${name}`);
      unit.committed.push(...committed);
      return result;
    } catch (error) {
      await unit.client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
      throw error;
    }
  } finally {
    done();
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
