import { randomBytes } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;
const INVALID_TRACE_ID = '0'.repeat(32);

/**
 * The trace id an error answer carries, so a caller's report leads to the logs: the active
 * OpenTelemetry span's when tracing runs, else the caller's W3C `traceparent`, else a fresh one.
 */
export function traceIdOf(headers: IncomingHttpHeaders): string {
  const active = trace.getActiveSpan()?.spanContext().traceId;
  if (active && active !== INVALID_TRACE_ID) return active;
  const header = headers['traceparent'];
  const match = typeof header === 'string' ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  if (match && match[1] !== INVALID_TRACE_ID) return match[1]!;
  return randomBytes(16).toString('hex');
}
