import type { PublishedMessageRef } from '@dw/event-store';

/**
 * Set on every answer to a request whose events queued public messages: `<topic>:<message id>`
 * for each, comma-separated. A client that next reads another service's view of that write (the
 * buyer's stock in inventory after a transfer in the receipt service) passes the value on, as it
 * is, in `X-Await-Messages`.
 */
export const PUBLISHED_MESSAGES_HEADER = 'X-Published-Messages';
/**
 * Sent by a client that wants an answer reflecting the messages another service published: held
 * until this service has consumed every listed message on a topic it consumes and its read
 * models have applied what consuming them wrote. Messages on topics it does not consume are
 * nothing it could wait for, and are passed over.
 */
export const AWAIT_MESSAGES_HEADER = 'X-Await-Messages';

/** More than a request header of Node's default 16 KiB could carry anyway: a batch this large awaits in parts. */
const MAX_AWAITED = 200;
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const MESSAGE_ID = /^[A-Za-z0-9._:-]{1,200}$/;

export function formatPublishedMessages(messages: readonly PublishedMessageRef[]): string {
  return messages.map((m) => `${m.topic}:${m.messageId}`).join(',');
}

/** The messages a header lists, or undefined when it is not a list this platform writes. */
export function parsePublishedMessages(text: string): PublishedMessageRef[] | undefined {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0 || items.length > MAX_AWAITED) return undefined;
  const messages: PublishedMessageRef[] = [];
  for (const item of items) {
    // Topic names never hold a colon (Kafka allows letters, digits, '.', '_' and '-'); ids may.
    const colon = item.indexOf(':');
    const topic = item.slice(0, colon);
    const messageId = item.slice(colon + 1);
    if (colon <= 0 || !TOPIC.test(topic) || !MESSAGE_ID.test(messageId)) return undefined;
    messages.push({ topic, messageId });
  }
  return messages;
}
