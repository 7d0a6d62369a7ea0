import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { deadLetterTopicName, topicName } from '@dw/contracts';
import { Database, dropServiceDatabase, ownerRole, parseLogPosition } from '@dw/event-store';
import { type Clock, ManualClock } from '@dw/kernel';
import { JsonLogger } from '@dw/observability';
import {
  connectInbox,
  consumerGroupOf,
  createDevKeySet,
  createServiceApp,
  DEV_ISSUER,
  loadConfig,
  mintDevToken,
  provisionService,
  signRequest,
  type IntegrationClient,
  type Role,
} from '@dw/platform';
import { ProjectionRunner } from '@dw/projections';
import { databaseUrl, kafkaBrokers, ReadYourWritesSession, testMessageBus } from '@dw/testing';
import { AppModule } from '../app.module';
import { receiptServiceDefinition } from '../receipt.service-definition';
import { ReceiptServiceConfig } from '../receipt-service.config';

/**
 * The receipt service in-process, exactly as main.ts builds it (createServiceApp + AppModule),
 * on real PostgreSQL (its own schema, provisioned with roles and grants like production) and
 * real Kafka (its own topic prefix), with a clock the test moves. Integration specs drive it
 * over HTTP with dev tokens and signed integration requests.
 */

const SECRET = (name: string) => `${name}-secret-0123456789-0123456789-abcdef`;

export const EXCHANGE: IntegrationClient = { id: 'shfe', secret: SECRET('shfe'), role: 'exchange', name: 'Shanghai Futures Exchange' };
export const BANK: IntegrationClient = { id: 'bank-icbc', secret: SECRET('icbc'), role: 'bank', name: 'ICBC Shanghai' };
export const OTHER_BANK: IntegrationClient = { id: 'bank-boc', secret: SECRET('boc'), role: 'bank', name: 'Bank of China Shanghai' };
export const COURT: IntegrationClient = { id: 'court-pudong', secret: SECRET('court'), role: 'court', name: 'Pudong People’s Court' };
export const INTEGRATION_CLIENTS = [EXCHANGE, BANK, OTHER_BANK, COURT];

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

export class ReceiptTestApp {
  /** Every request carries the latest position an answer gave, so reads show the spec's writes. */
  readonly session = new ReadYourWritesSession();

  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly schema: string,
    readonly prefix: string,
    readonly clock: ManualClock,
    /** As the schema owner, who can bypass the append-only grants like a DBA could. */
    readonly owner: Database,
    private readonly keys: ReturnType<typeof createDevKeySet>,
  ) {}

  static async start(label: string, options: { clock?: ManualClock; consume?: boolean; env?: Record<string, string> } = {}): Promise<ReceiptTestApp> {
    const run = randomBytes(4).toString('hex');
    const schema = `t_receipt_${label.replace(/[^a-z0-9]/g, '_').slice(0, 16)}_${run}`;
    const prefix = `t${run}`;
    const clock = options.clock ?? new ManualClock(new Date());
    const admin = databaseUrl();
    await provisionService(
      receiptServiceDefinition,
      { DATABASE_ADMIN_URL: admin, DATABASE_SCHEMA: schema, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix },
      () => undefined,
    );
    const keys = createDevKeySet();
    const appUrl = new URL(admin);
    appUrl.username = `${schema}_app`;
    const config = loadConfig(ReceiptServiceConfig, {
      DATABASE_URL: appUrl.toString(),
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      HTTP_PORT: '0',
      SERVICE_NAME: 'receipt',
      LOG_LEVEL: 'error',
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_JWKS: JSON.stringify(keys.jwks),
      INTEGRATION_CLIENTS: JSON.stringify(INTEGRATION_CLIENTS),
      // The schedule is off: specs run the sweep at the times they choose.
      EXPIRY_SWEEP_INTERVAL_MS: '0',
      // A loaded CI machine can hold a read model back for seconds; a read waits rather than fails.
      READ_YOUR_WRITES_TIMEOUT_MS: '30000',
      ...options.env,
    });
    const quiet = { write: () => true };
    const app = await createServiceApp(AppModule, {
      config,
      clock,
      logger: new JsonLogger({ service: 'receipt', level: 'error', stdout: quiet, stderr: quiet }),
    });
    if (options.consume) connectInbox(app);
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const ownerPool = new Pool({ connectionString: admin, user: ownerRole(schema), options: `-c search_path=${schema}`, max: 2 });
    return new ReceiptTestApp(app, `http://127.0.0.1:${port}`, schema, prefix, clock, new Database(ownerPool, schema), keys);
  }

  get db(): Database {
    return this.app.get(Database);
  }

  topic(spec: Parameters<typeof topicName>[0]): string {
    return topicName(spec, this.prefix);
  }

  /**
   * Waits until the read models have applied the latest write this spec saw (read-your-writes),
   * for specs that read the read-model tables directly rather than through a query.
   */
  async projectionsCaughtUp(): Promise<void> {
    const token = this.session.positionOf(this.url);
    const position = token === undefined ? undefined : parseLogPosition(token);
    if (!position) return;
    const behind = await this.app.get(ProjectionRunner).waitUntilApplied(position, 30_000);
    if (behind.length > 0) throw new Error(`read models ${behind.join(', ')} did not apply ${token} within 30 s`);
  }

  token(person: Person): string {
    return mintDevToken(this.keys, { sub: person.sub, roles: person.roles, partyId: person.partyId, issuedAt: this.clock.now() });
  }

  /** A request by a person with a bearer token. */
  async as(person: Person, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return this.send(method, path, json === undefined ? undefined : JSON.stringify(json), { authorization: `Bearer ${this.token(person)}`, ...headers });
  }

  /** A request by an integration client, signed with its secret at the test clock's time, with an Idempotency-Key on changes. */
  async signed(
    client: IntegrationClient,
    method: string,
    path: string,
    json?: unknown,
    options: { idempotencyKey?: string; headers?: Record<string, string>; clock?: Clock } = {},
  ): Promise<Answer> {
    const body = json === undefined ? undefined : JSON.stringify(json);
    const signature = signRequest({ clientId: client.id, secret: client.secret, method, path, body, clock: options.clock ?? this.clock });
    const idempotency: Record<string, string> = method === 'GET' ? {} : { 'idempotency-key': options.idempotencyKey ?? randomBytes(8).toString('hex') };
    return this.send(method, path, body, { ...signature, ...idempotency, ...options.headers });
  }

  async send(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...this.session.headersFor(this.url), ...headers },
      body,
    });
    this.session.remember(this.url, response.headers);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.owner.pool.end();
    await dropServiceDatabase(databaseUrl(), this.schema);
    const bus = testMessageBus();
    const admin = await bus.admin();
    try {
      const group = consumerGroupOf(receiptServiceDefinition, this.prefix);
      const topics = [...receiptServiceDefinition.producedTopics, ...receiptServiceDefinition.consumedTopics].map((spec) => topicName(spec, this.prefix));
      await admin.deleteTopics([...topics, deadLetterTopicName(group)]).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}
