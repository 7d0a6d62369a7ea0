import { toBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { deadLetterTopicName, topicName, type TopicSpec } from '@dw/contracts';
import { Database, dropServiceDatabase, EventStore, ownerRole } from '@dw/event-store';
import type { ManualClock } from '@dw/kernel';
import { diffTables, ProjectionRunner } from '@dw/projections';
import { JsonLogger } from '@dw/observability';
import { databaseUrl, kafkaBrokers, ReadYourWritesSession, serviceProcessEnv, testMessageBus } from '@dw/testing';
import { createDevKeySet, DEV_ISSUER, mintDevToken, type DevKeySet } from '../auth/dev-tokens';
import type { Role } from '../auth/role';
import { createServiceApp } from '../bootstrap/create-service-app';
import { BaseServiceConfig } from '../config/base-service.config';
import { loadConfig } from '../config/load-config';
import { connectInbox } from '../event-sourcing/connect-inbox';
import { provisionService, rebuildService } from '../event-sourcing/service-commands';
import type { IntegrationClient } from '../integration/integration-clients';
import { signRequest } from '../integration/request-signature';
import { schemaOf } from '../event-sourcing/service-definition';
import { logHeadOf } from '../http/read-your-writes';
import { consumerGroupOf, type ServiceDefinition } from '../event-sourcing/service-definition';

// Specs inspect answers of many shapes field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface Answer {
  status: number;
  headers: Headers;
  /** The JSON (or problem+json) answer parsed; undefined for an empty or non-JSON one. */
  body: Body;
  /** The answer as sent, for a document (a PDF) a spec reads byte by byte. */
  bytes: Buffer;
}

/** Who a spec's request comes from: the claims of the bearer token it carries. */
export interface Person {
  sub: string;
  roles: Role[];
  partyId?: string;
}

export interface ServiceTestAppOptions {
  definition: ServiceDefinition;
  /** The service's AppModule, as its main.ts passes it to bootstrapService. */
  appModule: Type | DynamicModule;
  /** Names the fresh schema, so a leftover one says which spec made it. */
  label: string;
  clock: ManualClock;
  /** The service's config class; BaseServiceConfig when it has no variables of its own. */
  config?: new () => BaseServiceConfig;
  /** The running service's own variables (integration clients, schedules, an unreachable broker), added last; provisioning runs on the suite's servers. */
  env?: Record<string, string>;
  /** Connects the Kafka inbox, for specs that publish what the service consumes. */
  consume?: boolean;
}

/** A service started by startServiceTestApp: what a ServiceTestApp is made of. */
export interface StartedServiceTestApp {
  app: INestApplication;
  definition: ServiceDefinition;
  url: string;
  schema: string;
  prefix: string;
  clock: ManualClock;
  owner: Database;
  keys: DevKeySet;
}

/**
 * A service in-process as its main.ts builds it (createServiceApp + AppModule, the Kafka inbox
 * connected when asked), on real PostgreSQL (a fresh schema provisioned with its roles and grants
 * like production) and real Kafka (a topic prefix of its own), with a clock the spec moves.
 */
export async function startServiceTestApp(options: ServiceTestAppOptions): Promise<StartedServiceTestApp> {
  const { definition, clock } = options;
  const run = randomBytes(4).toString('hex');
  // The service's schema name (snake_case: factory-delivery → factory_delivery), so the fresh one is a plain identifier.
  const schema = `t_${schemaOf(definition)}_${options.label.replace(/[^a-z0-9]/g, '_').slice(0, 16)}_${run}`;
  const prefix = `t${run}`;
  const keys = createDevKeySet();
  const env = serviceProcessEnv({
    service: definition.name,
    schema,
    topicPrefix: prefix,
    auth: { issuer: DEV_ISSUER, jwks: keys.jwks },
    // A loaded CI machine can hold a read model back for seconds; a read waits rather than fails.
    extra: { LOG_LEVEL: 'error', READ_YOUR_WRITES_TIMEOUT_MS: '30000' },
  });
  await provisionService(definition, env, () => undefined);
  const quiet = { write: () => true };
  const app = await createServiceApp(options.appModule, {
    config: loadConfig(options.config ?? BaseServiceConfig, { ...env, ...options.env }),
    clock,
    logger: new JsonLogger({ service: definition.name, level: 'error', stdout: quiet, stderr: quiet }),
  });
  if (options.consume) connectInbox(app);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const ownerPool = new Pool({ connectionString: env.DATABASE_ADMIN_URL, user: ownerRole(schema), options: `-c search_path=${schema}`, max: 2 });
  return { app, definition, url: `http://127.0.0.1:${port}`, schema, prefix, clock, owner: new Database(ownerPool, schema), keys };
}

/**
 * What every service's in-process test app shares: its parts, dev tokens, requests that carry the
 * read-your-writes position, and a close() that drops its schema and topics. Each service's own
 * `<service>-test-app.spec-helper.ts` extends it with a static start() and its own requests.
 */
export class ServiceTestApp {
  /** Every request carries the latest position an answer gave, so reads show the spec's writes. */
  readonly session = new ReadYourWritesSession();
  readonly app: INestApplication;
  readonly url: string;
  readonly schema: string;
  readonly prefix: string;
  readonly clock: ManualClock;
  /** As the schema owner, who may create tables (a rebuild's shadow tables) and bypass the append-only grants like a DBA could. */
  readonly owner: Database;
  private readonly definition: ServiceDefinition;
  private readonly keys: DevKeySet;

  protected constructor(started: StartedServiceTestApp) {
    ({ app: this.app, url: this.url, schema: this.schema, prefix: this.prefix, clock: this.clock, owner: this.owner } = started);
    this.definition = started.definition;
    this.keys = started.keys;
  }

  get store(): EventStore {
    return this.app.get(EventStore);
  }

  get db(): Database {
    return this.app.get(Database);
  }

  /**
   * Waits until every read model has applied the whole log as committed now, for specs that
   * compare read-model tables directly: each projection follows the log on a checkpoint of its
   * own, so one read model can show a write another has not applied yet.
   */
  async readModelsCaughtUp(timeoutMs = 30_000): Promise<void> {
    const head = await logHeadOf(this.db);
    if (!head) return;
    const behind = await this.app.get(ProjectionRunner).waitUntilApplied(head, timeoutMs);
    if (behind.length > 0) throw new Error(`read models ${behind.join(', ')} did not apply the log within ${timeoutMs} ms`);
  }

  /** The environment of the service's operational commands (provision, rebuild, verify) on this app's schema. */
  commandEnv(): Record<string, string> {
    return { DATABASE_ADMIN_URL: databaseUrl(), DATABASE_SCHEMA: this.schema, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: this.prefix };
  }

  /**
   * Copies each read-model table as it stands live (`live_copy_<table>`, as the owner) and counts
   * its rows, in the order given: what a rebuild must give again, row for row.
   */
  async copyLiveTables(tables: readonly string[]): Promise<number[]> {
    for (const table of tables) await this.owner.query(`CREATE TABLE live_copy_${table} AS TABLE ${table}`);
    return Promise.all(tables.map(async (table) => (await this.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n));
  }

  /** A table against its live copy (`copyLiveTables`), with the table's name, for a spec to compare after a rebuild. */
  async diffFromLiveCopy(table: string): Promise<{ table: string; onlyInA: number; onlyInB: number; countA: number; countB: number }> {
    return { table, ...(await diffTables(this.owner, table, `live_copy_${table}`)) };
  }

  /** A topic's real name under this app's prefix. */
  topic(spec: TopicSpec): string {
    return topicName(spec, this.prefix);
  }

  token(person: Person): string {
    return mintDevToken(this.keys, { sub: person.sub, roles: person.roles, partyId: person.partyId, issuedAt: this.clock.now() });
  }

  /** A request by a person with a bearer token, carrying the latest log position this spec saw. */
  async as(person: Person, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const body = json === undefined ? undefined : JSON.stringify(json);
    return this.send(method, path, body, { authorization: `Bearer ${this.token(person)}`, ...headers });
  }

  /** A signed integration request at the test clock's time (or the headers given), with an Idempotency-Key on changes. */
  async signed(
    client: IntegrationClient,
    method: string,
    path: string,
    json?: unknown,
    options: { idempotencyKey?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const body = json === undefined ? undefined : JSON.stringify(json);
    const signature = options.headers ?? signRequest({ clientId: client.id, secret: client.secret, method, path, body, clock: this.clock });
    const idempotency: Record<string, string> = method === 'GET' ? {} : { 'idempotency-key': options.idempotencyKey ?? randomBytes(8).toString('hex') };
    return this.send(method, path, body, { ...signature, ...idempotency });
  }

  /** The read models' rows (ordered by their first two columns) live, then after `rebuild` replays the log into them: equal when they are rebuildable. */
  async liveAndRebuilt(tables: readonly string[]): Promise<{ live: Record<string, unknown[]>; rebuilt: Record<string, unknown[]> }> {
    await this.readModelsCaughtUp();
    const snapshot = async () =>
      Object.fromEntries(await Promise.all(tables.map(async (table) => [table, (await this.db.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows] as const)));
    const live = await snapshot();
    await rebuildService(this.definition, this.commandEnv(), [], () => undefined);
    return { live, rebuilt: await snapshot() };
  }

  /** Sends a request (JSON when it has a body) with the read-your-writes position, and remembers the one the answer gives. */
  async send(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...this.session.headersFor(this.url), ...headers },
      body,
    });
    this.session.remember(this.url, response.headers);
    const bytes = Buffer.from(await response.arrayBuffer());
    const json = (response.headers.get('content-type') ?? '').includes('json') && bytes.length > 0;
    return { status: response.status, headers: response.headers, body: json ? JSON.parse(bytes.toString('utf8')) : undefined, bytes };
  }

  /**
   * Publishes a contract message on its real topic (under this app's prefix) with the CloudEvents
   * headers the owning service's relay would give it (a new ce_id each call, so the inbox sees a
   * new message), as specs play the services this one consumes from.
   */
  async publish<D extends DescMessage>(topic: TopicSpec, key: string, schema: D, message: MessageShape<D>): Promise<void> {
    await this.publishAll(topic, schema, [{ key, message }]);
  }

  /** Like `publish`, several messages of one contract in one send, in the order given (each with its own ce_id). */
  async publishAll<D extends DescMessage>(topic: TopicSpec, schema: D, messages: readonly { key: string; message: MessageShape<D> }[]): Promise<void> {
    if (!topic.eventTypes.includes(schema.typeName)) throw new Error(`${schema.typeName} is not a contract of topic ${topic.name}`);
    const producer = testMessageBus().producer();
    await producer.connect();
    try {
      await producer.send(
        messages.map(({ key, message }) => ({
          topic: this.topic(topic),
          key,
          value: toBinary(schema, message),
          headers: {
            ce_specversion: '1.0',
            ce_id: randomUUID(),
            ce_type: schema.typeName,
            ce_source: `/dw/${topic.ownerService}`,
            ce_subject: key,
            ce_time: this.clock.now().toISOString(),
            'content-type': 'application/protobuf',
          },
        })),
      );
    } finally {
      await producer.disconnect();
    }
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.owner.pool.end();
    await dropServiceDatabase(databaseUrl(), this.schema);
    const admin = await testMessageBus().admin();
    try {
      const topics = [...new Set([...this.definition.producedTopics, ...this.definition.consumedTopics].map((spec) => this.topic(spec)))];
      await admin.deleteTopics([...topics, deadLetterTopicName(consumerGroupOf(this.definition, this.prefix))]).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}
