import { randomBytes } from 'node:crypto';
import { IncomingMessage, KafkaJsMessageBus, MessageBus, MessageConsumer } from '@dw/messaging';
import { kafkaBrokers } from './test-endpoints';

/** A name no other test run uses: topics, groups and schemas are isolated per test. */
export function uniqueName(label: string): string {
  return `t-${label}-${randomBytes(4).toString('hex')}`;
}

export function testMessageBus(clientId = uniqueName('client')): KafkaJsMessageBus {
  return new KafkaJsMessageBus({ clientId, brokers: kafkaBrokers() });
}

export async function createTestTopics(bus: MessageBus, names: readonly string[], partitions = 1): Promise<void> {
  const admin = await bus.admin();
  try {
    await admin.ensureTopics(names.map((name) => ({ name, partitions })));
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTestTopics(bus: MessageBus, names: readonly string[]): Promise<void> {
  const admin = await bus.admin();
  try {
    await admin.deleteTopics(names);
  } finally {
    await admin.disconnect();
  }
}

/** Deletes every topic under a test run's prefix (`<prefix>.…`); one already gone is not an error. */
export async function deleteTopicsUnderPrefix(bus: MessageBus, prefix: string): Promise<void> {
  const admin = await bus.admin();
  try {
    const topics = await admin.listTopics();
    await admin.deleteTopics(topics.filter((topic) => topic.startsWith(`${prefix}.`))).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/** Reads a topic from the beginning with a fresh group, accumulating what arrives. */
export class TopicRecorder {
  readonly messages: IncomingMessage[] = [];
  private consumer: MessageConsumer | null = null;

  constructor(
    private readonly bus: MessageBus,
    private readonly topics: readonly string[],
  ) {}

  async start(): Promise<this> {
    this.consumer = this.bus.consumer({ groupId: uniqueName('recorder'), topics: this.topics, fromBeginning: true });
    await this.consumer.run(async (messages, batch) => {
      for (const message of messages) {
        this.messages.push(message);
        await batch.commit(message);
      }
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }
}
