import type { EventStore } from '@dw/event-store';
import type { IncomingMessage } from '@dw/messaging';
import { InboxContext } from '@dw/platform';

/**
 * Runs a Kafka handler the way the inbox does: in one transaction, with the message's context
 * (message id, event type, consumer group), so what it appends commits or rolls back together.
 */
export function inboxDelivery(store: EventStore) {
  let messages = 0;
  return <E>(handle: (event: E, ctx: InboxContext) => Promise<void>, event: E, type: string) => {
    messages += 1;
    const message: IncomingMessage = {
      topic: 'int',
      partition: 0,
      offset: String(messages),
      key: null,
      value: Buffer.alloc(0),
      headers: { ce_type: type },
      timestamp: '0',
    };
    const messageId = `message-${messages}`;
    return store.transaction((tx) => handle(event, new InboxContext(tx, message, messageId, type, 'order')));
  };
}
