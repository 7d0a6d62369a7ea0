import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { systemClock, type Clock } from '@dw/kernel';

export const SIGNATURE_HEADERS = {
  clientId: 'X-Client-Id',
  timestamp: 'X-Timestamp',
  nonce: 'X-Nonce',
  signature: 'X-Signature',
} as const;

/** Requests more than this far from our clock, either way, are refused (README.md, "APIs"). */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export interface SignedParts {
  method: string;
  /** Path with query string, exactly as sent on the request line. */
  path: string;
  /** Unix seconds. */
  timestamp: number;
  nonce: string;
  /** The exact body bytes; absent or empty for no body. */
  body?: Uint8Array | string;
}

/** `METHOD\npath?query\ntimestamp\nnonce\nhex(sha256(body))`: what the signature covers. */
export function canonicalRequest(parts: SignedParts): string {
  const bodyDigest = createHash('sha256')
    .update(parts.body ?? '')
    .digest('hex');
  return [parts.method.toUpperCase(), parts.path, String(parts.timestamp), parts.nonce, bodyDigest].join('\n');
}

/** hex(HMAC-SHA256(secret, canonical request)). */
export function signatureOf(secret: string, parts: SignedParts): string {
  return createHmac('sha256', secret).update(canonicalRequest(parts)).digest('hex');
}

/** Constant-time comparison of hex signatures; anything not 64 hex digits is simply wrong. */
export function signaturesMatch(expectedHex: string, givenHex: string): boolean {
  if (!/^[\da-f]{64}$/i.test(givenHex)) return false;
  return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(givenHex.toLowerCase(), 'hex'));
}

export interface SignRequestInput {
  clientId: string;
  secret: string;
  method: string;
  path: string;
  body?: Uint8Array | string;
  /** Defaults: now from `clock` (system clock), a random UUID nonce. */
  clock?: Clock;
  timestamp?: number;
  nonce?: string;
}

/**
 * The four headers of a signed request, for integration clients and tests, and for our own
 * outbound callbacks (signed the same way, with the secret we share with the receiver).
 */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const timestamp = input.timestamp ?? Math.floor((input.clock ?? systemClock).now().getTime() / 1000);
  const nonce = input.nonce ?? randomUUID();
  const signature = signatureOf(input.secret, { method: input.method, path: input.path, timestamp, nonce, body: input.body });
  return {
    [SIGNATURE_HEADERS.clientId]: input.clientId,
    [SIGNATURE_HEADERS.timestamp]: String(timestamp),
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signature,
  };
}
