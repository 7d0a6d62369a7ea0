import type { ManualClock } from '@dw/kernel';
import { ServiceTestApp, startServiceTestApp, type Answer, type Person } from '@dw/platform/testing';
import { AppModule } from '../app.module';
import { BillingServiceConfig } from '../billing-service.config';
import { billingServiceDefinition } from '../billing.service-definition';

export type { Answer, Body, Person } from '@dw/platform/testing';

export const manager: Person = { sub: 'mgr-qian', roles: ['manager'] };
export const clerk: Person = { sub: 'clerk-li', roles: ['clerk'] };
export const depositor = (partyId: string): Person => ({ sub: `dep-${partyId}`, roles: ['depositor'], partyId });

/**
 * The billing service in-process, as main.ts builds it (createServiceApp + AppModule, Kafka inbox
 * connected), on real PostgreSQL (its own provisioned schema) and real Kafka (its own topic
 * prefix), with a clock the test moves; specs drive it over HTTP with dev tokens.
 */
export class BillingTestApp extends ServiceTestApp {
  static async start(label: string, clock: ManualClock): Promise<BillingTestApp> {
    return new BillingTestApp(
      await startServiceTestApp({
        definition: billingServiceDefinition,
        appModule: AppModule,
        label,
        clock,
        consume: true,
        config: BillingServiceConfig,
        // The day close's schedule is off: specs close days at the times they choose.
        env: { DAY_CLOSE_INTERVAL_MS: '0' },
      }),
    );
  }

  /** A request by a person with a bearer token, carrying the latest log position this spec saw. */
  async as(person: Person, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const body = json === undefined ? undefined : JSON.stringify(json);
    return this.send(method, path, body, { authorization: `Bearer ${this.token(person)}`, ...headers });
  }
}
