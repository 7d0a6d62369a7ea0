import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Database, EventStore, handleCommand, loadAggregate } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, IntegrationClientDirectory, IntervalScheduler, signRequest } from '@dw/platform';
import { BillingServiceConfig } from '../../../billing-service.config';
import { streams } from '../../../common/events/streams';
import { bankWithdrawalDecider, type WithdrawalOrder } from '../../domain/bank-withdrawal.decider';

const SENDER = { subject: 'billing-withdrawal-sender', role: 'system' };
const SEND_TIMEOUT_MS = 10_000;
/** Statuses a bank answers when it could not take a request now; anything else 4xx is a fault to look at, retried all the same. */
const RETRY_STATUSES = new Set([408, 429]);

/**
 * Sends approved withdrawals to the bank. The queue is the log: each withdrawal stream says
 * whether it still waits to be sent and when next; this worker reads the due ones from the
 * `bank_withdrawals` read model, signs a POST `<bank endpoint>/withdrawals` like the banks'
 * own calls (X-Client-Id = BANK_CLIENT_ID, the secret shared with that bank), with our
 * Idempotency-Key = the withdrawal id so the bank pays it once however often we send, and writes
 * the outcome back to the stream (rule BILL-BANK-WITHDRAWAL-SEND). A restart loses nothing.
 * It runs every BANK_SEND_INTERVAL_MS on the platform's IntervalScheduler, so passes never overlap
 * and a test drives one through `tick`.
 */
@Injectable()
export class WithdrawalSender extends IntervalScheduler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IntegrationClientDirectory) private readonly clients: IntegrationClientDirectory,
    @Inject(BillingServiceConfig) private readonly config: BillingServiceConfig,
  ) {
    super('WithdrawalSender', config.BANK_SEND_INTERVAL_MS);
  }

  /** One pass over the sends due now; a failed send is logged and retried on a later pass. */
  protected async run(): Promise<void> {
    // rule BILL-BANK-WITHDRAWAL-SEND
    const { rows } = await this.db.query<{ withdrawal_id: string }>(
      `SELECT withdrawal_id FROM bank_withdrawals WHERE status = 'to_send' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT 50`,
      [this.clock.now()],
    );
    for (const { withdrawal_id: withdrawalId } of rows) {
      try {
        await this.send(withdrawalId);
      } catch (error) {
        this.logger.error(`withdrawal ${withdrawalId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private async send(withdrawalId: string): Promise<void> {
    const stream = streams.bankWithdrawal(withdrawalId);
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, stream.streamId, bankWithdrawalDecider));
    if (state.order === null || state.status !== 'to_send') return;
    const outcome = await this.post(state.order);
    await handleCommand(this.store, {
      ...stream,
      decider: bankWithdrawalDecider,
      command: { type: 'RecordSendAttempt', data: { ...outcome, at: this.clock.now().toISOString() } },
      metadata: { actor: SENDER, correlationId: randomUUID() },
    });
  }

  private async post(order: WithdrawalOrder): Promise<{ outcome: 'accepted' | 'failed'; detail: string }> {
    const endpoint = this.config.BANK_ENDPOINTS[order.bankId];
    const client = this.clients.find(order.bankId);
    if (endpoint === undefined || client?.role !== 'bank') return { outcome: 'failed', detail: `no endpoint or secret configured for bank ${order.bankId}` };
    const target = new URL('withdrawals', endpoint.endsWith('/') ? endpoint : `${endpoint}/`);
    const body = JSON.stringify({
      withdrawalId: order.withdrawalId,
      amountFen: order.amountFen,
      payeeAccountName: order.payeeAccountName,
      payeeAccountNumber: order.payeeAccountNumber,
      payeeBank: order.payeeBank,
    });
    const path = `${target.pathname}${target.search}`;
    const signature = signRequest({ clientId: this.config.BANK_CLIENT_ID, secret: client.secret, method: 'POST', path, body, clock: this.clock });
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': order.withdrawalId, ...signature },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (response.ok) return { outcome: 'accepted', detail: String(response.status) };
      if (!RETRY_STATUSES.has(response.status) && response.status < 500)
        this.logger.error(`bank ${order.bankId} answered ${response.status} to withdrawal ${order.withdrawalId}`);
      return { outcome: 'failed', detail: `HTTP ${response.status}` };
    } catch (error) {
      return { outcome: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
