import type { ManualClock } from '@dw/kernel';
import type { IntegrationClient } from '@dw/platform';
import { ServiceTestApp, startServiceTestApp, type Person } from '@dw/platform/testing';
import { AppModule } from '../app.module';
import { FactoryDeliveryServiceConfig } from '../factory-delivery-service.config';
import { factoryDeliveryServiceDefinition } from '../factory-delivery.service-definition';

export type { Answer, Body, Person } from '@dw/platform/testing';

export const depositor = (partyId: string): Person => ({ sub: `dep-${partyId}`, roles: ['depositor'], partyId });

const SECRET = (name: string) => `${name}-secret-0123456789-0123456789-abcdef`;
/** The exchange: approves factories, sets their terms, decides applications. */
export const EXCHANGE: IntegrationClient = { id: 'shfe', secret: SECRET('shfe'), role: 'exchange', name: 'Shanghai Futures Exchange' };
/** A factory's own system: its client id is its factory id. */
export const SHAGANG: IntegrationClient = { id: 'shagang', secret: SECRET('shagang'), role: 'factory', name: 'Shagang factory warehouse' };
/** Another factory, which must not see or act on Shagang's. */
export const YONGGANG: IntegrationClient = { id: 'yonggang', secret: SECRET('yonggang'), role: 'factory', name: 'Yonggang factory warehouse' };
/** Every read model table of the service, for the rebuild checks. */
export const FACTORY_READ_MODELS = ['factories', 'factory_terms', 'issuance_applications'] as const;

/**
 * The factory-delivery service in-process, as main.ts builds it, on real PostgreSQL (its own
 * provisioned schema) and real Kafka (its own topic prefix), with a clock the test moves; specs
 * drive it with signed exchange and factory calls and people's dev tokens.
 */
export class FactoryTestApp extends ServiceTestApp {
  static async start(label: string, clock: ManualClock, env: Record<string, string> = {}): Promise<FactoryTestApp> {
    return new FactoryTestApp(
      await startServiceTestApp({
        definition: factoryDeliveryServiceDefinition,
        appModule: AppModule,
        label,
        clock,
        consume: true,
        config: FactoryDeliveryServiceConfig,
        // The overdue sweep is ticked by the spec, not a timer.
        env: { ISSUANCE_OVERDUE_SWEEP_INTERVAL_MS: '0', INTEGRATION_CLIENTS: JSON.stringify([EXCHANGE, SHAGANG, YONGGANG]), ...env },
      }),
    );
  }
}
