import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deadLetterTopicName, topicName } from '@dw/contracts';
import { dropServiceDatabase, EventStore } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { JsonLogger } from '@dw/observability';
import {
  BaseServiceConfig,
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
import { orderServiceDefinition } from '../order.service-definition';

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

/**
 * The order service in-process, as main.ts builds it (createServiceApp + AppModule), on real
 * PostgreSQL (its own provisioned schema) and real Kafka (its own topic prefix), with a clock the
 * test moves. HTTP specs drive it with dev tokens; `store` lets a spec record what the service
 * would have consumed (a storage card, an entitlement) the way its Kafka handlers do.
 */
export class OrderTestApp {
  /** Every request carries the latest position an answer gave, so reads show the spec's writes. */
  readonly session = new ReadYourWritesSession();

  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly schema: string,
    readonly prefix: string,
    readonly clock: ManualClock,
    private readonly keys: ReturnType<typeof createDevKeySet>,
  ) {}

  static async start(label: string, clock: ManualClock): Promise<OrderTestApp> {
    const run = randomBytes(4).toString('hex');
    const schema = `t_order_${label.replace(/[^a-z0-9]/g, '_').slice(0, 16)}_${run}`;
    const prefix = `t${run}`;
    const admin = databaseUrl();
    const kafka = { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix };
    await provisionService(orderServiceDefinition, { DATABASE_ADMIN_URL: admin, DATABASE_SCHEMA: schema, ...kafka }, () => undefined);
    const keys = createDevKeySet();
    const appUrl = new URL(admin);
    appUrl.username = `${schema}_app`;
    const config = loadConfig(BaseServiceConfig, {
      DATABASE_URL: appUrl.toString(),
      DATABASE_SCHEMA: schema,
      ...kafka,
      HTTP_PORT: '0',
      SERVICE_NAME: 'order',
      LOG_LEVEL: 'error',
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_JWKS: JSON.stringify(keys.jwks),
      READ_YOUR_WRITES_TIMEOUT_MS: '30000',
    });
    const quiet = { write: () => true };
    const app = await createServiceApp(AppModule, {
      config,
      clock,
      logger: new JsonLogger({ service: 'order', level: 'error', stdout: quiet, stderr: quiet }),
    });
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    return new OrderTestApp(app, `http://127.0.0.1:${port}`, schema, prefix, clock, keys);
  }

  get store(): EventStore {
    return this.app.get(EventStore);
  }

  token(person: Person): string {
    return mintDevToken(this.keys, { sub: person.sub, roles: person.roles, partyId: person.partyId, issuedAt: this.clock.now() });
  }

  /** A request by a person with a bearer token; `body` is sent as given when it is a string (malformed JSON), else as JSON. */
  async as(person: Person, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const body = json === undefined ? undefined : typeof json === 'string' ? json : JSON.stringify(json);
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...this.session.headersFor(this.url),
        authorization: `Bearer ${this.token(person)}`,
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
    const admin = await testMessageBus().admin();
    try {
      const topics = [...orderServiceDefinition.producedTopics, ...orderServiceDefinition.consumedTopics].map((spec) => topicName(spec, this.prefix));
      await admin.deleteTopics([...topics, deadLetterTopicName(consumerGroupOf(orderServiceDefinition, this.prefix))]).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}
