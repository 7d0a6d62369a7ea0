import type { IncomingMessage } from '../port/message-bus.port';

/**
 * Headers of a dead-lettered message: the original headers (so ce_* and traceparent survive),
 * plus where it came from and why it failed. The payload is the original bytes, untouched.
 */
export function deadLetterHeaders(message: IncomingMessage, error: unknown, attempts: number, groupId: string, at: Date): Record<string, string> {
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    ...message.headers,
    dlq_original_topic: message.topic,
    dlq_original_partition: String(message.partition),
    dlq_original_offset: message.offset,
    dlq_consumer_group: groupId,
    dlq_error_class: err.name,
    dlq_error_code: String((error as { code?: unknown }).code ?? ''),
    dlq_error_message: err.message.slice(0, 2_000),
    dlq_attempts: String(attempts),
    dlq_failed_at: at.toISOString(),
  };
}
