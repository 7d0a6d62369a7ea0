import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsInt, IsString } from 'class-validator';
import { ManualClock } from '@dw/kernel';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { call, testDatabase, startEdgeApp, testConfig, type RunningEdge, type TestServiceDatabase } from '../test-support/edge-test-kit';
import { IntegrationApi } from './integration-api.decorator';
import type { IntegrationClient } from './integration-clients';
import { signRequest } from './request-signature';

class SettlementPriceDto {
  @IsString() contract!: string;
  @IsInt() priceFenPerTonne!: number;
}

@IntegrationApi()
@Controller('exchange')
class ExchangeController {
  @Get('whoami')
  whoami(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Post('settlement-prices')
  @Roles('exchange')
  publish(@Body() price: SettlementPriceDto): SettlementPriceDto {
    return price;
  }
}

@Module({ controllers: [ExchangeController] })
class ExchangeModule {}

const exchange: IntegrationClient = { id: 'shfe', secret: 'shfe-secret-0123456789-0123456789-abc', role: 'exchange', name: 'Shanghai Futures Exchange' };
const bank: IntegrationClient = { id: 'bank-icbc', secret: 'icbc-secret-0123456789-0123456789-xyz', role: 'bank' };
const now = new Date('2025-11-20T08:00:00Z');
const nowSeconds = now.getTime() / 1000;
const clock = new ManualClock(now);
let schema: TestServiceDatabase;
let edge: RunningEdge;
let nonceCounter = 0;

beforeAll(async () => {
  schema = await testDatabase('platform_integration');
  edge = await startEdgeApp(ExchangeModule, { db: schema.db, clock, config: testConfig({ clients: [exchange, bank] }) });
});
afterAll(async () => {
  await edge?.close();
  await schema?.close();
});
beforeEach(() => clock.set(now));

interface SignedCall {
  method?: string;
  path: string;
  body?: string;
  client?: IntegrationClient;
  timestamp?: number;
  nonce?: string;
  /** Changes the request after signing. */
  headers?: Record<string, string | undefined>;
  sentBody?: string;
}

function send(request: SignedCall) {
  const client = request.client ?? exchange;
  const method = request.method ?? (request.body !== undefined ? 'POST' : 'GET');
  nonceCounter += 1;
  const signed = signRequest({
    clientId: client.id,
    secret: client.secret,
    method,
    path: request.path,
    body: request.body,
    timestamp: request.timestamp ?? nowSeconds,
    nonce: request.nonce ?? `nonce-${nonceCounter.toString().padStart(6, '0')}`,
  });
  const headers = Object.fromEntries(
    Object.entries({ ...signed, ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...request.headers }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return call(`${edge.url}${request.path}`, { method, headers, body: request.sentBody ?? request.body });
}

const credentials = (client: IntegrationClient) => ({ clientId: client.id, secret: client.secret });
const price = JSON.stringify({ contract: 'rb2601', priceFenPerTonne: 312_000 });

describe('signed integration requests', () => {
  it('authenticate the client as a principal with its configured role', async () => {
    const answer = await send({ path: '/exchange/whoami?detail=full' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ subject: 'shfe', roles: ['exchange'], name: 'Shanghai Futures Exchange' });
  });

  it('cover the exact body bytes', async () => {
    const answer = await send({ path: '/exchange/settlement-prices', body: price });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ contract: 'rb2601', priceFenPerTonne: 312_000 });
  });

  it('are not accepted in place of a bearer token elsewhere, nor bearer tokens here', async () => {
    const answer = await send({ path: '/exchange/whoami', headers: { 'X-Signature': undefined, Authorization: 'Bearer x.y.z' } });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('SIGNATURE_MISSING');
  });

  it('still need the route role: a bank may not publish settlement prices (403 FORBIDDEN_ROLE)', async () => {
    const answer = await send({ path: '/exchange/settlement-prices', body: price, client: bank });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('FORBIDDEN_ROLE');
  });
});

describe('refused integration requests', () => {
  it.each(['X-Client-Id', 'X-Timestamp', 'X-Nonce', 'X-Signature'])('answer 401 SIGNATURE_MISSING without %s', async (header) => {
    const answer = await send({ path: '/exchange/whoami', headers: { [header]: undefined } });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 'SIGNATURE_MISSING', detail: `missing headers: ${header}` });
    expect(answer.headers.get('www-authenticate')).toMatch(/^DW-HMAC-SHA256 realm="platform-test"/);
  });

  it('answer 401 SIGNATURE_MISSING for an unknown client, even with a well-formed signature', async () => {
    const stranger = { ...exchange, id: 'cme' };
    const answer = await send({ path: '/exchange/whoami', client: stranger });
    expect(answer.body).toMatchObject({ code: 'SIGNATURE_MISSING', detail: 'unknown client' });
  });

  it('answer 401 SIGNATURE_MISSING for a timestamp that is not unix seconds or a malformed nonce', async () => {
    expect((await send({ path: '/exchange/whoami', headers: { 'X-Timestamp': '2025-11-20T08:00:00Z' } })).body.code).toBe('SIGNATURE_MISSING');
    expect((await send({ path: '/exchange/whoami', nonce: 'short' })).body.code).toBe('SIGNATURE_MISSING');
  });

  it.each([
    ['a body changed after signing', { path: '/exchange/settlement-prices', body: price, sentBody: price.replace('312000', '312001') }],
    ['another secret', { path: '/exchange/whoami', client: { ...exchange, secret: 'x'.repeat(40) } }],
    ['a forged signature', { path: '/exchange/whoami', headers: { 'X-Signature': 'ab'.repeat(32) } }],
    ['a non-hex signature', { path: '/exchange/whoami', headers: { 'X-Signature': 'not-hex' } }],
  ])('answer 401 SIGNATURE_INVALID for %s', async (_case, request: SignedCall) => {
    const answer = await send(request);
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('SIGNATURE_INVALID');
  });

  it('answer 401 SIGNATURE_INVALID when the query string differs from the one signed', async () => {
    const signed = signRequest({ ...credentials(exchange), method: 'GET', path: '/exchange/whoami?detail=full', timestamp: nowSeconds });
    const answer = await call(`${edge.url}/exchange/whoami?detail=none`, { headers: signed });
    expect(answer.body.code).toBe('SIGNATURE_INVALID');
  });

  describe('clock skew of at most 300 s either way', () => {
    // The server clock reads 08:00:00 = 1763625600 s.
    it.each([
      ['300 s behind', nowSeconds - 300, 200, undefined],
      ['300 s ahead', nowSeconds + 300, 200, undefined],
      ['301 s behind', nowSeconds - 301, 401, 'REQUEST_STALE'],
      ['301 s ahead', nowSeconds + 301, 401, 'REQUEST_STALE'],
    ])('a request stamped %s (%i) answers %i %s', async (_case, timestamp, status, code) => {
      const answer = await send({ path: '/exchange/whoami', timestamp });
      expect(answer.status).toBe(status);
      expect(answer.body.code).toBe(code);
    });
  });

  it('answer 401 NONCE_REPLAYED to a replay of an accepted request', async () => {
    const signed = signRequest({ ...credentials(exchange), method: 'GET', path: '/exchange/whoami', timestamp: nowSeconds, nonce: 'replay-me-0001' });
    expect((await call(`${edge.url}/exchange/whoami`, { headers: signed })).status).toBe(200);
    const replay = await call(`${edge.url}/exchange/whoami`, { headers: signed });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('NONCE_REPLAYED');
  });

  it('keep nonces per client: another client may use the same nonce', async () => {
    expect((await send({ path: '/exchange/whoami', nonce: 'shared-nonce-01' })).status).toBe(200);
    expect((await send({ path: '/exchange/whoami', nonce: 'shared-nonce-01', client: bank })).status).toBe(200);
  });

  it('do not burn a nonce on a request whose signature is wrong', async () => {
    const bad = await send({ path: '/exchange/whoami', nonce: 'precious-nonce-1', headers: { 'X-Signature': 'cd'.repeat(32) } });
    expect(bad.body.code).toBe('SIGNATURE_INVALID');
    expect((await send({ path: '/exchange/whoami', nonce: 'precious-nonce-1' })).status).toBe(200);
  });
});

describe('nonce pruning', () => {
  it('forgets nonces 600 s after they were seen, once they can no longer pass the skew check', async () => {
    const seen = async () => (await schema.db.query<{ n: string }>(`SELECT count(*) AS n FROM integration_nonces WHERE nonce = 'prune-me-0001'`)).rows[0]!.n;
    expect((await send({ path: '/exchange/whoami', nonce: 'prune-me-0001' })).status).toBe(200);
    expect(await seen()).toBe('1');
    // 601 s later (past the 600 s retention) the next request prunes it. A replay of that
    // request would by now be stale anyway: its timestamp is 601 s old, beyond the 300 s skew.
    clock.set(new Date(now.getTime() + 601_000));
    expect((await send({ path: '/exchange/whoami', timestamp: nowSeconds + 601 })).status).toBe(200);
    expect(await seen()).toBe('0');
    const replay = await send({ path: '/exchange/whoami', nonce: 'prune-me-0001' });
    expect(replay.body.code).toBe('REQUEST_STALE');
  });
});
