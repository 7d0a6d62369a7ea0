import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database, eventStoreMigrations } from '@dw/event-store';
import { createTestServiceDatabase, databaseUrl, type TestServiceDatabase } from '@dw/testing';

export type { TestServiceDatabase };
import { JsonLogger } from '@dw/observability';
import type { Clock } from '@dw/kernel';
import { createDevKeySet, DEV_ISSUER, mintDevToken, type DevKeySet } from '../auth/dev-tokens';
import type { Role } from '../auth/role';
import { createServiceApp } from '../bootstrap/create-service-app';
import type { ShutdownTimeouts } from '../bootstrap/graceful-shutdown';
import { BaseServiceConfig } from '../config/base-service.config';
import { loadConfig } from '../config/load-config';
import type { HealthOptions } from '../health/health.module';
import type { IntegrationClient } from '../integration/integration-clients';
import { platformEdgeMigrations } from '../migrations/platform-edge.migrations';

/** Test support for this library's integration specs (not exported): real PostgreSQL, real HTTP. */
export const ADMIN_URL = databaseUrl();

/** A fresh service schema with the event store's tables (provisioning expects them) and the platform's. */
export function testDatabase(label: string): Promise<TestServiceDatabase> {
  return createTestServiceDatabase(label, [...eventStoreMigrations, ...platformEdgeMigrations], { poolSize: 4 });
}

export const keySet: DevKeySet = createDevKeySet('ES256');

export function testConfig(overrides: { clients?: IntegrationClient[]; env?: Record<string, string> } = {}): BaseServiceConfig {
  return loadConfig(BaseServiceConfig, {
    DATABASE_URL: ADMIN_URL,
    KAFKA_BROKERS: '127.0.0.1:9092',
    HTTP_PORT: '0',
    SERVICE_NAME: 'platform-test',
    LOG_LEVEL: 'warn',
    AUTH_ISSUER: DEV_ISSUER,
    AUTH_JWKS: JSON.stringify(keySet.jwks),
    INTEGRATION_CLIENTS: JSON.stringify(overrides.clients ?? []),
    ...overrides.env,
  });
}

export function bearer(roles: Role[], extra: { sub?: string; partyId?: string; issuedAt?: Date } = {}): Record<string, string> {
  return { Authorization: `Bearer ${mintDevToken(keySet, { sub: extra.sub ?? 'user-1', roles, partyId: extra.partyId, issuedAt: extra.issuedAt })}` };
}

export interface LogCapture {
  lines: string[];
}

export interface RunningEdge {
  app: INestApplication;
  url: string;
  logs: LogCapture;
  close(): Promise<void>;
}

/** Starts the app exactly as createServiceApp builds it, on an ephemeral loopback port, with the Database registered. */
export async function startEdgeApp(
  appModule: Type | DynamicModule,
  options: { db: Database; clock?: Clock; config?: BaseServiceConfig; shutdown?: Partial<ShutdownTimeouts>; health?: HealthOptions },
): Promise<RunningEdge> {
  @Module({ providers: [{ provide: Database, useValue: options.db }], exports: [Database] })
  class TestDatabaseModule {}

  const logs: LogCapture = { lines: [] };
  const sink = { write: (line: string) => logs.lines.push(line) };
  const config = options.config ?? testConfig();
  const app = await createServiceApp(
    { module: class TestAppModule {}, imports: [TestDatabaseModule, appModule] },
    {
      config,
      clock: options.clock,
      shutdown: options.shutdown,
      health: options.health,
      logger: new JsonLogger({ service: 'test', level: 'warn', stdout: sink, stderr: sink }),
    },
  );
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, logs, close: () => app.close() };
}

/** fetch with a JSON body (or raw string) and the parsed answer. */
// Specs inspect answers of many shapes field by field; `any` keeps that readable there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnswerBody = any;

export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; json?: unknown; body?: string } = {},
): Promise<{ status: number; headers: Headers; body: AnswerBody }> {
  const headers = { ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers };
  const response = await fetch(url, {
    method: init.method ?? (init.json !== undefined || init.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text (HTML docs, Prometheus text)
  }
  return { status: response.status, headers: response.headers, body };
}
