import { Body, Controller, Injectable, Module, Post, Res } from '@nestjs/common';
import { IsInt, IsString, Min } from 'class-validator';
import type { ServerResponse } from 'node:http';
import { EventStore } from '@dw/event-store';
import { ManualClock, refuse, SequentialIdGenerator } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { Roles } from '../auth/auth.decorators';
import type { EdgeRequest } from '../http/edge-request';
import { IntegrationApi } from '../integration/integration-api.decorator';
import type { IntegrationClient } from '../integration/integration-clients';
import { signRequest } from '../integration/request-signature';
import { call, testDatabase, startEdgeApp, testConfig, type RunningEdge, type TestServiceDatabase } from '../test-support/edge-test-kit';
import { requestHashOf } from './idempotency.interceptor';
import { Idempotent } from './idempotent.decorator';

class PaymentDto {
  @IsString() reference!: string;
  @IsInt() @Min(1) amountFen!: number;
}

/** Counts executions per reference; `hold` keeps a reference's handler waiting until released. */
@Injectable()
class PaymentLedger {
  readonly executions = new Map<string, number>();
  private held = new Map<string, Promise<void>>();
  private releases = new Map<string, () => void>();

  hold(reference: string): void {
    this.held.set(reference, new Promise((resolve) => this.releases.set(reference, resolve)));
  }
  release(reference: string): void {
    this.releases.get(reference)?.();
  }
  async record(reference: string): Promise<number> {
    const count = (this.executions.get(reference) ?? 0) + 1;
    this.executions.set(reference, count);
    await this.held.get(reference);
    return count;
  }
}

@IntegrationApi()
@Controller('bank')
class BankController {
  constructor(private readonly ledger: PaymentLedger) {}

  @Post('payments')
  @Roles('bank')
  @Idempotent()
  async receive(@Body() payment: PaymentDto, @Res({ passthrough: true }) response: ServerResponse): Promise<object> {
    const execution = await this.ledger.record(payment.reference);
    if (payment.reference === 'flaky' && execution === 1) throw new Error('database connection reset');
    if (payment.reference === 'writes-then-fails') {
      // Joins the request's unit of work: the same Database the edge was started with.
      await journal.append({
        streamId: `journal-${payment.reference}`,
        streamType: 'journal',
        expectedVersion: 'any',
        events: [{ type: 'Noted', data: { note: `attempt ${execution}` } }],
        metadata: { actor: { subject: 'bank-icbc', role: 'bank' }, correlationId: 'c' },
      });
      if (execution === 1) throw new Error('connection lost after writing');
    }
    if (payment.reference === 'to-nobody') throw refuse.notFound('ACCOUNT_NOT_FOUND', 'no trading account for this payment');
    if (payment.reference === 'over-limit') throw refuse.invalid('PAYMENT_OVER_LIMIT', 'a payment may not exceed the day limit', 'amountFen');
    if (payment.reference === 'too-early' && execution === 1) throw refuse.conflict('ACCOUNT_NOT_OPEN_YET', 'the account opens tomorrow');
    response.setHeader('Location', `/bank/payments/${payment.reference}`);
    return { paymentId: `pay-${payment.reference}-${execution}`, amountFen: payment.amountFen };
  }
}

@Module({ controllers: [BankController], providers: [PaymentLedger] })
class BankModule {}

const icbc: IntegrationClient = { id: 'bank-icbc', secret: 'icbc-secret-0123456789-0123456789-xyz', role: 'bank' };
const boc: IntegrationClient = { id: 'bank-boc', secret: 'boc-secret-0123456789-0123456789-xyzw', role: 'bank' };
const clock = new ManualClock('2025-11-20T08:00:00Z');
let schema: TestServiceDatabase;
let edge: RunningEdge;
let ledger: PaymentLedger;
let journal: EventStore;

beforeAll(async () => {
  schema = await testDatabase('platform_idem');
  edge = await startEdgeApp(BankModule, { db: schema.db, clock, config: testConfig({ clients: [icbc, boc] }) });
  ledger = edge.app.get(PaymentLedger);
  journal = new EventStore(schema.db, { clock, ids: new SequentialIdGenerator() });
});
afterAll(async () => {
  await edge?.close();
  await schema?.close();
});

const PATH = '/bank/payments';

function pay(body: string, key: string | undefined, client: IntegrationClient = icbc) {
  const signed = signRequest({ clientId: client.id, secret: client.secret, method: 'POST', path: PATH, body, clock });
  const headers = { ...signed, 'Content-Type': 'application/json', ...(key !== undefined ? { 'Idempotency-Key': key } : {}) };
  return call(`${edge.url}${PATH}`, { method: 'POST', headers, body });
}

const payment = (reference: string, amountFen = 1_250_000) => JSON.stringify({ reference, amountFen });

async function journalOf(reference: string): Promise<string[]> {
  return (await journal.readStream<{ type: 'Noted'; data: { note: string } }>(`journal-${reference}`)).map((e) => e.data.note);
}

async function rowOf(clientId: string, key: string) {
  const { rows } = await schema.db.query(`SELECT status, response_status FROM idempotency_keys WHERE client_id = $1 AND key = $2`, [clientId, key]);
  return rows[0];
}

describe('Idempotency-Key', () => {
  it('is required on idempotent routes: 400 IDEMPOTENCY_KEY_MISSING', async () => {
    const answer = await pay(payment('no-key'), undefined);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_MISSING', field: 'Idempotency-Key' });
    expect(ledger.executions.get('no-key')).toBeUndefined();
  });

  it('must be 1-255 visible characters: 400 IDEMPOTENCY_KEY_INVALID', async () => {
    expect((await pay(payment('long-key'), 'k'.repeat(256))).body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect((await pay(payment('spacey-key'), 'has space')).body.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('replays the first answer to the same request: status, body, Location, and Idempotent-Replayed', async () => {
    const first = await pay(payment('p-1'), 'key-p-1');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ paymentId: 'pay-p-1-1', amountFen: 1_250_000 });
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const again = await pay(payment('p-1'), 'key-p-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe('/bank/payments/p-1');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(ledger.executions.get('p-1')).toBe(1);
    expect(await rowOf('bank-icbc', 'key-p-1')).toEqual({ status: 'completed', response_status: 201 });
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    expect((await pay(payment('p-2'), 'key-p-2')).status).toBe(201);
    const reused = await pay(payment('p-2', 999), 'key-p-2');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(ledger.executions.get('p-2')).toBe(1);
  });

  it('keeps keys per client', async () => {
    expect((await pay(payment('p-3'), 'shared-key')).status).toBe(201);
    const other = await pay(payment('p-3'), 'shared-key', boc);
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(ledger.executions.get('p-3')).toBe(2);
  });

  it('lets exactly one of two concurrent requests run; the other gets 409 IDEMPOTENCY_IN_FLIGHT', async () => {
    ledger.hold('p-4');
    const requests = [pay(payment('p-4'), 'key-p-4'), pay(payment('p-4'), 'key-p-4')];
    // The winner waits in the handler until released, so the first answer to come back is the loser's.
    const loser = await Promise.race(requests);
    expect(loser.status).toBe(409);
    expect(loser.body.code).toBe('IDEMPOTENCY_IN_FLIGHT');
    // The key is held by the running attempt's transaction, not by a row: nothing is written yet.
    expect(await rowOf('bank-icbc', 'key-p-4')).toBeUndefined();
    ledger.release('p-4');
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(ledger.executions.get('p-4')).toBe(1);
    expect((await pay(payment('p-4'), 'key-p-4')).headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 409 IDEMPOTENCY_IN_FLIGHT to a retry while the first attempt still runs', async () => {
    ledger.hold('p-5');
    const first = pay(payment('p-5'), 'key-p-5');
    await waitFor(() => ledger.executions.get('p-5') === 1);
    const retry = await pay(payment('p-5'), 'key-p-5');
    expect(retry.status).toBe(409);
    expect(retry.headers.get('retry-after')).toBe('1');
    ledger.release('p-5');
    expect((await first).status).toBe(201);
  });

  it('releases the key when the first attempt fails with a 5xx, so a retry runs again', async () => {
    const failed = await pay(payment('flaky'), 'key-flaky');
    expect(failed.status).toBe(500);
    expect(await rowOf('bank-icbc', 'key-flaky')).toBeUndefined();
    const retry = await pay(payment('flaky'), 'key-flaky');
    expect(retry.status).toBe(201);
    expect(retry.body.paymentId).toBe('pay-flaky-2');
  });

  it('keeps a final refusal (422: the request breaks a rule) as the answer and replays it', async () => {
    const refused = await pay(payment('over-limit'), 'key-over-limit');
    expect(refused.status).toBe(422);
    const replayed = await pay(payment('over-limit'), 'key-over-limit');
    expect(replayed.status).toBe(422);
    expect(replayed.headers.get('content-type')).toContain('application/problem+json');
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(refused.body);
    expect(ledger.executions.get('over-limit')).toBe(1);
  });

  it('leaves the key free after a refusal that depends on state (404, 409), so the retry runs once the state has changed', async () => {
    const early = await pay(payment('too-early'), 'key-too-early');
    expect(early.status).toBe(409);
    expect(await rowOf('bank-icbc', 'key-too-early')).toBeUndefined();
    const retried = await pay(payment('too-early'), 'key-too-early');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.body.paymentId).toBe('pay-too-early-2');

    expect((await pay(payment('to-nobody'), 'key-nobody')).status).toBe(404);
    expect((await pay(payment('to-nobody'), 'key-nobody')).headers.get('idempotent-replayed')).toBeNull();
    expect(ledger.executions.get('to-nobody')).toBe(2);
  });

  it('releases the key after a validation failure, so the corrected request is not a reuse', async () => {
    const invalid = await pay(JSON.stringify({ reference: 'p-6', amountFen: 0 }), 'key-p-6');
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    expect((await pay(payment('p-6'), 'key-p-6')).status).toBe(201);
  });

  it('frees the key of an attempt whose connection died at once: a retry runs, with no lease to wait out', async () => {
    const body = payment('p-7');
    ledger.hold('p-7');
    const first = pay(body, 'key-p-7');
    await waitFor(() => ledger.executions.get('p-7') === 1);
    expect((await pay(body, 'key-p-7')).status).toBe(409);
    // What a SIGKILLed process leaves: its session ends, so PostgreSQL rolls back its unit of work
    // and drops the advisory lock that held the key.
    const { rows } = await schema.owner.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE state = 'idle in transaction' AND query LIKE '%FROM idempotency_keys%'`,
    );
    expect(rows).toHaveLength(1);
    await schema.owner.query(`SELECT pg_terminate_backend($1)`, [rows[0]!.pid]);
    ledger.release('p-7');
    // Its connection was cut: 503 DATABASE_UNAVAILABLE, nothing kept.
    expect((await first).status).toBe(503);
    const retry = await pay(body, 'key-p-7');
    expect(retry.status).toBe(201);
    expect(retry.body.paymentId).toBe('pay-p-7-2');
    expect(await rowOf('bank-icbc', 'key-p-7')).toEqual({ status: 'completed', response_status: 201 });
  });

  it('takes over a row left in_flight by the earlier claim-by-row scheme', async () => {
    const body = payment('p-8');
    const hash = requestHashOf({ method: 'POST', originalUrl: PATH, rawBody: Buffer.from(body) } as EdgeRequest);
    await schema.db.query(
      `INSERT INTO idempotency_keys (client_id, key, request_hash, status, created_at) VALUES ('bank-icbc', 'key-p-8', $1, 'in_flight', $2)`,
      [hash, clock.now()],
    );
    expect((await pay(body, 'key-p-8')).status).toBe(201);
    expect(await rowOf('bank-icbc', 'key-p-8')).toEqual({ status: 'completed', response_status: 201 });
    expect(ledger.executions.get('p-8')).toBe(1);
  });

  it('commits the command’s writes and the key’s answer together: a failure after the writes leaves neither', async () => {
    const failed = await pay(payment('writes-then-fails'), 'key-writes-then-fails');
    expect(failed.status).toBe(500);
    expect(await rowOf('bank-icbc', 'key-writes-then-fails')).toBeUndefined();
    expect(await journalOf('writes-then-fails')).toEqual([]);

    const retry = await pay(payment('writes-then-fails'), 'key-writes-then-fails');
    expect(retry.status).toBe(201);
    expect(await journalOf('writes-then-fails')).toEqual(['attempt 2']);
    expect(await rowOf('bank-icbc', 'key-writes-then-fails')).toEqual({ status: 'completed', response_status: 201 });
  });
});
