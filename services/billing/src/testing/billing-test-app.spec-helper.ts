import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dropServiceDatabase } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { JsonLogger } from '@dw/observability';
import {
  connectInbox,
  createDevKeySet,
  createServiceApp,
  DEV_ISSUER,
  loadConfig,
  mintDevToken,
  provisionService,
  BaseServiceConfig,
  signRequest,
  type IntegrationClient,
  type Role,
} from '@dw/platform';
import { databaseUrl, kafkaBrokers, ReadYourWritesSession } from '@dw/testing';
import { AppModule } from '../app.module';
import { billingServiceDefinition } from '../billing.service-definition';

// Specs inspect answers of many shapes field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface Answer {
  status: number;
  headers: Headers;
  body: Body;
}

export interface Person {
  sub: string;
  roles: Role[];
  partyId?: string;
}

export const manager: Person = { sub: 'mgr-qian', roles: ['manager'] };
export const clerk: Person = { sub: 'clerk-li', roles: ['clerk'] };
export const depositor = (partyId: string): Person => ({ sub: `dep-${partyId}`, roles: ['depositor'], partyId });

const SECRET = (name: string) => `${name}-secret-0123456789-0123456789-abcdef`;
/** The banks connected to the warehouse (signed integration clients); the id is the bank id in billing. */
export const BANK: IntegrationClient = { id: 'bank-icbc', secret: SECRET('icbc'), role: 'bank', name: 'ICBC Shanghai' };
export const OTHER_BANK: IntegrationClient = { id: 'bank-boc', secret: SECRET('boc'), role: 'bank', name: 'Bank of China Shanghai' };
export const EXCHANGE: IntegrationClient = { id: 'shfe', secret: SECRET('shfe'), role: 'exchange', name: 'Shanghai Futures Exchange' };

/**
 * The billing service in-process, exactly as main.ts builds it (createServiceApp + AppModule),
 * on real PostgreSQL (its own schema, provisioned with roles and grants like production) and
 * real Kafka (its own topic prefix), with a clock the test moves; specs drive it over HTTP with
 * dev tokens and read their own writes through the log position the answers carry.
 */
export class BillingTestApp {
  readonly session = new ReadYourWritesSession();

  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly schema: string,
    readonly prefix: string,
    readonly clock: ManualClock,
    private readonly keys: ReturnType<typeof createDevKeySet>,
  ) {}

  static async start(label: string, clock: ManualClock): Promise<BillingTestApp> {
    const run = randomBytes(4).toString('hex');
    const schema = `t_billing_${label.replace(/[^a-z0-9]/g, '_').slice(0, 16)}_${run}`;
    const prefix = `t${run}`;
    const admin = databaseUrl();
    await provisionService(
      billingServiceDefinition,
      { DATABASE_ADMIN_URL: admin, DATABASE_SCHEMA: schema, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix },
      () => undefined,
    );
    const keys = createDevKeySet();
    const appUrl = new URL(admin);
    appUrl.username = `${schema}_app`;
    const config = loadConfig(BaseServiceConfig, {
      DATABASE_URL: appUrl.toString(),
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      HTTP_PORT: '0',
      SERVICE_NAME: 'billing',
      LOG_LEVEL: 'error',
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_JWKS: JSON.stringify(keys.jwks),
      // A loaded CI machine can hold a read model back for seconds; a read waits rather than fails.
      READ_YOUR_WRITES_TIMEOUT_MS: '30000',
      INTEGRATION_CLIENTS: JSON.stringify([BANK, OTHER_BANK, EXCHANGE]),
    });
    const quiet = { write: () => true };
    const app = await createServiceApp(AppModule, {
      config,
      clock,
      logger: new JsonLogger({ service: 'billing', level: 'error', stdout: quiet, stderr: quiet }),
    });
    connectInbox(app);
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    return new BillingTestApp(app, `http://127.0.0.1:${port}`, schema, prefix, clock, keys);
  }

  /** The environment of the service's operational commands (provision, rebuild, verify) on this app's schema. */
  commandEnv(): Record<string, string> {
    return { DATABASE_ADMIN_URL: databaseUrl(), DATABASE_SCHEMA: this.schema, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: this.prefix };
  }

  /** A request by a person with a bearer token, carrying the latest log position this spec saw. */
  async as(person: Person, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const token = mintDevToken(this.keys, { sub: person.sub, roles: person.roles, partyId: person.partyId, issuedAt: this.clock.now() });
    return this.send(method, path, json === undefined ? undefined : JSON.stringify(json), { authorization: `Bearer ${token}`, ...headers });
  }

  /**
   * A request by an integration client, signed with its secret at the test clock's time, with an
   * Idempotency-Key on changes. `readYourWrites: false` sends no log position: a bank's own
   * notices never wait for our read models, and a volume test measures them as a bank sends them.
   */
  async signed(
    client: IntegrationClient,
    method: string,
    path: string,
    json?: unknown,
    options: { idempotencyKey?: string; readYourWrites?: boolean } = {},
  ): Promise<Answer> {
    const body = json === undefined ? undefined : JSON.stringify(json);
    const signature = signRequest({ clientId: client.id, secret: client.secret, method, path, body, clock: this.clock });
    const idempotency: Record<string, string> = method === 'GET' ? {} : { 'idempotency-key': options.idempotencyKey ?? randomBytes(8).toString('hex') };
    return this.send(method, path, body, { ...signature, ...idempotency }, options.readYourWrites ?? true);
  }

  /** Sends a request (JSON when it has a body), with the read-your-writes position unless told not to, and remembers the one the answer gives. */
  private async send(method: string, path: string, body: string | undefined, headers: Record<string, string>, readYourWrites = true): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(readYourWrites ? this.session.headersFor(this.url) : {}),
        ...headers,
      },
      body,
    });
    this.session.remember(this.url, response.headers);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  }

  async close(): Promise<void> {
    await this.app.close();
    await dropServiceDatabase(databaseUrl(), this.schema);
  }
}
