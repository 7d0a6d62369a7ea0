import { setTimeout as delay } from 'node:timers/promises';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { EventRegistry } from '@dw/contracts';
import { ContractDecodeError, UnknownEventTypeError } from '@dw/contracts';
import type { ActorRef, Database, EventMetadata, EventStore, EventStoreTransaction, SqlClient } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { InboxConsumer, NonRetryableMessageError, type IncomingMessage, type MessageBus } from '@dw/messaging';
import { currentTraceparent, platformMetrics } from '@dw/observability';
import type { CommandContext } from '../http/caller';

/**
 * What an @EventPattern handler gets as its context (`@Ctx() ctx: InboxContext`): the
 * consumer's transaction, the event store bound to it, and the metadata to stamp on the events
 * it appends, so the message, its inbox row and the handler's effects commit together.
 */
export class InboxContext {
  constructor(
    readonly store: EventStoreTransaction,
    readonly message: IncomingMessage,
    readonly messageId: string,
    readonly eventType: string,
    private readonly serviceName: string,
  ) {}

  get subject(): string | undefined {
    return this.message.headers.ce_subject;
  }

  /** Metadata for events caused by this message: same correlation, caused by it, acted by the service. */
  causedMetadata(): EventMetadata {
    return {
      actor: { subject: `service:${this.serviceName}`, role: 'system' },
      correlationId: this.message.headers.dw_correlation_id ?? this.messageId,
      causationId: this.messageId,
      traceparent: currentTraceparent(),
    };
  }

  /**
   * The context of a command this message causes, at the instant the message names: acted by the
   * actor it names (another service's person or device; blank fields read `unknown`), or, when it
   * names none, by this service.
   */
  commandContext(at: string, actor?: ActorRef): CommandContext {
    const caused = this.causedMetadata();
    if (!actor) return { actor: caused.actor, at, metadata: caused };
    const named = { subject: actor.subject || 'unknown', role: actor.role || 'unknown', ...(actor.partyId ? { partyId: actor.partyId } : {}) };
    return { actor: named, at, metadata: { ...caused, actor: named } };
  }
}

export interface InboxTransportOptions {
  serviceName: string;
  groupId: string;
  topics: readonly string[];
  db: Database;
  store: EventStore;
  bus: MessageBus;
  registry: EventRegistry;
  clock: Clock;
}

/**
 * The Kafka side of the hybrid app: a Nest microservice strategy whose handlers are the
 * service's `@EventPattern('<ce_type>')` methods. Each message is decoded by its ce_type from
 * the contract registry and applied through the inbox (exactly once in effect, bounded
 * retries, dead-letter topic). Types with no handler are recorded in the inbox and skipped.
 */
export class InboxTransport extends Server implements CustomTransportStrategy {
  private consumer: InboxConsumer | null = null;
  private closed = false;
  private joining: Promise<void> | null = null;
  /** Every feature's handler of each event type, in registration order (see addHandler). */
  private readonly handlersByType = new Map<string, MessageHandler[]>();

  constructor(private readonly options: InboxTransportOptions) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    const { db, bus, groupId, topics, clock } = this.options;
    this.consumer = new InboxConsumer(db, bus, {
      groupId,
      topics,
      clock,
      handler: ({ tx, message, messageId, eventType }) => this.dispatch(tx, message, messageId, eventType),
      onOutcome: (outcome, message) => {
        platformMetrics.consumerMessages.inc({ group: groupId, topic: message.topic, outcome });
        if (outcome === 'dead_lettered') platformMetrics.deadLetters.inc({ group: groupId, topic: message.topic });
      },
      onParked: (message, handlerError, deadLetterError) =>
        this.logger.error(
          JSON.stringify({
            alarm: 'INBOX_MESSAGE_PARKED',
            group: groupId,
            topic: message.topic,
            partition: message.partition,
            offset: message.offset,
            handlerError: String(handlerError),
            deadLetterError: String(deadLetterError),
          }),
        ),
      onLag: (topic, partition, lag) => platformMetrics.consumerLag.set({ group: groupId, topic, partition }, Math.max(0, lag)),
      onError: (error, message, attempt) =>
        this.logger.warn(`${groupId}: ${message.topic}@${message.partition}:${message.offset} attempt ${attempt} failed: ${String(error)}`),
    });
    // The app (and its HTTP side) does not wait for the group: joining can take a session
    // timeout after a crash (the dead member must expire first), or as long as Kafka is down;
    // meanwhile commands are accepted into the outbox and readiness reports Kafka as it is.
    callback();
    if (topics.length > 0) this.joining = this.joinUntilClosed(this.consumer);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.consumer?.drain();
    // A start still trying to reach the broker is left to fail on its own; shutdown does not wait for Kafka.
    await Promise.race([this.joining, delay(2_000, undefined, { ref: false })]);
    this.consumer = null;
  }

  /** Starts the consumer, and starts it again after a failure (broker unreachable at start-up), until it runs or the app closes. */
  private async joinUntilClosed(consumer: InboxConsumer): Promise<void> {
    for (let attempt = 1; !this.closed; attempt += 1) {
      try {
        await consumer.start();
        return;
      } catch (error) {
        this.logger.warn(`${this.options.groupId}: consumer could not start (attempt ${attempt}), retrying: ${String(error)}`);
        await consumer.drain().catch(() => undefined);
        await delay(Math.min(5_000, 250 * 2 ** (attempt - 1)));
      }
    }
  }

  /**
   * Keeps every @EventPattern handler of a type in a list of its own instead of Nest's chain.
   * Nest chains a second handler onto the first (`next`), and its wrapper of the first starts
   * the rest of the chain beside it (forkJoin): the features' handlers would run concurrently on
   * the one inbox transaction's connection, and a loop over the chain would run each later one
   * again. Unchained, each runs once, one after the other, in dispatch.
   */
  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    const eventType = this.normalizePattern(pattern as string);
    callback.isEventHandler = isEventHandler;
    callback.extras = extras;
    if (!this.messageHandlers.has(eventType)) this.messageHandlers.set(eventType, callback);
    this.handlersByType.set(eventType, [...(this.handlersByType.get(eventType) ?? []), callback]);
  }

  /** Nest's Server contract for event listeners; dispatch happens in listen(). */
  on(): never {
    throw new Error('InboxTransport dispatches by ce_type through @EventPattern handlers');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async dispatch(tx: SqlClient, message: IncomingMessage, messageId: string, eventType: string | undefined): Promise<void> {
    if (!eventType) throw new NonRetryableMessageError('CE_TYPE_MISSING', `message ${messageId} has no ce_type header`);
    const handlers = this.handlersByType.get(eventType) ?? [];
    if (handlers.length === 0) return;
    let payload: unknown;
    try {
      payload = this.options.registry.decodeEvent(eventType, message.value);
    } catch (error) {
      if (error instanceof UnknownEventTypeError || error instanceof ContractDecodeError) {
        throw new NonRetryableMessageError(error.code, error.message);
      }
      throw error;
    }
    const context = new InboxContext(this.options.store.bind(tx), message, messageId, eventType, this.options.serviceName);
    // Every feature of the service that consumes the type gets it, in one transaction with the
    // inbox row, one handler at a time: they share that transaction's connection.
    for (const handler of handlers) {
      const result = await handler(payload, context);
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    }
  }
}
