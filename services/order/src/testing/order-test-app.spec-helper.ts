import type { ManualClock } from '@dw/kernel';
import { ServiceTestApp, startServiceTestApp, type Answer, type Person } from '@dw/platform/testing';
import { AppModule } from '../app.module';
import { orderServiceDefinition } from '../order.service-definition';
import { recordStorageCardIn } from '../storage-card/storage-cards';

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
  override async as(person: Person, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const body = json === undefined ? undefined : typeof json === 'string' ? json : JSON.stringify(json);
    return this.send(method, path, body, { authorization: `Bearer ${this.token(person)}`, ...headers });
  }

  /**
   * Records storage card SC-0001 approved for P-0001 (恒达钢铁) at the clock's now, the way the
   * order service's consumer of the receipt service's card events does.
   */
  recordApprovedCard(): Promise<unknown> {
    return this.store.transaction((tx) =>
      recordStorageCardIn(
        tx,
        {
          type: 'RecordStorageCardStatus',
          data: { storageCard: 'SC-0001', party: 'P-0001', holderName: '恒达钢铁', status: 'approved', at: this.clock.now().toISOString() },
        },
        { actor: { subject: 'service:order', role: 'service' }, correlationId: 'cards' },
      ),
    );
  }
}
