/**
 * The project's own messaging port. Services and the relay/inbox talk to this, never to
 * kafkajs: kafkajs is no longer actively maintained, so the client must be replaceable
 * without touching services (README.md, "How it holds together").
 */
export interface OutgoingMessage {
  topic: string;
  /** Partition key: the aggregate id, so one aggregate's messages stay in order. */
  key: string;
  value: Uint8Array;
  headers: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
  timestamp: string;
}

export interface MessageProducer {
  connect(): Promise<void>;
  /** Resolves once the broker acknowledged every message (acks=all, idempotent). */
  send(messages: readonly OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface BatchContext {
  /** Marks a message as done so its offset is committed. */
  commit(message: IncomingMessage): Promise<void>;
  /** Keeps the group membership alive during long batches. */
  heartbeat(): Promise<void>;
  /** False once a rebalance or stop makes the rest of the batch stale. */
  isRunning(): boolean;
  /** Messages between this batch's end and the partition's high watermark. */
  lagAfter(message: IncomingMessage): number;
}

export interface ConsumerOptions {
  groupId: string;
  topics: readonly string[];
  fromBeginning?: boolean;
  /** Partitions processed in parallel by this member (each partition stays sequential). */
  partitionsConsumedConcurrently?: number;
}

export interface MessageConsumer {
  /** Starts consuming; `onBatch` gets one partition's messages in offset order. */
  run(onBatch: (messages: readonly IncomingMessage[], context: BatchContext) => Promise<void>): Promise<void>;
  /** Finishes the batch in hand, commits, leaves the group. */
  stop(): Promise<void>;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor?: number;
  retentionMs?: number;
  cleanupPolicy?: 'delete' | 'compact';
}

export interface TopicAdmin {
  /** Creates missing topics and grows partitions; never relies on broker auto-create. */
  ensureTopics(specs: readonly TopicSpec[]): Promise<void>;
  listTopics(): Promise<string[]>;
  deleteTopics(names: readonly string[]): Promise<void>;
  /** Resolves when the cluster answers a metadata request: for readiness checks. */
  ping(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface MessageBus {
  producer(): MessageProducer;
  /**
   * A producer whose every `send` is atomic (all of it becomes visible to consumers, or none)
   * and which fences: once another producer with the same `fencingId` connects, this one's
   * sends fail and nothing it had in flight becomes visible. The outbox relay's leader uses
   * one, so a deposed leader cannot publish after its successor has started.
   */
  fencedProducer(fencingId: string): MessageProducer;
  consumer(options: ConsumerOptions): MessageConsumer;
  admin(): Promise<TopicAdmin>;
}
