import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of a further public message published for one domain event (the event's first message
 * carries the event's own id): an RFC 4122 version 5 (name-based, SHA-1) UUID of `name` within the
 * event's id as namespace. `name` says which message it is (its type, and e.g. the lot or step it
 * is about), so the messages of one event never share an id.
 *
 * Why deterministic: the outbox is relayed at least once, and a replay (a relay retry, a restored
 * outbox, the same event mapped again) must produce the same message ids, because consumers'
 * inboxes deduplicate by message id (ce_id) and drop a message they have seen; a random id would
 * make every replay a new fact to them.
 */
export function derivedMessageId(eventId: string, name: string): string {
  if (!UUID.test(eventId)) throw new TypeError(`an event id must be a UUID to derive message ids from, got ${JSON.stringify(eventId)}`);
  const hash = createHash('sha1')
    .update(Buffer.from(eventId.replace(/-/g, ''), 'hex'))
    .update(name)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
