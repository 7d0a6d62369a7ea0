import { setTimeout as delay } from 'node:timers/promises';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Clock } from '@dw/kernel';
import { isTransientInfrastructureError, type Database, type SqlClient } from '@dw/event-store';
import type { BatchContext, IncomingMessage, MessageBus, MessageConsumer, MessageProducer } from '../port/message-bus.port';
import { deadLetterHeaders } from './dead-letter';
import { isRefusedForGood, kafkaErrorType } from '../port/kafka-refusals';

export interface InboxHandlerContext {
  /** The consumer's transaction: the inbox row and everything the handler writes commit together. */
  tx: SqlClient;
  message: IncomingMessage;
  /** CloudEvents id (ce_id): the idempotency key across redeliveries. */
  messageId: string;
  eventType: string | undefined;
}

export type InboxHandler = (context: InboxHandlerContext) => Promise<void>;

export interface InboxConsumerOptions {
  groupId: string;
  topics: readonly string[];
  handler: InboxHandler;
  clock: Clock;
  /** Attempts before a message that keeps failing by its own fault is dead-lettered (bounded retries). */
  maxAttempts?: number;
  /** Delay before retry n (1-based) in ms; default 50 × 2^(n-1), capped at 2 s. */
  backoffMs?: (attempt: number) => number;
  /** Delay before retry n after an infrastructure failure (retried without limit); default 100 × 2^(n-1), capped at 5 s. */
  transientBackoffMs?: (attempt: number) => number;
  /** Default `<groupId>.dlq`. */
  deadLetterTopic?: string;
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
  onOutcome?: (outcome: 'applied' | 'duplicate' | 'retried' | 'waited' | 'dead_lettered' | 'parked', message: IncomingMessage) => void;
  /** A message that could not be dead-lettered either, kept in `inbox_parked`: raise an alarm. */
  onParked?: (message: IncomingMessage, handlerError: unknown, deadLetterError: unknown) => void;
  onLag?: (topic: string, partition: number, lag: number) => void;
  onError?: (error: unknown, message: IncomingMessage, attempt: number) => void;
}

/** An error that retrying cannot fix (undecodable payload, unknown type): dead-lettered at once. */
export class NonRetryableMessageError extends Error {
  readonly retryable = false;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NonRetryableMessageError';
  }
}

const tracer = trace.getTracer('dw-inbox-consumer');

/**
 * Consumes topics into a service, exactly once in effect: each message's (group, id) goes into
 * the inbox in the same transaction as the handler's own writes, so a redelivered message is
 * recognised and skipped; its offset is committed to Kafka right after that transaction.
 *
 * Failures are told apart by whose they are (isTransientInfrastructureError):
 * - the infrastructure's (database down or failing over, pool exhausted, contention): retried
 *   with backoff and without limit, the partition waiting behind it (the lag gauge shows it),
 *   the group membership kept alive by heartbeats; a stop or rebalance leaves it uncommitted
 *   for the next owner;
 * - the message's (a refusal, an undecodable payload, a bug): after bounded retries it goes to
 *   the dead-letter topic with its error, and the partition moves on. If the dead-letter topic
 *   refuses it for good, or cannot take it within DEAD_LETTER_ATTEMPTS, it is parked in
 *   `inbox_parked` with both errors and an alarm: never redelivered to itself in a loop.
 */
export class InboxConsumer {
  private consumer: MessageConsumer | null = null;
  private dlqProducer: MessageProducer | null = null;
  private readonly maxAttempts: number;
  private readonly deadLetterTopic: string;

  constructor(
    private readonly db: Database,
    private readonly bus: MessageBus,
    private readonly options: InboxConsumerOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.deadLetterTopic = options.deadLetterTopic ?? `${options.groupId}.dlq`;
  }

  async start(): Promise<void> {
    this.dlqProducer = this.bus.producer();
    await this.dlqProducer.connect();
    this.consumer = this.bus.consumer({
      groupId: this.options.groupId,
      topics: this.options.topics,
      fromBeginning: this.options.fromBeginning ?? true,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
    });
    await this.consumer.run((messages, batch) => this.consumeBatch(messages, batch));
  }

  /** Finishes the message in hand, commits its offset, leaves the group. */
  async drain(): Promise<void> {
    await this.consumer?.stop();
    await this.dlqProducer?.disconnect();
    this.consumer = null;
    this.dlqProducer = null;
  }

  private async consumeBatch(messages: readonly IncomingMessage[], batch: BatchContext): Promise<void> {
    for (const message of messages) {
      if (!batch.isRunning()) return;
      // Interrupted while the infrastructure was failing: left uncommitted, redelivered later.
      if ((await this.consumeOne(message, batch)) === 'interrupted') return;
      await batch.commit(message);
      await batch.heartbeat();
      this.options.onLag?.(message.topic, message.partition, batch.lagAfter(message));
    }
  }

  private async consumeOne(message: IncomingMessage, batch: BatchContext): Promise<'done' | 'interrupted'> {
    const messageId = message.headers.ce_id ?? `${message.topic}:${message.partition}:${message.offset}`;
    const parent = propagation.extract(ROOT_CONTEXT, message.headers);
    const span = tracer.startSpan(
      `process ${message.topic}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'messaging.system': 'kafka', 'messaging.consumer.group.name': this.options.groupId, 'messaging.message.id': messageId },
      },
      parent,
    );
    try {
      return await context.with(trace.setSpan(parent, span), () => this.applyWithRetries(message, messageId, batch));
    } finally {
      span.end();
    }
  }

  private async applyWithRetries(message: IncomingMessage, messageId: string, batch: BatchContext): Promise<'done' | 'interrupted'> {
    let ownFailures = 0;
    let infrastructureFailures = 0;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.db.transaction(async (tx) => {
          const inserted = await tx.query(
            `INSERT INTO inbox (consumer_group, message_id, topic, partition, "offset", processed_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
            [this.options.groupId, messageId, message.topic, message.partition, message.offset, this.options.clock.now()],
          );
          if (inserted.rowCount === 0) return 'duplicate' as const;
          await this.options.handler({ tx, message, messageId, eventType: message.headers.ce_type });
          return 'applied' as const;
        });
        this.options.onOutcome?.(outcome, message);
        return 'done';
      } catch (error) {
        this.options.onError?.(error, message, attempt);
        trace.getActiveSpan()?.recordException(error as Error);
        if (isTransientInfrastructureError(error)) {
          infrastructureFailures += 1;
          if (!batch.isRunning()) return 'interrupted';
          this.options.onOutcome?.('waited', message);
          // The partition waits: this message and everything behind it.
          this.options.onLag?.(message.topic, message.partition, batch.lagAfter(message) + 1);
          await delay(this.transientBackoff(infrastructureFailures));
          await batch.heartbeat().catch(() => undefined);
          continue;
        }
        ownFailures += 1;
        const retryable = (error as { retryable?: boolean }).retryable !== false;
        if (!retryable || ownFailures >= this.maxAttempts) return this.deadLetter(message, messageId, error, ownFailures, batch);
        this.options.onOutcome?.('retried', message);
        await delay(this.backoff(ownFailures));
      }
    }
  }

  private backoff(attempt: number): number {
    return this.options.backoffMs ? this.options.backoffMs(attempt) : Math.min(2_000, 50 * 2 ** (attempt - 1));
  }

  private transientBackoff(attempt: number): number {
    return this.options.transientBackoffMs ? this.options.transientBackoffMs(attempt) : Math.min(5_000, 100 * 2 ** (attempt - 1));
  }

  private async deadLetter(
    message: IncomingMessage,
    messageId: string,
    error: unknown,
    attempts: number,
    batch: BatchContext,
  ): Promise<'done' | 'interrupted'> {
    trace.getActiveSpan()?.setStatus({ code: SpanStatusCode.ERROR, message: 'dead-lettered' });
    for (let failures = 1; ; failures += 1) {
      try {
        await this.dlqProducer!.send([
          {
            topic: this.deadLetterTopic,
            key: message.key ?? `${message.topic}:${message.partition}`,
            value: message.value,
            headers: deadLetterHeaders(message, error, attempts, this.options.groupId, this.options.clock.now()),
          },
        ]);
        this.options.onOutcome?.('dead_lettered', message);
        return 'done';
      } catch (dlqError) {
        if (isRefusedForGood(dlqError) || failures >= DEAD_LETTER_ATTEMPTS) {
          await this.park(message, messageId, error, dlqError);
          return 'done';
        }
        if (!batch.isRunning()) return 'interrupted';
        await delay(this.transientBackoff(failures));
        await batch.heartbeat().catch(() => undefined);
      }
    }
  }

  private async park(message: IncomingMessage, messageId: string, handlerError: unknown, deadLetterError: unknown): Promise<void> {
    await this.db.query(
      `INSERT INTO inbox_parked (consumer_group, message_id, topic, partition, "offset", message_key, payload, headers, handler_error, dead_letter_error, parked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
      [
        this.options.groupId,
        messageId,
        message.topic,
        message.partition,
        message.offset,
        message.key,
        message.value,
        JSON.stringify(message.headers),
        errorText(handlerError),
        `${kafkaErrorType(deadLetterError)}: ${errorText(deadLetterError)}`,
        this.options.clock.now(),
      ],
    );
    this.options.onOutcome?.('parked', message);
    this.options.onParked?.(message, handlerError, deadLetterError);
  }
}

/** Attempts to write a dead letter before the message is parked in the database instead (about 3 s with the default backoff). */
const DEAD_LETTER_ATTEMPTS = 5;

function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 2_000);
}
