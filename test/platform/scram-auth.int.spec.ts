import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createDevKeySet, DEV_ISSUER, mintDevToken } from '@dw/platform';
import { kafkaBrokers, PrivatePostgres, runEntryPoint, startServiceProcess, type ServiceProcess } from '@dw/testing';

/**
 * Roles with passwords: without them nothing worked against a server that
 * authenticates with scram-sha-256 (every managed PostgreSQL). A cluster of the test's own
 * requires scram for TCP clients; the service is provisioned with the app role's password from
 * its DATABASE_URL and the owner's from DATABASE_OWNER_PASSWORD, then serves, rebuilds and
 * verifies, each as the right role with the right password.
 */
const ENTRY = 'test/platform/fixtures/probe-services/probe-services.ts';
const run = randomBytes(4).toString('hex');
const schema = `t_scram_${run}`;
const passwords = {
  admin: `admin-${randomBytes(8).toString('hex')}`,
  owner: `owner-${randomBytes(8).toString('hex')}`,
  app: `app/${randomBytes(8).toString('hex')}:@`,
};
const keys = createDevKeySet();

describe('a PostgreSQL that authenticates with scram-sha-256', () => {
  let cluster: PrivatePostgres;
  let admin: Pool;
  let service: ServiceProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    cluster = await PrivatePostgres.start(55_434, { scram: { adminPassword: passwords.admin } });
    admin = new Pool({ connectionString: cluster.url, max: 1 });
    const serviceUrl = new URL(cluster.url);
    serviceUrl.username = `${schema}_app`;
    serviceUrl.password = encodeURIComponent(passwords.app);
    env = {
      DATABASE_URL: serviceUrl.toString(),
      DATABASE_ADMIN_URL: cluster.url,
      DATABASE_OWNER_PASSWORD: passwords.owner,
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `scram${run}`,
      HTTP_PORT: '0',
      SERVICE_NAME: 'platform',
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_JWKS: JSON.stringify(keys.jwks),
      LOG_LEVEL: 'info',
    };
  });
  afterAll(async () => {
    await service?.stop();
    await admin?.end();
    await cluster?.destroy();
  });

  it('provisions roles with SCRAM-SHA-256 passwords, then serves, rebuilds and verifies with them', async () => {
    expect(await runEntryPoint(ENTRY, ['platform', 'provision'], env)).toContain(`schema ${schema} migrated`);
    const { rows } = await admin.query<{ rolname: string; scram: boolean }>(
      `SELECT rolname, rolpassword LIKE 'SCRAM-SHA-256$%' AS scram FROM pg_authid WHERE rolname = ANY($1::text[]) ORDER BY rolname`,
      [[`${schema}_app`, `${schema}_owner`]],
    );
    expect(rows).toEqual([
      { rolname: `${schema}_app`, scram: true },
      { rolname: `${schema}_owner`, scram: true },
    ]);

    service = await startServiceProcess(ENTRY, ['platform'], env);
    const token = mintDevToken(keys, { sub: 'clerk-7', roles: ['clerk'] });
    const written = await fetch(`${service.baseUrl}/probes/scram-1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ payload: 'over scram', weightKg: 1 }),
    });
    expect(written.status).toBe(200);
    const read = await fetch(`${service.baseUrl}/probes/scram-1`, {
      headers: { authorization: `Bearer ${token}`, 'x-min-log-position': written.headers.get('x-log-position')! },
    });
    expect(await read.json()).toEqual({ probeId: 'scram-1', version: 1 });

    expect(await runEntryPoint(ENTRY, ['platform', 'rebuild'], env)).toMatch(/rebuilt probe_versions/);
    expect(await runEntryPoint(ENTRY, ['platform', 'verify'], env)).toMatch(/verified [2-9] stream\(s\), 0 broken/);
  });

  it('refuses a service with the wrong password (the server checks it, nothing falls back to trust)', async () => {
    const wrong = new URL(env.DATABASE_URL!);
    wrong.password = 'not-the-password';
    const outcome = await startServiceProcess(ENTRY, ['platform'], { ...env, DATABASE_URL: wrong.toString() }, 30_000).then(
      async (started) => {
        await started.stop();
        return 'served';
      },
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/password authentication failed/);
  });
});
