import type { PoolClient } from 'pg';
import { setTimeout as delay } from 'node:timers/promises';
import { context, propagation, ROOT_CONTEXT, Span, SpanKind, trace } from '@opentelemetry/api';
import type { Database } from '@dw/event-store';
import type { MessageBus, MessageProducer, OutgoingMessage } from '../port/message-bus.port';
import { isRefusedForGood, kafkaErrorType } from '../port/kafka-refusals';

export interface OutboxRelayOptions {
  /** Most rows published per send. */
  batchSize?: number;
  /** Most payload bytes per send (below the broker's message.max.bytes with headroom); one larger row goes alone. */
  batchBytes?: number;
  /** How long `drain` waits for the send in hand before it cuts the producer off. */
  drainTimeoutMs?: number;
  /** How often the backlog is read for `onBacklog`, whatever the sends are doing. */
  backlogIntervalMs?: number;
  /** Fallback poll when no NOTIFY arrives (lost notification, listener reconnecting). */
  pollIntervalMs?: number;
  /** How often a standby relay tries to become the leader. */
  leaderRetryMs?: number;
  onPublished?: (count: number) => void;
  /** A row the broker refused for good was moved to outbox_parked: alarm on it. */
  onParked?: (row: { messageId: string; topic: string; key: string }, error: unknown) => void;
  onBacklog?: (pending: number, oldestAgeSeconds: number) => void;
  onError?: (error: unknown) => void;
}

interface OutboxRow {
  id: string;
  message_id: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

const tracer = trace.getTracer('dw-outbox-relay');

/**
 * Publishes a service's outbox to Kafka, at least once, in outbox order.
 *
 * - One leader per schema (a session advisory lock on the listening connection, with TCP
 *   keepalive so a dead peer is noticed): with two relays publishing disjoint batches, one
 *   aggregate's messages could overtake each other. A killed leader's lock is released by
 *   PostgreSQL when its connection drops.
 * - Leadership is fenced at Kafka: the leader publishes through a fenced producer
 *   (MessageBus.fencedProducer, one id per schema) that it connects only once it holds the
 *   lock. A successor's connect aborts whatever a deposed leader still had in flight and
 *   refuses its later sends, so a leader that lost its lock without noticing (its listening
 *   connection killed, a network partition) can no longer commit a publish.
 * - No database transaction is open while Kafka is called: rows are read with a plain SELECT
 *   (only the leader reads), sent, and deleted after the broker's commit. A transaction held
 *   across a send would pin the cluster-wide commit horizon (pg_snapshot_xmin) that every
 *   whole-log reader waits below, freezing every read model while Kafka is slow or down. A
 *   crash between the send and the delete republishes: consumers dedupe by message id.
 * - Woken by LISTEN/NOTIFY (the EventStore notifies `outbox_<schema>` after a commit that wrote
 *   outbox rows), with a polling fallback.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly batchBytes: number;
  private readonly pollIntervalMs: number;
  private readonly leaderRetryMs: number;
  /** This leadership term's producer (connected, so fencing every earlier one); null when not leading. */
  private producer: MessageProducer | null = null;
  private listener: PoolClient | null = null;
  private backlogTimer: NodeJS.Timeout | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pendingWake = false;

  constructor(
    private readonly db: Database,
    private readonly bus: Pick<MessageBus, 'fencedProducer'>,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.batchBytes = options.batchBytes ?? 768 * 1024;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leaderRetryMs = options.leaderRetryMs ?? 2_000;
  }

  get channel(): string {
    return `outbox_${this.db.schema}`;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    // On its own timer: a send that hangs (broker down) must not freeze the gauge at its last value.
    if (this.options.onBacklog) {
      this.backlogTimer = setInterval(() => void this.reportBacklog().catch(() => undefined), this.options.backlogIntervalMs ?? 1_000);
      this.backlogTimer.unref();
    }
  }

  /**
   * Stops after the send in hand, waiting at most drainTimeoutMs for it (graceful shutdown);
   * past that the producer is cut off and the send abandoned, so a Kafka outage cannot hold a
   * shutdown. What was not deleted is published by the next leader.
   */
  async drain(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.backlogTimer) clearInterval(this.backlogTimer);
    this.backlogTimer = null;
    this.notify();
    const budgetMs = this.options.drainTimeoutMs ?? 10_000;
    // The last part of the budget is kept for stepping down (the producer's disconnect).
    const stepDownMs = Math.min(1_000, budgetMs / 4);
    await Promise.race([this.loop, delay(budgetMs - stepDownMs, undefined, { ref: false })]);
    // Past the budget the send in hand is abandoned: the producer goes, and with the lock released
    // the next leader republishes whatever it had not deleted.
    await this.stepDown(stepDownMs);
  }

  /**
   * Publishes everything currently in the outbox; returns how many rows were published. The
   * running relay calls it as leader; a tool or benchmark that runs one relay alone may call it
   * directly, which connects (and so fences) the producer first.
   */
  async publishPending(): Promise<number> {
    if (!this.producer) await this.connectProducer();
    let total = 0;
    for (;;) {
      const { published, more } = await this.publishBatch();
      total += published;
      if (!more) return total;
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (!(await this.ensureLeadership())) {
          await this.idle(this.leaderRetryMs);
          continue;
        }
        this.pendingWake = false;
        await this.publishPending();
        failures = 0;
        await this.reportBacklog();
        if (!this.pendingWake) await this.idle(this.pollIntervalMs);
      } catch (error) {
        this.options.onError?.(error);
        failures += 1;
        // Kafka down or slow: keep the lead and back off; the backlog timer keeps the gauges true.
        // Fenced (a successor connected) or the lock's connection gone: step down.
        // A producer that keeps failing is replaced, and the lead offered to another replica.
        if (isFenced(error) || !this.listener || failures >= STEP_DOWN_AFTER_FAILURES) {
          await this.stepDown();
          failures = 0;
        }
        await this.idle(Math.min(this.pollIntervalMs * 2 ** Math.min(failures - 1, 4), 5_000));
      }
    }
  }

  private async ensureLeadership(): Promise<boolean> {
    if (this.listener) return true;
    const client = await this.db.dedicatedClient();
    // From checkout on: an unheard 'error' on a checked-out client would end the process.
    const onError = (error: Error) => {
      this.options.onError?.(error);
      if (this.listener === client) void this.stepDown();
    };
    client.on('error', onError);
    try {
      const { rows } = await client.query<{ leader: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS leader`, [`outbox-relay:${this.db.schema}`]);
      if (!rows[0]!.leader) {
        client.off('error', onError);
        client.release();
        return false;
      }
      client.on('notification', () => this.notify());
      await client.query(`LISTEN ${this.channel}`);
      this.listener = client;
    } catch (error) {
      client.release(true);
      throw error;
    }
    // Only now, holding the lock: connecting fences every earlier leader's producer. A connect
    // that fails or hangs (a broker down, a fencing race) gives the lead up rather than holding
    // the lock while publishing nothing.
    try {
      await this.connectProducer();
    } catch (error) {
      await this.stepDown();
      throw error;
    }
    return true;
  }

  /** A new producer for each term: one still disconnecting from the last term is never reused. */
  private async connectProducer(): Promise<void> {
    const producer = this.bus.fencedProducer(`outbox-relay.${this.db.schema}`);
    this.producer = producer;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the producer did not connect within ${PRODUCER_CONNECT_TIMEOUT_MS} ms`)), PRODUCER_CONNECT_TIMEOUT_MS);
    });
    const connecting = producer.connect();
    try {
      await Promise.race([connecting, timedOut]);
    } catch (error) {
      // A connect that completes after we gave up on it must not leave a producer behind.
      void connecting.then(
        () => producer.disconnect().catch(() => undefined),
        () => undefined,
      );
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Gives up the lead: the lock's connection and the fenced producer both go. */
  private async stepDown(disconnectWithinMs = 2_000): Promise<void> {
    const client = this.listener;
    this.listener = null;
    if (client) {
      client.removeAllListeners('notification');
      // Destroying the connection drops the session advisory lock and the LISTEN with it.
      client.release(true);
    }
    const producer = this.producer;
    this.producer = null;
    if (producer) {
      // Bounded: against a hung broker a disconnect can wait on requests that never answer.
      const disconnected = producer.disconnect().catch((error: unknown) => this.options.onError?.(error));
      await Promise.race([disconnected, delay(disconnectWithinMs, undefined, { ref: false })]);
    }
  }

  private async publishBatch(): Promise<{ published: number; more: boolean }> {
    // A plain read, outside any transaction: nothing pins the commit horizon during the send.
    const { rows } = await this.db.query<OutboxRow>(`SELECT id, message_id, topic, message_key, payload, headers FROM outbox ORDER BY id LIMIT $1`, [
      this.batchSize,
    ]);
    const batch = withinBytes(rows, this.batchBytes);
    if (batch.length === 0) return { published: 0, more: false };
    try {
      await this.send(batch);
    } catch (error) {
      if (!isRefusedForGood(error)) throw error;
      // Some row of the batch can never be published: find it, park it, publish the others.
      for (const row of batch) await this.sendOrPark(row);
      return { published: batch.length, more: true };
    }
    // A full page, or one cut short by bytes, may have more behind it.
    return { published: batch.length, more: rows.length === this.batchSize || batch.length < rows.length };
  }

  /** One Kafka transaction for the rows, then their delete. */
  private async send(rows: readonly OutboxRow[]): Promise<void> {
    const traced = rows.map(toPublishedMessage);
    try {
      await this.producer!.send(traced.map((t) => t.message));
    } finally {
      for (const t of traced) t.span.end();
    }
    // Published (committed at Kafka) from here on; a crash before the delete republishes.
    this.options.onPublished?.(rows.length);
    await this.db.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
  }

  private async sendOrPark(row: OutboxRow): Promise<void> {
    try {
      await this.send([row]);
    } catch (error) {
      if (!isRefusedForGood(error)) throw error;
      await this.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO outbox_parked (id, message_id, topic, message_key, payload, headers, created_at, parked_at, error_type, error_message)
           SELECT id, message_id, topic, message_key, payload, headers, created_at, now(), $2, $3 FROM outbox WHERE id = $1`,
          [row.id, kafkaErrorType(error), String((error as Error)?.message ?? error).slice(0, 2_000)],
        );
        await tx.query(`DELETE FROM outbox WHERE id = $1`, [row.id]);
      });
      this.options.onParked?.({ messageId: row.message_id, topic: row.topic, key: row.message_key }, error);
    }
  }

  /** The outbox as it is (not the last send's view), so an outage shows as a growing backlog; also right after each drain of it. */
  private async reportBacklog(): Promise<void> {
    if (!this.options.onBacklog) return;
    const { rows } = await this.db.query<{ pending: number; oldest_age: number | null }>(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::float8 AS oldest_age FROM outbox`,
    );
    this.options.onBacklog(rows[0]!.pending, Math.max(0, rows[0]!.oldest_age ?? 0));
  }

  private notify(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  private idle(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}

/** The longest prefix of `rows` within `budget` payload bytes; at least one row, so a large one still goes. */
function withinBytes(rows: readonly OutboxRow[], budget: number): OutboxRow[] {
  let bytes = 0;
  const batch: OutboxRow[] = [];
  for (const row of rows) {
    bytes += row.payload.length;
    if (batch.length > 0 && bytes > budget) break;
    batch.push(row);
  }
  return batch;
}

/** Failures in a row (not a fencing) after which the leader replaces its producer and offers the lead. */
const STEP_DOWN_AFTER_FAILURES = 5;
/** Longer than a broker's leader election; a connect that takes longer is treated as failed. */
const PRODUCER_CONNECT_TIMEOUT_MS = 15_000;

/**
 * Kafka's answers that the producer itself is no longer usable: a newer producer took its
 * transactional id over (fenced), or the broker forgot or rejects its producer state. The
 * relay steps down; it reconnects (and fences in turn) only if it wins the lock again.
 */
function isFenced(error: unknown): boolean {
  return PRODUCER_STATE_ERRORS.has(kafkaErrorType(error));
}
const PRODUCER_STATE_ERRORS = new Set(['INVALID_PRODUCER_EPOCH', 'PRODUCER_FENCED', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_ID_MAPPING', 'INVALID_TXN_STATE']);

/**
 * The relay's producer span continues the trace of the request that appended the event
 * (its traceparent was stored in the outbox headers) and hands its own context on in the
 * Kafka headers, so the consumer's span is a child of it.
 */
function toPublishedMessage(row: OutboxRow): { message: OutgoingMessage; span: Span } {
  const parent = propagation.extract(ROOT_CONTEXT, row.headers);
  const span = tracer.startSpan(
    `publish ${row.topic}`,
    { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': row.topic, 'messaging.message.id': row.message_id } },
    parent,
  );
  const headers: Record<string, string> = { ...row.headers };
  propagation.inject(trace.setSpan(context.active(), span), headers);
  return { message: { topic: row.topic, key: row.message_key, value: row.payload, headers }, span };
}
