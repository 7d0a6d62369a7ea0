import { randomBytes } from 'node:crypto';
import { parseLogPosition } from '@dw/event-store';
import { type Clock, ManualClock } from '@dw/kernel';
import { signRequest, type IntegrationClient } from '@dw/platform';
import { ServiceTestApp, startServiceTestApp, type Answer } from '@dw/platform/testing';
import { ProjectionRunner } from '@dw/projections';
import { AppModule } from '../app.module';
import { receiptServiceDefinition } from '../receipt.service-definition';
import { ReceiptServiceConfig } from '../receipt-service.config';

export type { Answer, Body, Person } from '@dw/platform/testing';

const SECRET = (name: string) => `${name}-secret-0123456789-0123456789-abcdef`;

export const EXCHANGE: IntegrationClient = { id: 'shfe', secret: SECRET('shfe'), role: 'exchange', name: 'Shanghai Futures Exchange' };
export const BANK: IntegrationClient = { id: 'bank-icbc', secret: SECRET('icbc'), role: 'bank', name: 'ICBC Shanghai' };
export const OTHER_BANK: IntegrationClient = { id: 'bank-boc', secret: SECRET('boc'), role: 'bank', name: 'Bank of China Shanghai' };
export const COURT: IntegrationClient = { id: 'court-pudong', secret: SECRET('court'), role: 'court', name: 'Pudong People’s Court' };
export const INTEGRATION_CLIENTS = [EXCHANGE, BANK, OTHER_BANK, COURT];

/**
 * The receipt service in-process, exactly as main.ts builds it (createServiceApp + AppModule),
 * on real PostgreSQL (its own schema, provisioned with roles and grants like production) and
 * real Kafka (its own topic prefix), with a clock the test moves. Integration specs drive it
 * over HTTP with dev tokens and signed integration requests.
 */
export class ReceiptTestApp extends ServiceTestApp {
  static async start(label: string, options: { clock?: ManualClock; consume?: boolean; env?: Record<string, string> } = {}): Promise<ReceiptTestApp> {
    const started = await startServiceTestApp({
      definition: receiptServiceDefinition,
      appModule: AppModule,
      label,
      clock: options.clock ?? new ManualClock(new Date()),
      config: ReceiptServiceConfig,
      consume: options.consume,
      env: {
        INTEGRATION_CLIENTS: JSON.stringify(INTEGRATION_CLIENTS),
        // The schedule is off: specs run the sweep at the times they choose.
        EXPIRY_SWEEP_INTERVAL_MS: '0',
        ...options.env,
      },
    });
    return new ReceiptTestApp(started);
  }

  /**
   * Waits until the read models have applied the latest write this spec saw (read-your-writes),
   * for specs that read the read-model tables directly rather than through a query.
   */
  async projectionsCaughtUp(): Promise<void> {
    const token = this.session.positionOf(this.url);
    const position = token === undefined ? undefined : parseLogPosition(token);
    if (!position) return;
    const behind = await this.app.get(ProjectionRunner).waitUntilApplied(position, 30_000);
    if (behind.length > 0) throw new Error(`read models ${behind.join(', ')} did not apply ${token} within 30 s`);
  }

  /** A request by an integration client, signed with its secret at the test clock's time (or another clock's, to sign stale), with an Idempotency-Key on changes and any headers added on top of the signature's. */
  override async signed(
    client: IntegrationClient,
    method: string,
    path: string,
    json?: unknown,
    options: { idempotencyKey?: string; headers?: Record<string, string>; clock?: Clock } = {},
  ): Promise<Answer> {
    const body = json === undefined ? undefined : JSON.stringify(json);
    const signature = signRequest({ clientId: client.id, secret: client.secret, method, path, body, clock: options.clock ?? this.clock });
    const idempotency: Record<string, string> = method === 'GET' ? {} : { 'idempotency-key': options.idempotencyKey ?? randomBytes(8).toString('hex') };
    return this.send(method, path, body, { ...signature, ...idempotency, ...options.headers });
  }
}
