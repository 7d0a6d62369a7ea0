import { randomUUID } from 'node:crypto';
import type { ManualClock } from '@dw/kernel';
import { ServiceTestApp, startServiceTestApp, type Answer, type Person, type StartedServiceTestApp } from '@dw/platform/testing';
import { AppModule } from '../app.module';
import { inventoryServiceDefinition } from '../inventory.service-definition';

export type { Body, Person } from '@dw/platform/testing';

/** Starts inventory for a spec, its Kafka inbox connected, accepting the signed `integrationClients` (scales) given. */
export function startInventoryService(label: string, clock: ManualClock, integrationClients: readonly object[] = []): Promise<StartedServiceTestApp> {
  return startServiceTestApp({
    definition: inventoryServiceDefinition,
    appModule: AppModule,
    label,
    clock,
    consume: true,
    env: { INTEGRATION_CLIENTS: JSON.stringify(integrationClients) },
  });
}

/**
 * The inventory service in-process, as main.ts builds it (createServiceApp + AppModule, Kafka
 * inbox connected), on real PostgreSQL (its own provisioned schema) and real Kafka (its own topic
 * prefix). Specs publish other services' events on the real topics and drive the API with dev tokens.
 */
export class InventoryTestApp extends ServiceTestApp {
  static async start(label: string, clock: ManualClock): Promise<InventoryTestApp> {
    return new InventoryTestApp(await startInventoryService(label, clock));
  }

  /** A request by a person with a bearer token, with an Idempotency-Key when it has a body. */
  override async as(person: Person, method: string, path: string, json?: unknown): Promise<Answer> {
    const body = json === undefined ? undefined : JSON.stringify(json);
    return this.send(method, path, body, {
      authorization: `Bearer ${this.token(person)}`,
      ...(body !== undefined ? { 'idempotency-key': randomUUID() } : {}),
    });
  }
}
