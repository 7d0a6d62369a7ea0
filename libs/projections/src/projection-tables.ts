import type { Database, SqlClient } from '@dw/event-store';
import { Projection } from './projection';

function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return name;
}

async function tableExists(sql: SqlClient, table: string): Promise<boolean> {
  const { rows } = await sql.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [table]);
  return rows[0]!.found;
}

/**
 * Creates missing live read-model tables. Runs as the schema owner (provisioning or the
 * rebuild command): the service's own role cannot create or drop tables.
 */
export async function ensureProjectionTables(owner: Database, projections: readonly Projection[], appRole: string): Promise<void> {
  for (const projection of projections) {
    for (const [logical, ddl] of Object.entries(projection.tables)) {
      const table = assertIdentifier(logical);
      if (await tableExists(owner, table)) continue;
      await owner.query((ddl as (t: string) => string)(table));
      await grantReadModel(owner, table, appRole);
    }
  }
}

/** The service role reads and writes read models (and their serial columns' sequences). */
async function grantReadModel(owner: SqlClient, table: string, appRole: string): Promise<void> {
  const role = assertIdentifier(appRole);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${role}`);
  const { rows } = await owner.query<{ seq: string }>(
    `SELECT s.relname AS seq FROM pg_class s JOIN pg_depend d ON d.objid = s.oid JOIN pg_class t ON t.oid = d.refobjid
      WHERE s.relkind = 'S' AND t.oid = to_regclass($1)`,
    [table],
  );
  for (const { seq } of rows) await owner.query(`GRANT USAGE, SELECT ON SEQUENCE ${assertIdentifier(seq)} TO ${role}`);
}

/** Creates a fresh set of tables for a rebuild, named `<table>__r<stamp>`. */
export async function createShadowTables(owner: SqlClient, projection: Projection, stamp: string, appRole: string): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const [logical, ddl] of Object.entries(projection.tables)) {
    const shadow = assertIdentifier(`${logical}__r${stamp}`);
    await owner.query(`DROP TABLE IF EXISTS ${shadow}`);
    await owner.query((ddl as (t: string) => string)(shadow));
    await grantReadModel(owner, shadow, appRole);
    names[logical] = shadow;
  }
  return names;
}

/** Rows in one table and not the other, both ways: empty when the two are equal row for row. */
export async function diffTables(sql: SqlClient, a: string, b: string): Promise<{ onlyInA: number; onlyInB: number; countA: number; countB: number }> {
  assertIdentifier(a);
  assertIdentifier(b);
  const { rows } = await sql.query<{ only_a: number; only_b: number; count_a: number; count_b: number }>(
    `SELECT (SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}) x)::int AS only_a,
            (SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a}) y)::int AS only_b,
            (SELECT count(*) FROM ${a})::int AS count_a,
            (SELECT count(*) FROM ${b})::int AS count_b`,
  );
  const r = rows[0]!;
  return { onlyInA: r.only_a, onlyInB: r.only_b, countA: r.count_a, countB: r.count_b };
}
