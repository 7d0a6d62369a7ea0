import type { ManualClock } from '@dw/kernel';
import { ServiceTestApp, startServiceTestApp, type Answer, type Person } from '@dw/platform/testing';
import { AppModule } from '../app.module';
import { orderServiceDefinition } from '../order.service-definition';

export type { Answer, Body, Person } from '@dw/platform/testing';

/**
 * The order service in-process, as main.ts builds it (createServiceApp + AppModule), on real
 * PostgreSQL (its own provisioned schema) and real Kafka (its own topic prefix), with a clock the
 * test moves. HTTP specs drive it with dev tokens; `store` lets a spec record what the service
 * would have consumed (a storage card, an entitlement) the way its Kafka handlers do.
 */
export class OrderTestApp extends ServiceTestApp {
  static async start(label: string, clock: ManualClock): Promise<OrderTestApp> {
    return new OrderTestApp(await startServiceTestApp({ definition: orderServiceDefinition, appModule: AppModule, label, clock }));
  }

  /** A request by a person with a bearer token; `body` is sent as given when it is a string (malformed JSON), else as JSON. */
  async as(person: Person, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const body = json === undefined ? undefined : typeof json === 'string' ? json : JSON.stringify(json);
    return this.send(method, path, body, { authorization: `Bearer ${this.token(person)}`, ...headers });
  }
}
