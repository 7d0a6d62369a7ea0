import type { EventLog, EventStoreTransaction, OutboxMessage } from '@dw/event-store';
import type { IncomingMessage } from '@dw/messaging';

/** A consuming service's handler for one contract: what its `@EventPattern(<ce_type>)` method does. */
export type InboxHandler<Ctx> = (event: never, ctx: Ctx) => Promise<void>;

export interface InMemoryInboxOptions<Ctx> {
  /** The consuming service's log: each message is applied in one transaction of it. */
  readonly log: EventLog;
  /** Decodes a message's bytes by its CloudEvents type (the contract registry, EventRegistry of @dw/contracts). */
  readonly registry: { decodeEvent(typeName: string, bytes: Uint8Array): unknown };
  /**
   * The handler's context for one message, as the service's inbox transport builds it
   * (InboxContext of @dw/platform: passed in, since @dw/platform's own tests depend on this library).
   */
  readonly context: (tx: EventStoreTransaction, message: IncomingMessage, messageId: string, eventType: string) => Ctx;
  /** The service's handlers by the full ce_type they take. */
  readonly handlers: Readonly<Record<string, InboxHandler<Ctx>>>;
}

/**
 * A service's Kafka inbox in memory, for tests that run several services' real handlers over
 * InMemoryEventStore: a message another service's outbox committed is delivered as its bytes,
 * decoded by its ce_type and handed to the handler for that type, in one transaction of the
 * consumer's log, as the inbox transport applies it. A type the service has no handler for is
 * skipped, as the real inbox records and skips it. A handler's error rolls its transaction back
 * and fails the delivery: where the real inbox would retry or dead-letter the message, a test
 * whose steps should never cause that fails instead.
 */
export class InMemoryInbox<Ctx> {
  constructor(private readonly options: InMemoryInboxOptions<Ctx>) {}

  /** Delivers `message`; false when the service has no handler for its type. */
  async deliver(message: OutboxMessage): Promise<boolean> {
    const eventType = message.headers.ce_type;
    if (!eventType) throw new Error(`message ${message.messageId} has no ce_type header`);
    const handler = this.options.handlers[eventType];
    if (!handler) return false;
    const event = this.options.registry.decodeEvent(eventType, message.payload) as never;
    const incoming: IncomingMessage = {
      topic: message.topic,
      partition: 0,
      offset: '0',
      key: message.key,
      value: Buffer.from(message.payload),
      headers: message.headers,
      timestamp: '0',
    };
    await this.options.log.transaction((tx) => handler(event, this.options.context(tx, incoming, message.messageId, eventType)));
    return true;
  }

  /** Delivers each message in order (the order of one outbox, as one partition keeps it). */
  async deliverAll(messages: readonly OutboxMessage[]): Promise<void> {
    for (const message of messages) await this.deliver(message);
  }
}
