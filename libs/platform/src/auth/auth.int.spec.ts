import { Controller, Get, Module, Param } from '@nestjs/common';
import { ManualClock, refuse } from '@dw/kernel';
import {
  bearer as bearerAt,
  call,
  keySet,
  testDatabase,
  startEdgeApp,
  testConfig,
  type RunningEdge,
  type TestServiceDatabase,
} from '../test-support/edge-test-kit';
import { assertOwnParty } from './assert-own-party';
import { CurrentPrincipal, Public, Roles } from './auth.decorators';
import { createDevKeySet, DEV_ISSUER, mintDevToken, signJwt } from './dev-tokens';
import type { Principal } from './principal';
import type { Role } from './role';

@Controller('cards')
class StorageCardController {
  @Get('mine')
  mine(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get(':partyId/statement')
  @Roles('depositor', 'clerk', 'manager')
  statement(@CurrentPrincipal() principal: Principal, @Param('partyId') partyId: string): { partyId: string } {
    assertOwnParty(principal, partyId, () => refuse.notFound('PARTY_NOT_FOUND', `no party ${partyId}`));
    return { partyId };
  }

  @Get('admin')
  @Roles('manager')
  admin(): { ok: true } {
    return { ok: true };
  }

  @Get('open')
  @Public()
  open(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [StorageCardController] })
class CardsModule {}

const now = new Date('2025-11-20T08:00:00Z');
// The app trusts two issuer keys, as during a key rotation: the kit's ES256 key and an RS256 one.
const rsa = createDevKeySet('RS256');
const clock = new ManualClock(now);
let schema: TestServiceDatabase;
let edge: RunningEdge;

beforeAll(async () => {
  schema = await testDatabase('platform_auth');
  const config = testConfig({ env: { AUTH_JWKS: JSON.stringify({ keys: [...keySet.jwks.keys, ...rsa.jwks.keys] }) } });
  edge = await startEdgeApp(CardsModule, { db: schema.db, clock, config });
});
afterAll(async () => {
  await edge?.close();
  await schema?.close();
});
beforeEach(() => clock.set(now));

const bearer = (roles: Role[]) => bearerAt(roles, { issuedAt: now });
const get = (path: string, headers: Record<string, string> = {}) => call(`${edge.url}${path}`, { headers });
const tokenFor = (claims: Partial<Parameters<typeof mintDevToken>[1]> = {}) =>
  mintDevToken(keySet, { sub: 'dep-1', roles: ['depositor'], partyId: 'P1', issuedAt: now, ...claims });

describe('JwtAuthGuard', () => {
  it('authenticates a bearer token and hands the principal to the handler', async () => {
    const answer = await get('/cards/mine', { Authorization: `Bearer ${tokenFor({ name: 'Hebei Steel' })}` });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ subject: 'dep-1', roles: ['depositor'], partyId: 'P1', name: 'Hebei Steel' });
  });

  it('accepts RS256 tokens of a key in the JWKS and refuses keys it does not hold', async () => {
    const answer = await get('/cards/mine', { Authorization: `Bearer ${mintDevToken(rsa, { sub: 'u', roles: ['clerk'], issuedAt: now })}` });
    expect(answer.body).toEqual({ subject: 'u', roles: ['clerk'] });
    const unknown = createDevKeySet('RS256');
    const refused = await get('/cards/mine', { Authorization: `Bearer ${mintDevToken(unknown, { sub: 'u', roles: ['clerk'], issuedAt: now })}` });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe('unknown signing key (kid)');
  });

  it('answers 401 UNAUTHENTICATED with a bare Bearer challenge when no token is sent', async () => {
    const answer = await get('/cards/mine');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="platform-test"');
    expect(answer.body).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'a bearer token is required' });
  });

  it('answers 401 invalid_request for another scheme', async () => {
    const answer = await get('/cards/mine', { Authorization: 'Basic dXNlcjpwYXNz' });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('error="invalid_request"');
  });

  it.each([
    ['expired', () => tokenFor({ issuedAt: new Date('2025-11-20T06:00:00Z'), expiresInSeconds: 3600 }), 'token expired'],
    ['from another issuer', () => tokenFor({ issuer: 'https://evil.example' }), 'issuer not accepted'],
    ['for another audience', () => tokenFor({ audience: 'billing-portal' }), 'audience not accepted'],
    ['signed by a stranger', () => signJwt(createDevKeySet(), { alg: 'ES256', kid: keySet.kid }, { iss: DEV_ISSUER, sub: 'x' }), 'bad signature'],
    ['garbage', () => 'not.a.jwt', 'malformed token header'],
  ])('answers 401 invalid_token for a token %s', async (_case, token, reason) => {
    const answer = await get('/cards/mine', { Authorization: `Bearer ${token()}` });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 'UNAUTHENTICATED', detail: reason });
    expect(answer.headers.get('www-authenticate')).toBe(`Bearer realm="platform-test", error="invalid_token", error_description="${reason}"`);
  });

  it('uses the injected clock: the same token passes at 08:00 and fails two hours later', async () => {
    const token = tokenFor({ expiresInSeconds: 3600 });
    expect((await get('/cards/mine', { Authorization: `Bearer ${token}` })).status).toBe(200);
    clock.set('2025-11-20T10:00:00Z');
    expect((await get('/cards/mine', { Authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it('lets @Public() routes through without a token', async () => {
    expect((await get('/cards/open')).status).toBe(200);
  });
});

describe('roles and ownership', () => {
  it('answers 403 FORBIDDEN_ROLE when no role fits', async () => {
    const answer = await get('/cards/admin', bearer(['clerk', 'operator']));
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'FORBIDDEN_ROLE', details: { requiredRoles: ['manager'] } });
  });

  it('lets a fitting role in', async () => {
    expect((await get('/cards/admin', bearer(['manager']))).status).toBe(200);
  });

  it("lets a depositor read its own party's statement; another's answers as a missing one (404)", async () => {
    const depositor = { Authorization: `Bearer ${tokenFor()}` };
    expect((await get('/cards/P1/statement', depositor)).body).toEqual({ partyId: 'P1' });
    const other = await get('/cards/P2/statement', depositor);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ code: 'PARTY_NOT_FOUND', detail: 'no party P2' });
  });

  it("lets staff read any party's statement", async () => {
    expect((await get('/cards/P2/statement', bearer(['clerk']))).status).toBe(200);
  });
});
