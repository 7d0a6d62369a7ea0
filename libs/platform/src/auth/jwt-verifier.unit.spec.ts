import { createHmac, generateKeyPairSync } from 'node:crypto';
import { ManualClock } from '@dw/kernel';
import { createDevKeySet, DEV_ISSUER, devKeySetFromPem, mintDevToken, privateKeyPemOf, signJwt, type DevKeySet } from './dev-tokens';
import { parseJwks } from './jwks';
import { DEFAULT_AUDIENCE, JwtVerificationError, JwtVerifier } from './jwt-verifier';

const issuedAt = new Date('2025-11-20T08:00:00Z');
const es256 = createDevKeySet('ES256');
const rs256 = createDevKeySet('RS256');
const clock = new ManualClock(issuedAt);
const verifier = new JwtVerifier({
  issuer: DEV_ISSUER,
  audience: DEFAULT_AUDIENCE,
  keys: parseJwks({ keys: [...es256.jwks.keys, ...rs256.jwks.keys] }),
  clock,
});

function reasonOf(token: string): string {
  try {
    verifier.verify(token);
  } catch (error) {
    if (error instanceof JwtVerificationError) return error.reason;
    throw error;
  }
  return 'accepted';
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = issuedAt.getTime() / 1000;
  return { iss: DEV_ISSUER, aud: DEFAULT_AUDIENCE, sub: 'u1', iat, exp: iat + 600, roles: ['clerk'], ...overrides };
}

function token(keySet: DevKeySet, payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  return signJwt(keySet, { alg: keySet.alg, typ: 'JWT', kid: keySet.kid, ...header }, payload);
}

beforeEach(() => clock.set(issuedAt));

describe('JwtVerifier', () => {
  it.each([
    ['ES256', es256],
    ['RS256', rs256],
  ])('accepts a %s token and maps its claims to a principal', (_alg, keySet) => {
    const minted = mintDevToken(keySet, { sub: 'dep-7', roles: ['depositor'], partyId: 'P1', name: 'Hebei Steel', issuedAt });
    expect(verifier.verify(minted)).toEqual({ subject: 'dep-7', roles: ['depositor'], partyId: 'P1', name: 'Hebei Steel' });
  });

  it('ignores roles it does not know and accepts an audience list that contains ours', () => {
    const principal = verifier.verify(token(es256, claims({ roles: ['clerk', 'superuser'], aud: ['other-app', DEFAULT_AUDIENCE] })));
    expect(principal.roles).toEqual(['clerk']);
  });

  it.each(['exchange', 'bank', 'court', 'device'])(
    'refuses a person’s token carrying the integration role %s (those act only through signed requests)',
    (role) => {
      expect(reasonOf(token(es256, claims({ roles: ['clerk', role] })))).toBe(`role ${role} belongs to signed integration clients, not to a person's token`);
    },
  );

  describe('expiry with a 30 s leeway', () => {
    // exp = iat + 600 s: 08:10:00. With 30 s leeway the token is good until 08:10:30 inclusive.
    it('accepts a token 30 s past exp', () => {
      clock.set('2025-11-20T08:10:30Z');
      expect(reasonOf(token(es256, claims()))).toBe('accepted');
    });
    it('refuses it 31 s past exp', () => {
      clock.set('2025-11-20T08:10:31Z');
      expect(reasonOf(token(es256, claims()))).toBe('token expired');
    });
  });

  describe('nbf with a 30 s leeway', () => {
    // nbf = 08:05:00, so the token is good from 08:04:30.
    const nbf = issuedAt.getTime() / 1000 + 300;
    it('refuses it 31 s before nbf', () => {
      clock.set('2025-11-20T08:04:29Z');
      expect(reasonOf(token(es256, claims({ nbf })))).toBe('token not yet valid');
    });
    it('accepts it 30 s before nbf', () => {
      clock.set('2025-11-20T08:04:30Z');
      expect(reasonOf(token(es256, claims({ nbf })))).toBe('accepted');
    });
  });

  it.each([
    ['another issuer', claims({ iss: 'https://evil.example' }), 'issuer not accepted'],
    ['another audience', claims({ aud: 'other-app' }), 'audience not accepted'],
    ['no audience', claims({ aud: undefined }), 'audience not accepted'],
    ['no exp', claims({ exp: undefined }), 'exp claim is required'],
    ['exp as a string', claims({ exp: '9999999999' }), 'exp claim is required'],
    ['iat far in the future', claims({ iat: issuedAt.getTime() / 1000 + 3600 }), 'token issued in the future'],
    ['no subject', claims({ sub: '' }), 'sub claim is required'],
    ['roles not an array', claims({ roles: 'manager' }), 'roles claim must be an array'],
  ])('refuses a token with %s', (_case, payload, reason) => {
    expect(reasonOf(token(es256, payload))).toBe(reason);
  });

  it('refuses a token signed by a key it does not trust under a kid it knows', () => {
    const stranger = createDevKeySet('ES256');
    expect(reasonOf(signJwt(stranger, { alg: 'ES256', kid: es256.kid }, claims()))).toBe('bad signature');
  });

  it('refuses an unknown kid and a missing kid', () => {
    expect(reasonOf(token(es256, claims(), { kid: 'nope' }))).toBe('unknown signing key (kid)');
    expect(reasonOf(token(es256, claims(), { kid: undefined }))).toBe('unknown signing key (kid)');
  });

  it('refuses alg "none" and an algorithm that is not the key\'s', () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', kid: es256.kid })).toString('base64url')}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}.`;
    expect(reasonOf(unsigned)).toBe('malformed token');
    expect(reasonOf(token(es256, claims(), { alg: 'RS256' }))).toBe(`algorithm RS256 is not the one of key ${es256.kid}`);
  });

  it('refuses HS256 signed with the public key (algorithm confusion)', () => {
    const publicJwk = JSON.stringify(rs256.jwks.keys[0]);
    const signingInput = `${Buffer.from(JSON.stringify({ alg: 'HS256', kid: rs256.kid })).toString('base64url')}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}`;
    const forged = `${signingInput}.${createHmac('sha256', publicJwk).update(signingInput).digest('base64url')}`;
    expect(reasonOf(forged)).toBe(`algorithm HS256 is not the one of key ${rs256.kid}`);
  });

  it('refuses an edited payload', () => {
    const [header, , signature] = token(es256, claims()).split('.');
    const edited = Buffer.from(JSON.stringify(claims({ roles: ['manager'] }))).toString('base64url');
    expect(reasonOf(`${header}.${edited}.${signature}`)).toBe('bad signature');
  });

  it('refuses critical header extensions it cannot honour', () => {
    expect(reasonOf(token(es256, claims(), { crit: ['exp'] }))).toBe('critical header extensions are not supported');
  });

  it.each(['', 'abc', 'a.b', 'a.b.c.d', 'a!.b.c', `${Buffer.from('[1]').toString('base64url')}.e30.sig`])('refuses the malformed token %p', (bad) => {
    expect(reasonOf(bad)).toMatch(/^malformed token/);
  });
});

describe('dev key sets', () => {
  it('reload from their PEM with the same kid, so a stored key keeps verifying', () => {
    const reloaded = devKeySetFromPem(privateKeyPemOf(es256));
    expect(reloaded.kid).toBe(es256.kid);
    expect(reloaded.jwks).toEqual(es256.jwks);
  });
});

describe('parseJwks', () => {
  const ecJwk = es256.jwks.keys[0]!;

  it.each([
    ['not a JWKS', [], /must be a JWKS/],
    ['an empty key list', { keys: [] }, /must be a JWKS/],
    ['a key without kid', { keys: [{ ...ecJwk, kid: undefined }] }, /kid is required/],
    ['a duplicated kid', { keys: [ecJwk, ecJwk] }, /used twice/],
    ['a private key', { keys: [{ ...ecJwk, d: 'secret' }] }, /private key/],
    ['an encryption key', { keys: [{ ...ecJwk, use: 'enc' }] }, /use must be "sig"/],
    ['a contradicting alg', { keys: [{ ...ecJwk, alg: 'RS256' }] }, /alg RS256 does not fit/],
    ['a symmetric key', { keys: [{ kty: 'oct', kid: 'k', k: 'c2VjcmV0' }] }, /only RSA keys and EC keys on P-256/],
    ['another curve', { keys: [{ ...ecJwk, crv: 'P-384' }] }, /only RSA keys and EC keys on P-256/],
    ['broken key material', { keys: [{ ...ecJwk, x: 'AAAA' }] }, /not a usable key/],
  ])('refuses %s', (_case, jwks, reason) => {
    expect(() => parseJwks(jwks)).toThrow(reason);
  });

  it('refuses RSA keys under 2048 bits', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => parseJwks({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'small' }] })).toThrow(/at least 2048 bits/);
  });
});
