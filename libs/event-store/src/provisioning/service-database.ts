import { Pool, PoolConfig } from 'pg';
import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import { Database } from '../db/database';

/**
 * Each service owns one schema and two roles:
 *   <schema>_owner  owns the schema and runs migrations (DDL);
 *   <schema>_app    what the service runs as: reads and writes its tables, but may only
 *                   INSERT into the event log (no UPDATE, DELETE or TRUNCATE: corrections are new events).
 * In deployment each service gets its own database; locally and in tests, schemas in one.
 */
export interface ServiceDatabaseSpec {
  /** Lower-case identifier: the service name (or a unique test name). */
  schema: string;
  migrations: Array<new () => MigrationInterface>;
  /**
   * The roles' passwords (stored as SCRAM-SHA-256 verifiers, PostgreSQL's default encryption),
   * for servers that authenticate with scram: the app role's is the one in the service's
   * DATABASE_URL, the owner's is DATABASE_OWNER_PASSWORD. Without them the roles have none
   * (trust or peer authentication, as in development).
   */
  passwords?: { owner?: string; app?: string };
}

export const APPEND_ONLY_TABLES = ['events'] as const;
/** Tables whose rows the app role may change but never remove: a stream's head row holds its version and hash. */
export const NO_DELETE_TABLES = ['streams'] as const;

export function ownerRole(schema: string): string {
  return `${schema}_owner`;
}
export function appRole(schema: string): string {
  return `${schema}_app`;
}

/**
 * Lower-case letters, digits and underscores only. Schema names are also double-quoted in DDL,
 * because a service may be named after an SQL keyword (`order`).
 */
function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,50}$/.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return name;
}

/**
 * Connection settings for one role with search_path pinned to the schema: the server of
 * `baseUrl`, as `user` with `password` (default: the URL's own password).
 */
export function connectionFor(baseUrl: string, user: string, schema: string, password?: string): PoolConfig {
  const url = new URL(baseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
    user,
    password: password ?? (url.password ? decodeURIComponent(url.password) : undefined),
    options: `-c search_path=${assertIdentifier(schema)}`,
  };
}

function typeormConnection(connection: PoolConfig, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    host: connection.host,
    port: connection.port,
    database: connection.database,
    username: connection.user,
    password: typeof connection.password === 'string' ? connection.password : undefined,
    // keepAlive: a connection whose peer vanished (network reset, failover) is noticed by the
    // kernel instead of hanging; the relay's leadership lock rides on one such connection.
    extra: { options: connection.options, max: poolSize, keepAlive: true, keepAliveInitialDelayMillis: 10_000 },
  };
}

/** Limits set on the app role (see provisionServiceDatabase). */
export const APP_IDLE_IN_TRANSACTION_TIMEOUT = '30s';
export const APP_STATEMENT_TIMEOUT = '60s';

/**
 * Creates (idempotently) the roles and schema, runs the service's migrations as the owner
 * through TypeORM, and (re)applies the app role's grants. `adminUrl` is a superuser or a role
 * with CREATEROLE that can create schemas in the database.
 */
export async function provisionServiceDatabase(adminUrl: string, spec: ServiceDatabaseSpec): Promise<void> {
  const schema = assertIdentifier(spec.schema);
  const owner = ownerRole(schema);
  const app = appRole(schema);
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  try {
    await admin.query(`SELECT pg_advisory_lock(hashtext('provision:' || $1))`, [schema]);
    for (const role of [owner, app]) {
      await admin.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} LOGIN; END IF;
      END $$`);
    }
    for (const [role, password] of [
      [owner, spec.passwords?.owner],
      [app, spec.passwords?.app],
    ] as const) {
      if (password === undefined) continue;
      // Encrypted by the server (password_encryption, scram-sha-256 by default): the clear text
      // is not kept. format() quotes it, so no password can break out of the literal.
      const { rows } = await admin.query<{ sql: string }>(`SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text) AS sql`, [role, password]);
      await admin.query(rows[0]!.sql);
    }
    // Nothing the service does keeps a transaction open while it waits on something else, and an
    // open transaction pins the commit horizon every whole-log reader of the cluster waits below:
    // one left idle (a bug, a hung client) or a runaway statement is cut off, not waited for.
    await admin.query(`ALTER ROLE ${app} SET idle_in_transaction_session_timeout = '${APP_IDLE_IN_TRANSACTION_TIMEOUT}'`);
    await admin.query(`ALTER ROLE ${app} SET statement_timeout = '${APP_STATEMENT_TIMEOUT}'`);
    const db = (await admin.query<{ db: string }>(`SELECT current_database() AS db`)).rows[0]!.db;
    // The database's one catalogue row holds every service's CONNECT grant: two services
    // provisioned at once (separate jobs, one cluster) would update it concurrently and one would
    // fail ("tuple concurrently updated"). The grant waits for any other service's.
    await admin.query('BEGIN');
    try {
      await admin.query(`SELECT pg_advisory_xact_lock(hashtext('provision-database-grants:' || current_database()))`);
      await admin.query(`GRANT CONNECT ON DATABASE "${db}" TO ${owner}, ${app}`);
      await admin.query('COMMIT');
    } catch (error) {
      await admin.query('ROLLBACK');
      throw error;
    }
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}" AUTHORIZATION ${owner}`);
    await admin.query(`GRANT USAGE ON SCHEMA "${schema}" TO ${app}`);

    const dataSource = new DataSource({
      ...typeormConnection(connectionFor(adminUrl, owner, schema, spec.passwords?.owner), 1),
      migrations: spec.migrations,
      migrationsTableName: 'schema_migrations',
      migrationsTransactionMode: 'each',
    } as DataSourceOptions);
    try {
      await dataSource.initialize();
      await dataSource.runMigrations();
    } finally {
      // Also after a failed initialize, whose pool stays open and would keep the process alive.
      if (dataSource.isInitialized) await dataSource.destroy();
      else await dataSource.driver.disconnect().catch(() => undefined);
    }

    // One transaction: a crash between the broad grant and the revokes must not leave the app
    // role able to change the log.
    await admin.query('BEGIN');
    try {
      // Tables an earlier provisioning created as the admin (read models) become the owner's, so
      // the owner's migrations and rebuilds can alter and replace them.
      const foreign = await admin.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tableowner <> $2`, [schema, owner]);
      for (const { tablename } of foreign.rows) await admin.query(`ALTER TABLE "${schema}"."${tablename}" OWNER TO ${owner}`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO ${app}`);
      await admin.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO ${app}`);
      await admin.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA "${schema}" TO ${app}`);
      for (const table of APPEND_ONLY_TABLES) await admin.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "${schema}".${table} FROM ${app}`);
      for (const table of NO_DELETE_TABLES) await admin.query(`REVOKE DELETE, TRUNCATE ON "${schema}".${table} FROM ${app}`);
      await admin.query('COMMIT');
    } catch (error) {
      await admin.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(hashtext('provision:' || $1))`, [schema]).catch(() => undefined);
    await admin.end();
  }
}

/** A service asked to serve as a role that could change its log. */
export class PrivilegedServiceRoleError extends Error {
  constructor(
    readonly role: string,
    readonly privileges: string[],
    schema: string,
  ) {
    super(
      `refusing to serve as ${role}: it can ${privileges.join(', ')}; the event log must be append-only for the service. ` +
        `Run the service as ${appRole(schema)} (DATABASE_URL's user), created by the provision command`,
    );
    this.name = 'PrivilegedServiceRoleError';
  }
}

/**
 * Refuses to serve as a role that could change the log: a superuser, the schema's owner, or a
 * role granted UPDATE, DELETE or TRUNCATE on `events` or DELETE on `streams` (the triggers would
 * still refuse the statements, but a role that can disable them must not be the one serving).
 */
export async function assertAppendOnlyRole(db: Database): Promise<void> {
  const { rows } = await db.query<{ role: string; privileges: string[] }>(
    `SELECT current_user AS role, array_remove(ARRAY[
        CASE WHEN r.rolsuper THEN 'act as a superuser' END,
        CASE WHEN pg_has_role(current_user, c.relowner, 'USAGE') THEN 'own the log (and disable its triggers)' END,
        CASE WHEN has_table_privilege('events', 'UPDATE') THEN 'UPDATE events' END,
        CASE WHEN has_table_privilege('events', 'DELETE') THEN 'DELETE events' END,
        CASE WHEN has_table_privilege('events', 'TRUNCATE') THEN 'TRUNCATE events' END,
        CASE WHEN has_table_privilege('streams', 'DELETE') THEN 'DELETE streams' END
      ], NULL) AS privileges
       FROM pg_roles r, pg_class c
      WHERE r.rolname = current_user AND c.oid = 'events'::regclass`,
  );
  const { role, privileges } = rows[0]!;
  if (privileges.length > 0) throw new PrivilegedServiceRoleError(role, privileges, db.schema);
}

/** Drops a schema and its two roles (tests, and `rebuild --from-scratch` environments). */
export async function dropServiceDatabase(adminUrl: string, schema: string): Promise<void> {
  assertIdentifier(schema);
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    for (const role of [appRole(schema), ownerRole(schema)]) {
      const exists = await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
      if (exists.rowCount) {
        await admin.query(`DROP OWNED BY ${role}`);
        await admin.query(`DROP ROLE ${role}`);
      }
    }
  } finally {
    await admin.end();
  }
}

/**
 * The service's runtime connection: a TypeORM DataSource as the app role, whose pg pool the
 * event store, relay and inbox share through `Database`.
 */
export async function openServiceDatabase(
  baseUrl: string,
  schema: string,
  options: { poolSize?: number; user?: string } = {},
): Promise<{ dataSource: DataSource; db: Database }> {
  const connection = connectionFor(baseUrl, options.user ?? appRole(schema), schema);
  const dataSource = new DataSource(typeormConnection(connection, options.poolSize ?? 10));
  await dataSource.initialize();
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return { dataSource, db: new Database(pool, schema) };
}
