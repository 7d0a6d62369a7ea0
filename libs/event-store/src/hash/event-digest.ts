import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted, no whitespace. PostgreSQL's jsonb does not keep key
 * order, so the digest must not depend on it; what goes in must come back out equal.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number in event data');
    if (typeof value === 'bigint') throw new TypeError('bigint in event data: store it as a string');
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface DigestInput {
  streamId: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: Date;
}

/** sha256 over everything an event says; the stream's hash chain links these digests. */
export function eventDigest(event: DigestInput): Buffer {
  return createHash('sha256')
    .update(canonicalJson([event.streamId, event.eventId, event.type, event.schemaVersion, event.data, event.metadata, event.recordedAt.toISOString()]))
    .digest();
}

/** hash_n = sha256(hash_{n-1} || digest_n), the same as append_to_stream computes in SQL. */
export function chainHash(previous: Buffer | null, digest: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([previous ?? Buffer.alloc(0), digest]))
    .digest();
}
