import { create, fromBinary } from '@bufbuild/protobuf';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BankWithdrawalConfirmedSchema,
  BankWithdrawalRefusedSchema,
  billingBankTopic,
  billingPaymentTopic,
  toTimestamp,
  topicName,
  WithdrawalApprovedSchema,
} from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { SIGNATURE_HEADERS, signatureOf, signaturesMatch } from '@dw/platform';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { BANK, BillingTestApp, OTHER_BANK } from '../testing/billing-test-app.spec-helper';
import { WithdrawalSender } from './commands/send-withdrawals/withdrawal-sender';

interface BankCall {
  idempotencyKey: string;
  signatureValid: boolean;
  clientId: string;
  body: Record<string, unknown>;
  status: number;
}

/**
 * The bank, played by a small HTTP server in the spec (the bank is not our infrastructure): it
 * checks our signature with the secret it shares with us, answers 503 to the first call it gets
 * (a bank having a bad moment) and 202 to every later one, the same answer per Idempotency-Key.
 */
class TestBank {
  readonly calls: BankCall[] = [];
  private readonly answered = new Map<string, number>();
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request).then((status) => response.writeHead(status).end()));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const header = (name: string) => String(request.headers[name.toLowerCase()] ?? '');
    const expected = signatureOf(BANK.secret, {
      method: request.method ?? '',
      path: request.url ?? '',
      timestamp: Number(header(SIGNATURE_HEADERS.timestamp)),
      nonce: header(SIGNATURE_HEADERS.nonce),
      body: raw,
    });
    const idempotencyKey = header('idempotency-key');
    const status = this.answered.get(idempotencyKey) ?? (this.calls.length === 0 ? 503 : 202);
    if (status !== 503) this.answered.set(idempotencyKey, status);
    this.calls.push({
      idempotencyKey,
      signatureValid: signaturesMatch(expected, header(SIGNATURE_HEADERS.signature)),
      clientId: header(SIGNATURE_HEADERS.clientId),
      body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
      status,
    });
    return status;
  }
}

/**
 * Approved withdrawals (billing.payment.v1, as the money part publishes them) are sent to the
 * bank signed, retried after a failure with backoff on the injected clock, and the bank's signed
 * callback confirms or refuses each on billing.bank.v1. Real PostgreSQL and Kafka.
 */
describe('withdrawals to the bank', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  let bank: TestBank;
  let app: BillingTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    bank = await new TestBank().start();
    app = await BillingTestApp.start('withdraw', clock, {
      BANK_ENDPOINTS: JSON.stringify({ [BANK.id]: bank.url }),
      BANK_PAYOUT_BANK_ID: BANK.id,
      BANK_SEND_INTERVAL_MS: '50',
    });
    recorder = await new TopicRecorder(testMessageBus(), [topicName(billingBankTopic, app.prefix)]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
    await bank?.stop();
  });

  const approve = (withdrawalId: string, amountFen: number) =>
    app.publish(
      billingPaymentTopic,
      'P-HENGDA',
      WithdrawalApprovedSchema,
      create(WithdrawalApprovedSchema, {
        withdrawalId,
        partyId: 'P-HENGDA',
        amountFen: BigInt(amountFen),
        payeeAccountName: '衡达钢铁',
        payeeAccountNumber: '6222000011112222',
        payeeBank: 'ICBC Shanghai Pudong',
        approvedAt: toTimestamp(clock.now()),
      }),
    );

  it('sends an approved withdrawal signed with our key per withdrawal, retries after a failure with backoff, and publishes the bank’s confirmation', async () => {
    await approve('W-1', 500_00);
    await waitFor(() => bank.calls.length === 1, { describe: 'the first send (answered 503)' });
    // Backoff after the 1st failure: 1 s on the injected clock. The next send waits for it.
    clock.advanceMs(1_000);
    await waitFor(() => bank.calls.some((call) => call.status === 202), { describe: 'the send after 1 s (answered 202)' });
    expect(bank.calls.map((call) => [call.idempotencyKey, call.clientId, call.signatureValid, call.status])).toEqual([
      ['W-1', 'dw-warehouse', true, 503],
      ['W-1', 'dw-warehouse', true, 202],
    ]);
    expect(bank.calls[1]!.body).toEqual({
      withdrawalId: 'W-1',
      amountFen: 500_00,
      payeeAccountName: '衡达钢铁',
      payeeAccountNumber: '6222000011112222',
      payeeBank: 'ICBC Shanghai Pudong',
    });

    const confirmation = { bankTransactionId: 'ICBC-OUT-1', valueDate: '2026-12-07' };
    const confirmed = await app.signed(BANK, 'POST', '/integration/bank/withdrawals/W-1/confirmation', confirmation);
    expect([confirmed.status, confirmed.body]).toEqual([200, { withdrawalId: 'W-1', status: 'confirmed' }]);
    expect((await app.signed(BANK, 'POST', '/integration/bank/withdrawals/W-1/confirmation', confirmation)).status).toBe(200);
    const contradicted = await app.signed(BANK, 'POST', '/integration/bank/withdrawals/W-1/refusal', { reason: 'changed our mind' });
    expect([contradicted.status, contradicted.body.code]).toEqual([409, 'WITHDRAWAL_ALREADY_ANSWERED']);
    const byOtherBank = await app.signed(OTHER_BANK, 'POST', '/integration/bank/withdrawals/W-1/confirmation', confirmation);
    expect([byOtherBank.status, byOtherBank.body.code]).toEqual([404, 'WITHDRAWAL_NOT_SENT']);

    const message = await waitFor(() => recorder.messages.find((m) => m.headers.ce_type === BankWithdrawalConfirmedSchema.typeName), {
      timeoutMs: 60_000,
      describe: 'BankWithdrawalConfirmed on billing.bank.v1',
    });
    expect([message.key, fromBinary(BankWithdrawalConfirmedSchema, message.value)]).toMatchObject([
      'P-HENGDA',
      { withdrawalId: 'W-1', partyId: 'P-HENGDA', bankId: BANK.id, bankTransactionId: 'ICBC-OUT-1', amountFen: 50000n, valueDate: { value: '2026-12-07' } },
    ]);
    // Sent and answered: nothing more goes to the bank.
    clock.advanceMs(600_000);
    await app.app.get(WithdrawalSender).tick();
    expect(bank.calls).toHaveLength(2);
  });

  it('publishes the bank’s refusal of a withdrawal', async () => {
    await approve('W-2', 80_00);
    await waitFor(() => bank.calls.some((call) => call.idempotencyKey === 'W-2' && call.status === 202), { describe: 'W-2 sent' });
    const refused = await app.signed(BANK, 'POST', '/integration/bank/withdrawals/W-2/refusal', { reason: 'payee account closed' });
    expect([refused.status, refused.body.status]).toEqual([200, 'refused']);
    const message = await waitFor(() => recorder.messages.find((m) => m.headers.ce_type === BankWithdrawalRefusedSchema.typeName), {
      timeoutMs: 60_000,
      describe: 'BankWithdrawalRefused on billing.bank.v1',
    });
    expect(fromBinary(BankWithdrawalRefusedSchema, message.value)).toMatchObject({
      withdrawalId: 'W-2',
      partyId: 'P-HENGDA',
      bankId: BANK.id,
      reason: 'payee account closed',
    });
  });
});
