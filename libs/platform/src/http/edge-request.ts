import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/principal';

/**
 * The parts of an Express request the edge relies on (the workspace has no Express typings,
 * and the edge needs only these).
 */
export interface EdgeRequest extends IncomingMessage {
  /** The path with query string as the client sent it (what integration clients sign). */
  originalUrl: string;
  body?: unknown;
  /** The exact body bytes, kept by the JSON parser for signatures and idempotency hashes. */
  rawBody?: Buffer;
  /** Set by the authentication guards. */
  principal?: Principal;
  /** Set once per request so every error answer and log line of it agree. */
  traceId?: string;
}

export function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
