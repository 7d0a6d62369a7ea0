import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JsonWebKeySet, JwtAlgorithm } from './jwks';
import { DEFAULT_AUDIENCE } from './jwt-verifier';
import type { Role } from './role';

/**
 * Development and test tokens: a local key pair stands in for the OIDC provider. Services
 * verify these exactly like production tokens (same guard, same JWKS handling); only the
 * signer differs. `scripts/mint-token.ts` keeps a key pair under `.run/dev-auth/`.
 */
export const DEV_ISSUER = 'https://auth.dev.delivery-warehouse.local';
const DEFAULT_LIFETIME_SECONDS = 3600;

export interface DevKeySet {
  kid: string;
  alg: JwtAlgorithm;
  privateKey: KeyObject;
  /** The public half, as AUTH_JWKS expects it. */
  jwks: JsonWebKeySet;
}

export function createDevKeySet(alg: JwtAlgorithm = 'ES256'): DevKeySet {
  const { privateKey } = alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return devKeySetOf(privateKey);
}

/** The key set of a stored private key (PEM); the kid is the key's RFC 7638 thumbprint, so it needs no storing. */
export function devKeySetFromPem(privateKeyPem: string): DevKeySet {
  return devKeySetOf(createPrivateKey(privateKeyPem));
}

export function privateKeyPemOf(keySet: DevKeySet): string {
  return keySet.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

function devKeySetOf(privateKey: KeyObject): DevKeySet {
  const alg: JwtAlgorithm = privateKey.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256';
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const kid = thumbprintOf(publicJwk);
  return { kid, alg, privateKey, jwks: { keys: [{ ...publicJwk, kid, alg, use: 'sig' }] } };
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
function thumbprintOf(jwk: JsonWebKey): string {
  const members = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

export interface DevTokenClaims {
  sub: string;
  roles: Role[];
  partyId?: string;
  name?: string;
  issuer?: string;
  audience?: string | string[];
  /** Issue time; defaults to now. Expiry is `issuedAt + expiresInSeconds`. */
  issuedAt?: Date;
  expiresInSeconds?: number;
  notBefore?: Date;
}

export function mintDevToken(keySet: DevKeySet, claims: DevTokenClaims): string {
  const iat = Math.floor((claims.issuedAt ?? new Date()).getTime() / 1000);
  const payload = {
    iss: claims.issuer ?? DEV_ISSUER,
    aud: claims.audience ?? DEFAULT_AUDIENCE,
    sub: claims.sub,
    iat,
    exp: iat + (claims.expiresInSeconds ?? DEFAULT_LIFETIME_SECONDS),
    ...(claims.notBefore ? { nbf: Math.floor(claims.notBefore.getTime() / 1000) } : {}),
    roles: claims.roles,
    ...(claims.partyId !== undefined ? { party_id: claims.partyId } : {}),
    ...(claims.name !== undefined ? { name: claims.name } : {}),
  };
  return signJwt(keySet, { alg: keySet.alg, typ: 'JWT', kid: keySet.kid }, payload);
}

/** Signs any header and payload with the key set: tests use it to build tokens the verifier must refuse. */
export function signJwt(keySet: Pick<DevKeySet, 'alg' | 'privateKey'>, header: object, payload: object): string {
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  const signature =
    keySet.alg === 'ES256'
      ? sign('sha256', Buffer.from(signingInput), { key: keySet.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(signingInput), keySet.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
