import type { PoolClient } from 'pg';
import { context, propagation, ROOT_CONTEXT, Span, SpanKind, trace } from '@opentelemetry/api';
import type { Database } from '@dw/event-store';
import type { MessageProducer, OutgoingMessage } from '../port/message-bus.port';

export interface OutboxRelayOptions {
  /** Rows claimed and published per transaction. */
  batchSize?: number;
  /** Fallback poll when no NOTIFY arrives (lost notification, listener reconnecting). */
  pollIntervalMs?: number;
  /** How often a standby relay tries to become the leader. */
  leaderRetryMs?: number;
  onPublished?: (count: number) => void;
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
 * - One leader per schema (a session advisory lock on the listening connection): with two
 *   relays publishing disjoint batches, one aggregate's messages could overtake each other.
 *   A killed leader's lock is released by PostgreSQL when its connection drops.
 * - Claims with FOR UPDATE SKIP LOCKED, publishes, waits for the broker's ack, then deletes
 *   the rows and commits. A crash between ack and commit republishes: consumers dedupe by
 *   message id in their inbox.
 * - Woken by LISTEN/NOTIFY (the EventStore notifies `outbox_<schema>` after a commit that wrote
 *   outbox rows), with a polling fallback.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly leaderRetryMs: number;
  private listener: PoolClient | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pendingWake = false;

  constructor(
    private readonly db: Database,
    private readonly producer: MessageProducer,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leaderRetryMs = options.leaderRetryMs ?? 2_000;
  }

  get channel(): string {
    return `outbox_${this.db.schema}`;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.producer.connect();
    this.loop = this.run();
  }

  /** Stops after the batch in hand is published and committed (graceful shutdown). */
  async drain(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.notify();
    await this.loop;
    await this.releaseListener();
    await this.producer.disconnect();
  }

  /** Publishes everything currently in the outbox; returns how many rows were published. */
  async publishPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < this.batchSize) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.ensureLeadership())) {
          await this.idle(this.leaderRetryMs);
          continue;
        }
        this.pendingWake = false;
        await this.publishPending();
        await this.reportBacklog();
        if (!this.pendingWake) await this.idle(this.pollIntervalMs);
      } catch (error) {
        this.options.onError?.(error);
        await this.releaseListener();
        await this.idle(Math.min(this.pollIntervalMs, 1_000));
      }
    }
  }

  private async ensureLeadership(): Promise<boolean> {
    if (this.listener) return true;
    const client = await this.db.dedicatedClient();
    try {
      const { rows } = await client.query<{ leader: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS leader`, [`outbox-relay:${this.db.schema}`]);
      if (!rows[0]!.leader) {
        client.release();
        return false;
      }
      client.on('notification', () => this.notify());
      client.on('error', (error) => {
        this.options.onError?.(error);
        void this.releaseListener();
      });
      await client.query(`LISTEN ${this.channel}`);
      this.listener = client;
      return true;
    } catch (error) {
      client.release(true);
      throw error;
    }
  }

  private async releaseListener(): Promise<void> {
    const client = this.listener;
    this.listener = null;
    if (!client) return;
    client.removeAllListeners('notification');
    // Destroying the connection drops the session advisory lock and the LISTEN with it.
    client.release(true);
  }

  private async publishBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<OutboxRow>(
        `SELECT id, message_id, topic, message_key, payload, headers FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const traced = rows.map(toPublishedMessage);
      try {
        await this.producer.send(traced.map((t) => t.message));
      } finally {
        for (const t of traced) t.span.end();
      }
      await tx.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      this.options.onPublished?.(rows.length);
      return rows.length;
    });
  }

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

/**
 * The relay's producer span continues the trace of the request that appended the event
 * (its traceparent was stored in the outbox headers) and hands its own context on in the
 * Kafka headers, so the consumer's span is a child of it.
 */
function toPublishedMessage(row: OutboxRow): { message: OutgoingMessage; span: Span } {
  const parent = propagation.extract(ROOT_CONTEXT, row.headers);
  const span = tracer.startSpan(`publish ${row.topic}`, { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': row.topic, 'messaging.message.id': row.message_id } }, parent);
  const headers: Record<string, string> = { ...row.headers };
  propagation.inject(trace.setSpan(context.active(), span), headers);
  return { message: { topic: row.topic, key: row.message_key, value: row.payload, headers }, span };
}
