import type { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { deadLetterTopicName, EventRegistry, receiptEventSchemas, topicName, type TopicSpec } from '@dw/contracts';
import { Pool } from 'pg';
import { Database, dropServiceDatabase, EventStore, ownerRole } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { JsonLogger } from '@dw/observability';
import {
  BaseServiceConfig,
  connectInbox,
  consumerGroupOf,
  createDevKeySet,
  createServiceApp,
  DEV_ISSUER,
  loadConfig,
  mintDevToken,
  provisionService,
  type Role,
} from '@dw/platform';
import { databaseUrl, kafkaBrokers, ReadYourWritesSession, testMessageBus } from '@dw/testing';
import { AppModule } from '../app.module';
import { inventoryServiceDefinition } from '../inventory.service-definition';

// Specs inspect answers of many shapes field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface Person {
  sub: string;
  roles: Role[];
  partyId?: string;
}

const registry = new EventRegistry().register(...receiptEventSchemas);

/**
 * The inventory service in-process, as main.ts builds it (createServiceApp + AppModule, Kafka
 * inbox connected), on real PostgreSQL (its own provisioned schema) and real Kafka (its own topic
 * prefix). Specs publish other services' events on the real topics and drive the API with dev tokens.
 */
export class InventoryTestApp {
  /** Every request carries the latest position an answer gave, so reads show the spec's writes. */
  readonly session = new ReadYourWritesSession();

  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly schema: string,
    readonly prefix: string,
    readonly clock: ManualClock,
    /** As the schema owner, who may create tables (a rebuild's shadow tables). */
    readonly owner: Database,
    private readonly keys: ReturnType<typeof createDevKeySet>,
  ) {}

  static async start(label: string, clock: ManualClock): Promise<InventoryTestApp> {
    const run = randomBytes(4).toString('hex');
    const schema = `t_inventory_${label.replace(/[^a-z0-9]/g, '_').slice(0, 16)}_${run}`;
    const prefix = `t${run}`;
    const admin = databaseUrl();
    const kafka = { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix };
    await provisionService(inventoryServiceDefinition, { DATABASE_ADMIN_URL: admin, DATABASE_SCHEMA: schema, ...kafka }, () => undefined);
    const keys = createDevKeySet();
    const appUrl = new URL(admin);
    appUrl.username = `${schema}_app`;
    const config = loadConfig(BaseServiceConfig, {
      DATABASE_URL: appUrl.toString(),
      DATABASE_SCHEMA: schema,
      ...kafka,
      HTTP_PORT: '0',
      SERVICE_NAME: 'inventory',
      LOG_LEVEL: 'error',
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_JWKS: JSON.stringify(keys.jwks),
      INTEGRATION_CLIENTS: '[]',
      READ_YOUR_WRITES_TIMEOUT_MS: '30000',
    });
    const quiet = { write: () => true };
    const app = await createServiceApp(AppModule, {
      config,
      clock,
      logger: new JsonLogger({ service: 'inventory', level: 'error', stdout: quiet, stderr: quiet }),
    });
    connectInbox(app);
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const ownerPool = new Pool({ connectionString: admin, user: ownerRole(schema), options: `-c search_path=${schema}`, max: 2 });
    return new InventoryTestApp(app, `http://127.0.0.1:${port}`, schema, prefix, clock, new Database(ownerPool, schema), keys);
  }

  get store(): EventStore {
    return this.app.get(EventStore);
  }

  get db(): Database {
    return this.app.get(Database);
  }

  /** Publishes another service's event on its real topic (with its prefix), as that service's relay would. */
  async publish<D extends DescMessage>(topic: TopicSpec, key: string, schema: D, message: MessageShape<D>): Promise<void> {
    const producer = testMessageBus().producer();
    await producer.connect();
    try {
      await producer.send([
        {
          topic: topicName(topic, this.prefix),
          key,
          value: registry.encodeEvent(schema.typeName, message),
          headers: {
            ce_specversion: '1.0',
            ce_id: randomUUID(),
            ce_type: schema.typeName,
            ce_source: '/dw/receipt',
            ce_subject: key,
            ce_time: this.clock.now().toISOString(),
            'content-type': 'application/protobuf',
          },
        },
      ]);
    } finally {
      await producer.disconnect();
    }
  }

  /** A request by a person with a bearer token. */
  async as(person: Person, method: string, path: string, json?: unknown): Promise<{ status: number; body: Body }> {
    const token = mintDevToken(this.keys, { sub: person.sub, roles: person.roles, partyId: person.partyId, issuedAt: this.clock.now() });
    const body = json === undefined ? undefined : JSON.stringify(json);
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
        ...this.session.headersFor(this.url),
      },
      body,
    });
    this.session.remember(this.url, response.headers);
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.owner.pool.end();
    await dropServiceDatabase(databaseUrl(), this.schema);
    const bus = testMessageBus();
    const admin = await bus.admin();
    try {
      const group = consumerGroupOf(inventoryServiceDefinition, this.prefix);
      const topics = [...inventoryServiceDefinition.producedTopics, ...inventoryServiceDefinition.consumedTopics].map((spec) => topicName(spec, this.prefix));
      await admin.deleteTopics([...topics, deadLetterTopicName(group)]).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}
