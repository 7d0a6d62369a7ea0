import { verify } from 'node:crypto';
import type { Clock } from '@dw/kernel';
import type { KeySet } from './jwks';
import type { Principal } from './principal';
import { INTEGRATION_ROLES, isRole } from './role';

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  keys: KeySet;
  clock: Clock;
  /** Tolerated clock difference with the issuer for exp / nbf / iat. */
  leewaySeconds?: number;
}

export const DEFAULT_LEEWAY_SECONDS = 30;
/** The audience tokens for this system carry unless AUTH_AUDIENCE says otherwise. */
export const DEFAULT_AUDIENCE = 'delivery-warehouse';

/** Why a token was refused; the reason is safe to show the caller (RFC 6750 error_description). */
export class JwtVerificationError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'JwtVerificationError';
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Verifies compact JWS bearer tokens (RS256, ES256) with node:crypto and turns their claims
 * into a Principal. The algorithm is taken from the key the `kid` names and must match the
 * header, so a token cannot choose a weaker algorithm ("none", HS256 with the public key).
 */
export class JwtVerifier {
  private readonly leeway: number;

  constructor(private readonly options: JwtVerifierOptions) {
    this.leeway = options.leewaySeconds ?? DEFAULT_LEEWAY_SECONDS;
  }

  verify(token: string): Principal {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) throw new JwtVerificationError('malformed token');
    const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
    const header = decodeJson(encodedHeader, 'header');
    const key = typeof header.kid === 'string' ? this.options.keys.get(header.kid) : undefined;
    if (key === undefined) throw new JwtVerificationError('unknown signing key (kid)');
    if (header.alg !== key.alg) throw new JwtVerificationError(`algorithm ${String(header.alg)} is not the one of key ${key.kid}`);
    if (header.crit !== undefined) throw new JwtVerificationError('critical header extensions are not supported');
    const signature = Buffer.from(encodedSignature, 'base64url');
    const signingInput = Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii');
    const valid =
      key.alg === 'RS256'
        ? verify('sha256', signingInput, key.key, signature)
        : signature.length === 64 && verify('sha256', signingInput, { key: key.key, dsaEncoding: 'ieee-p1363' }, signature);
    if (!valid) throw new JwtVerificationError('bad signature');
    return this.principalOf(decodeJson(encodedPayload, 'payload'));
  }

  private principalOf(claims: Record<string, unknown>): Principal {
    const { iss, aud, exp, nbf, iat, sub, roles, party_id: partyId, name } = claims;
    if (iss !== this.options.issuer) throw new JwtVerificationError('issuer not accepted');
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (!audiences.includes(this.options.audience)) throw new JwtVerificationError('audience not accepted');
    const now = this.options.clock.now().getTime() / 1000;
    if (typeof exp !== 'number') throw new JwtVerificationError('exp claim is required');
    if (now > exp + this.leeway) throw new JwtVerificationError('token expired');
    if (nbf !== undefined && (typeof nbf !== 'number' || now < nbf - this.leeway)) throw new JwtVerificationError('token not yet valid');
    if (iat !== undefined && (typeof iat !== 'number' || iat > now + this.leeway)) throw new JwtVerificationError('token issued in the future');
    if (typeof sub !== 'string' || sub === '') throw new JwtVerificationError('sub claim is required');
    if (roles !== undefined && !Array.isArray(roles)) throw new JwtVerificationError('roles claim must be an array');
    // The exchange, banks, courts and devices act only through signed requests under their own
    // client id (see IntegrationApi). A person's token naming one of their roles is refused, not
    // trimmed: it would otherwise pass every route that lists the role, or widen a list's scope.
    const integrationRole = (roles ?? []).find((role: unknown) => (INTEGRATION_ROLES as readonly unknown[]).includes(role));
    if (integrationRole !== undefined)
      throw new JwtVerificationError(`role ${String(integrationRole)} belongs to signed integration clients, not to a person's token`);
    return {
      subject: sub,
      // Roles this system does not know (an IdP serves other applications too) are ignored.
      roles: (roles ?? []).filter(isRole),
      ...(typeof partyId === 'string' && partyId !== '' ? { partyId } : {}),
      ...(typeof name === 'string' && name !== '' ? { name } : {}),
    };
  }
}

function decodeJson(part: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new JwtVerificationError(`malformed token ${what}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new JwtVerificationError(`malformed token ${what}`);
  return value as Record<string, unknown>;
}
