import { Admin, ConfigResourceTypes, Consumer, IHeaders, Kafka, KafkaMessage, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { setTimeout as delay } from 'node:timers/promises';

/** DescribeConfigs' source of a value set on the topic itself (DYNAMIC_TOPIC_CONFIG). */
const TOPIC_CONFIG_SOURCE = 1;
import type {
  BatchContext,
  ConsumerOptions,
  IncomingMessage,
  MessageBus,
  MessageConsumer,
  MessageProducer,
  OutgoingMessage,
  TopicAdmin,
  TopicSpec,
} from '../port/message-bus.port';

export interface KafkaJsBusOptions {
  clientId: string;
  brokers: readonly string[];
  /** Where kafkajs's own log lines go (warn and error only). */
  log?: (level: 'warn' | 'error', message: string, extra: Record<string, unknown>) => void;
}

/** The kafkajs adapter behind the MessageBus port. */
export class KafkaJsMessageBus implements MessageBus {
  private readonly kafka: Kafka;

  constructor(options: KafkaJsBusOptions) {
    const log = options.log ?? ((level, message, extra) => process.stderr.write(`${JSON.stringify({ level, logger: 'kafkajs', message, ...extra })}\n`));
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => {
        const { message, ...extra } = entry.log;
        // Coordinator-loading and leader-election notices at start-up are retried by kafkajs itself.
        if (entry.level === logLevel.ERROR || entry.level === logLevel.WARN) {
          log(entry.level === logLevel.ERROR ? 'error' : 'warn', message, { namespace: entry.namespace, ...extra });
        }
      },
      retry: { initialRetryTime: 100, retries: 8 },
    });
  }

  producer(): MessageProducer {
    return new KafkaJsProducer(
      this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // The idempotent producer keeps its ordering guarantee only if it never gives up on a
        // batch by itself; the relay stops it by disconnecting on drain.
        retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 5_000 },
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
      }),
    );
  }

  /**
   * A transactional producer (transactional.id = `fencingId`): connecting it bumps the id's
   * epoch at the transaction coordinator, which aborts a predecessor's open transaction and
   * refuses its later sends and commits (PRODUCER_FENCED / INVALID_PRODUCER_EPOCH). Consumers
   * read committed (kafkajs's default), so an aborted send is never seen.
   */
  fencedProducer(fencingId: string): MessageProducer {
    return new KafkaJsTransactionalProducer(
      this.kafka.producer({
        transactionalId: fencingId,
        idempotent: true,
        maxInFlightRequests: 1,
        // Bounded: a fenced producer must fail, not retry; the relay retries the whole batch.
        retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
      }),
    );
  }

  consumer(options: ConsumerOptions): MessageConsumer {
    return new KafkaJsConsumer(
      this.kafka.consumer({
        groupId: options.groupId,
        allowAutoTopicCreation: false,
        // A member that vanished (a crashed process, a consumer restarted after a broker outage)
        // holds up the group's next rebalance until its session expires: 6 s (the broker's
        // group.min.session.timeout.ms), not 30 s. Handlers heartbeat between messages and while
        // they wait out a failure, so a live member keeps it.
        sessionTimeout: 6_000,
        heartbeatInterval: 1_000,
        // After an outage kafkajs restarts a crashed consumer after its last retry's delay: capped
        // at 2 s (the client's default goes up to 30 s), it resumes within seconds of the broker.
        retry: { initialRetryTime: 200, maxRetryTime: 2_000, retries: 10 },
      }),
      options,
    );
  }

  async admin(): Promise<TopicAdmin> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
    } catch (error) {
      // A failed connect leaves kafkajs's client and its retry timers behind unless disconnected.
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
    return new KafkaJsTopicAdmin(admin);
  }
}

class KafkaJsProducer implements MessageProducer {
  constructor(private readonly producer: Producer) {}

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.sendBatch({ acks: -1, topicMessages: topicMessagesOf(messages) });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}

function topicMessagesOf(messages: readonly OutgoingMessage[]) {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (const message of messages) {
    const list = byTopic.get(message.topic) ?? [];
    list.push(message);
    byTopic.set(message.topic, list);
  }
  return [...byTopic.entries()].map(([topic, list]) => ({
    topic,
    messages: list.map((m) => ({ key: m.key, value: Buffer.from(m.value), headers: m.headers })),
  }));
}

class KafkaJsTransactionalProducer implements MessageProducer {
  constructor(private readonly producer: Producer) {}

  /**
   * kafkajs asks for the producer id (and so fences predecessors) only at its first
   * transaction; beginning and aborting an empty one here makes connecting the fence.
   */
  async connect(): Promise<void> {
    await this.producer.connect();
    const transaction = await this.producer.transaction();
    await transaction.abort();
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const transaction = await this.producer.transaction();
    try {
      await transaction.sendBatch({ acks: -1, topicMessages: topicMessagesOf(messages) });
      await transaction.commit();
    } catch (error) {
      // Fenced or failed: nothing of this send becomes visible to read-committed consumers.
      await transaction.abort().catch(() => undefined);
      throw error;
    }
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}

function toIncoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value ?? Buffer.alloc(0),
    headers: headersToStrings(message.headers),
    timestamp: message.timestamp,
  };
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

class KafkaJsConsumer implements MessageConsumer {
  private stopped = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private onBatch: ((messages: readonly IncomingMessage[], context: BatchContext) => Promise<void>) | null = null;

  constructor(
    private readonly consumer: Consumer,
    private readonly options: ConsumerOptions,
  ) {
    // kafkajs restarts a crashed consumer only when it judges the error retriable; a broker
    // outage can end in one it does not (a refused connection wrapped as non-retriable), after
    // which the service would consume nothing until restarted. Such a crash is restarted here.
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopped) return;
      this.restartTimer = setTimeout(() => void this.restart(), 1_000);
    });
  }

  async run(onBatch: (messages: readonly IncomingMessage[], context: BatchContext) => Promise<void>): Promise<void> {
    this.onBatch = onBatch;
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
        const messages = batch.messages.map((m) => toIncoming(batch.topic, batch.partition, m));
        const highWatermark = BigInt(batch.highWatermark);
        await onBatch(messages, {
          // Per message, right after the consumer's database commit: a restart redelivers at
          // most the message in hand (the inbox skips it), not the rest of a batch.
          commit: async (message) => {
            resolveOffset(message.offset);
            const next = (BigInt(message.offset) + 1n).toString();
            await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }] });
          },
          heartbeat,
          isRunning: () => isRunning() && !isStale(),
          lagAfter: (message) => Number(highWatermark - BigInt(message.offset) - 1n),
        });
      },
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.consumer.stop();
    await this.consumer.disconnect();
  }

  /** Runs the consumer again after a crash kafkajs gave up on; tries again until it runs or is stopped. */
  private async restart(): Promise<void> {
    if (this.stopped || !this.onBatch) return;
    try {
      await this.consumer.disconnect().catch(() => undefined);
      await this.run(this.onBatch);
    } catch {
      if (!this.stopped) this.restartTimer = setTimeout(() => void this.restart(), 2_000);
    }
  }
}

class KafkaJsTopicAdmin implements TopicAdmin {
  constructor(private readonly admin: Admin) {}

  /**
   * Services provision in parallel against one cluster: a topic another provisioner has just
   * created is listed before every broker serves its metadata, and the describe or alter of it
   * fails with UNKNOWN_TOPIC_OR_PARTITION for a moment. That answer is retried, a few times with
   * a growing pause; anything else fails provisioning at once.
   */
  async ensureTopics(specs: readonly TopicSpec[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ensureTopicsOnce(specs);
      } catch (error) {
        if (attempt >= TOPIC_METADATA_ATTEMPTS || !isTopicMetadataLag(error)) throw error;
        await delay(250 * attempt);
      }
    }
  }

  private async ensureTopicsOnce(specs: readonly TopicSpec[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.name));
    if (missing.length > 0) {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: s.replicationFactor ?? 1,
          configEntries: topicConfig(s),
        })),
      });
    }
    const present = specs.filter((s) => existing.has(s.name));
    if (present.length === 0) return;
    const metadata = await this.admin.fetchTopicMetadata({ topics: present.map((s) => s.name) });
    const grow = present.filter((s) => {
      const current = metadata.topics.find((t) => t.name === s.name)?.partitions.length ?? 0;
      return current < s.partitions;
    });
    if (grow.length > 0) await this.admin.createPartitions({ topicPartitions: grow.map((s) => ({ topic: s.name, count: s.partitions })) });
    // AlterConfigs replaces a topic's whole dynamic config: keep what operators set on it
    // (anything not ours), so provisioning only ever changes the entries it owns.
    const described = await this.admin.describeConfigs({
      includeSynonyms: false,
      resources: present.map((s) => ({ type: ConfigResourceTypes.TOPIC, name: s.name })),
    });
    await this.admin.alterConfigs({
      validateOnly: false,
      resources: present.map((s) => {
        const current = described.resources.find((r) => r.resourceName === s.name)?.configEntries ?? [];
        const ours = topicConfig(s);
        const theirs = current
          .filter((entry) => entry.configSource === TOPIC_CONFIG_SOURCE && !entry.isDefault && !entry.isSensitive)
          .filter((entry) => !ours.some((own) => own.name === entry.configName))
          .map((entry) => ({ name: entry.configName, value: entry.configValue }));
        return { type: ConfigResourceTypes.TOPIC, name: s.name, configEntries: [...theirs, ...ours] };
      }),
    });
  }

  listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  async deleteTopics(names: readonly string[]): Promise<void> {
    if (names.length > 0) await this.admin.deleteTopics({ topics: [...names] });
  }

  async ping(): Promise<void> {
    await this.admin.describeCluster();
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }
}

const TOPIC_METADATA_ATTEMPTS = 8;

function isTopicMetadataLag(error: unknown): boolean {
  const type = (error as { type?: string }).type;
  const nested = (error as { errors?: unknown[] }).errors ?? [];
  return type === 'UNKNOWN_TOPIC_OR_PARTITION' || type === 'LEADER_NOT_AVAILABLE' || nested.some(isTopicMetadataLag);
}

function topicConfig(spec: TopicSpec): Array<{ name: string; value: string }> {
  const entries: Array<{ name: string; value: string }> = [{ name: 'cleanup.policy', value: spec.cleanupPolicy ?? 'delete' }];
  if (spec.retentionMs !== undefined) entries.push({ name: 'retention.ms', value: String(spec.retentionMs) });
  return entries;
}
