import { createTestTopics, deleteTestTopics, testMessageBus, TopicRecorder, uniqueName, waitFor } from '@dw/testing';
import type { OutgoingMessage } from '../port/message-bus.port';

/**
 * The fencing the outbox relay's leadership rests on, against the real broker: once a producer
 * with the same fencing id connects, an older one can no longer publish, and consumers (which
 * read committed) never see what it tried to send.
 */
describe('MessageBus.fencedProducer on real Kafka', () => {
  const bus = testMessageBus();
  const topic = uniqueName('fenced');
  const message = (key: string): OutgoingMessage => ({ topic, key, value: Buffer.from(key), headers: { ce_id: key } });

  beforeAll(() => createTestTopics(bus, [topic], 2));
  afterAll(() => deleteTestTopics(bus, [topic]));

  it('refuses the sends of a producer whose successor has connected; only the successor’s messages are read', async () => {
    const fencingId = uniqueName('relay');
    const recorder = await new TopicRecorder(bus, [topic]).start();
    const deposed = bus.fencedProducer(fencingId);
    const successor = bus.fencedProducer(fencingId);
    try {
      await deposed.connect();
      await deposed.send([message('before-1'), message('before-2')]);
      await successor.connect();
      await expect(deposed.send([message('zombie-1')])).rejects.toThrow();
      await successor.send([message('after-1')]);
      await waitFor(() => recorder.messages.some((m) => m.key === 'after-1'), { describe: 'the successor’s message' });
      // The successor's message is the last on its partition, so a zombie record before it would have been read by now.
      expect(recorder.messages.map((m) => m.key).sort()).toEqual(['after-1', 'before-1', 'before-2']);
    } finally {
      await Promise.all([deposed.disconnect().catch(() => undefined), successor.disconnect(), recorder.stop()]);
    }
  });

  it('makes a send all or nothing: a batch is read whole', async () => {
    const recorder = await new TopicRecorder(bus, [topic]).start();
    const producer = bus.fencedProducer(uniqueName('relay'));
    try {
      await producer.connect();
      const keys = Array.from({ length: 50 }, (_, i) => `batch-${i}`);
      await producer.send(keys.map(message));
      await waitFor(() => keys.every((key) => recorder.messages.some((m) => m.key === key)), { describe: 'the whole batch' });
      expect(recorder.messages.filter((m) => m.key?.startsWith('batch-'))).toHaveLength(50);
    } finally {
      await Promise.all([producer.disconnect(), recorder.stop()]);
    }
  });
});
