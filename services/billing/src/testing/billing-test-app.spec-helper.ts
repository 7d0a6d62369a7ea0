import { generateEd25519KeyPem, type ManualClock } from '@dw/kernel';
import type { IntegrationClient } from '@dw/platform';
import { ServiceTestApp, startServiceTestApp, type Person } from '@dw/platform/testing';
import { AppModule } from '../app.module';
import { billingServiceDefinition } from '../billing.service-definition';
import { BillingServiceConfig } from '../billing-service.config';

export type { Answer, Body, Person } from '@dw/platform/testing';

export const manager: Person = { sub: 'mgr-qian', roles: ['manager'] };
export const clerk: Person = { sub: 'clerk-li', roles: ['clerk'] };
export const depositor = (partyId: string): Person => ({ sub: `dep-${partyId}`, roles: ['depositor'], partyId });

const SECRET = (name: string) => `${name}-secret-0123456789-0123456789-abcdef`;
/** The banks connected to the warehouse (signed integration clients); the client id is the bank id in billing. */
export const BANK: IntegrationClient = { id: 'bank-icbc', secret: SECRET('icbc'), role: 'bank', name: 'ICBC Shanghai' };
export const OTHER_BANK: IntegrationClient = { id: 'bank-boc', secret: SECRET('boc'), role: 'bank', name: 'Bank of China Shanghai' };
export const EXCHANGE: IntegrationClient = { id: 'shfe', secret: SECRET('shfe'), role: 'exchange', name: 'Shanghai Futures Exchange' };

/** The VAT invoicing system, a signed integration client. */
export const INVOICING: IntegrationClient = {
  id: 'invoicing-baiwang',
  secret: 'invoicing-secret-0123456789-0123456789',
  role: 'invoicing',
  name: 'VAT invoicing',
};

/**
 * The billing service in-process, as main.ts builds it (createServiceApp + AppModule, Kafka inbox
 * connected), on real PostgreSQL (its own provisioned schema) and real Kafka (its own topic
 * prefix), with a clock the test moves; specs drive it over HTTP with dev tokens.
 */
export class BillingTestApp extends ServiceTestApp {
  static async start(label: string, clock: ManualClock, env: Record<string, string> = {}): Promise<BillingTestApp> {
    return new BillingTestApp(
      await startServiceTestApp({
        definition: billingServiceDefinition,
        appModule: AppModule,
        label,
        clock,
        consume: true,
        config: BillingServiceConfig,
        // A dev key made for this run; the period-end run and the day close are driven by the spec, not a timer.
        env: {
          STATEMENT_SIGNING_KEY: generateEd25519KeyPem(),
          STATEMENT_RUN_INTERVAL_MS: '0',
          DAY_CLOSE_INTERVAL_MS: '0',
          INTEGRATION_CLIENTS: JSON.stringify([BANK, OTHER_BANK, EXCHANGE, INVOICING]),
          // Approved withdrawals are queued for BANK; none is sent unless the spec plays the bank.
          BANK_PAYOUT_BANK_ID: BANK.id,
          BANK_SEND_INTERVAL_MS: '0',
          ...env,
        },
      }),
    );
  }
}
