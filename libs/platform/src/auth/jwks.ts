import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export type JwtAlgorithm = 'RS256' | 'ES256';

export interface JsonWebKeySet {
  keys: JsonWebKey[];
}

export interface VerificationKey {
  kid: string;
  alg: JwtAlgorithm;
  key: KeyObject;
}

/** Public keys by `kid`, as the issuer publishes them. */
export type KeySet = ReadonlyMap<string, VerificationKey>;

const MIN_RSA_BITS = 2048;

/**
 * Reads a JWKS into verification keys, refusing with a reason anything that would weaken
 * verification: keys without `kid`, other key types or curves, an `alg` that contradicts the
 * key type, keys not for signatures, RSA under 2048 bits, and private keys (a JWKS that
 * carries `d` has leaked the signing key).
 */
export function parseJwks(value: unknown): KeySet {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (typeof value !== 'object' || value === null || !Array.isArray(keys) || keys.length === 0) {
    throw new Error('must be a JWKS: {"keys": [ ...at least one key ]}');
  }
  const set = new Map<string, VerificationKey>();
  keys.forEach((jwk: unknown, index) => {
    const key = readKey(jwk, `keys[${index}]`);
    if (set.has(key.kid)) throw new Error(`keys[${index}]: kid "${key.kid}" is used twice`);
    set.set(key.kid, key);
  });
  return set;
}

function readKey(jwk: unknown, where: string): VerificationKey {
  if (typeof jwk !== 'object' || jwk === null) throw new Error(`${where}: not a JSON object`);
  const { kid, kty, crv, alg, use, d } = jwk as Record<string, unknown>;
  if (typeof kid !== 'string' || kid === '') throw new Error(`${where}: kid is required`);
  if (d !== undefined) throw new Error(`${where}: is a private key; publish only public keys`);
  if (use !== undefined && use !== 'sig') throw new Error(`${where}: use must be "sig"`);
  const expectedAlg = kty === 'RSA' ? 'RS256' : kty === 'EC' && crv === 'P-256' ? 'ES256' : undefined;
  if (expectedAlg === undefined) throw new Error(`${where}: only RSA keys and EC keys on P-256 are accepted`);
  if (alg !== undefined && alg !== expectedAlg) throw new Error(`${where}: alg ${String(alg)} does not fit a ${String(kty)} key`);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
  } catch (error) {
    throw new Error(`${where}: not a usable key (${(error as Error).message})`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (expectedAlg === 'RS256' && (bits === undefined || bits < MIN_RSA_BITS)) {
    throw new Error(`${where}: RSA keys need at least ${MIN_RSA_BITS} bits`);
  }
  return { kid, alg: expectedAlg, key };
}
