import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { deleteTestTopics, kafkaBrokers, testMessageBus, uniqueName } from '@dw/testing';

/**
 * Provisioning runs at every deploy. It must change the topic settings it owns and nothing else:
 * Kafka's AlterConfigs replaces a topic's whole dynamic config, so before the fix a deploy wiped
 * whatever an operator had set on a topic by hand (here max.message.bytes).
 */
describe('TopicAdmin.ensureTopics on real Kafka', () => {
  const bus = testMessageBus();
  const topic = uniqueName('configs');
  // Verification reads the broker's view directly: the port has no describe, services need none.
  const raw = new Kafka({ clientId: uniqueName('describe'), brokers: kafkaBrokers(), logLevel: logLevel.ERROR }).admin();

  beforeAll(() => raw.connect());
  afterAll(async () => {
    await deleteTestTopics(bus, [topic]);
    await raw.disconnect();
  });

  const topicConfigs = async () => {
    const { resources } = await raw.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
    return Object.fromEntries(resources[0]!.configEntries.map((entry) => [entry.configName, entry.configValue]));
  };

  it('keeps an operator-set config when it provisions the topic again, and updates its own', async () => {
    const admin = await bus.admin();
    try {
      await admin.ensureTopics([{ name: topic, partitions: 2, retentionMs: 86_400_000 }]);
      // An operator raises the message size limit on this topic (with the tool's full set, as AlterConfigs needs).
      await raw.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: topic,
            configEntries: [
              { name: 'retention.ms', value: '86400000' },
              { name: 'max.message.bytes', value: '2097152' },
            ],
          },
        ],
      });
      await admin.ensureTopics([{ name: topic, partitions: 2, retentionMs: 172_800_000 }]);
      expect(await topicConfigs()).toMatchObject({ 'retention.ms': '172800000', 'max.message.bytes': '2097152' });
    } finally {
      await admin.disconnect();
    }
  });
});
