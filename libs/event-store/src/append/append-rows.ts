import { eventDigest } from '../hash/event-digest';
import type { OutboxMessage, PendingEvent } from './event-types';

/**
 * One append's events and outbox messages as append_to_stream's array parameters (its
 * p_event_ids to p_outbox_headers, $5 to $15), element i of each array being row i: the event
 * store and the raw-SQL append benchmark send the very same rows.
 */
export function appendRowArrays(pending: readonly PendingEvent[], outbox: readonly OutboxMessage[]): unknown[] {
  return [
    pending.map((e) => e.eventId),
    pending.map((e) => e.type),
    pending.map((e) => e.schemaVersion),
    pending.map((e) => JSON.stringify(e.data)),
    pending.map((e) => JSON.stringify(e.metadata)),
    pending.map((e) => eventDigest(e)),
    outbox.map((m) => m.messageId),
    outbox.map((m) => m.topic),
    outbox.map((m) => m.key),
    outbox.map((m) => Buffer.from(m.payload)),
    outbox.map((m) => JSON.stringify(m.headers)),
  ];
}
