import { caught } from './caught.spec-helper';
import { EventRegistry } from './event-registry';
import { InvalidTopicError } from './contract-errors';
import { allEventSchemas, topicCatalogue } from './topic-catalogue';
import { deadLetterTopicName, deadLetterTopicSpec, defineTopic, platformProbeTopic, topicName, type TopicSpec } from './topics';

const validSpec: TopicSpec = {
  name: 'receipt.receipt.v1',
  partitions: 12,
  retentionMs: -1,
  cleanupPolicy: 'delete',
  description: 'Receipt lifecycle events.',
  ownerService: 'receipt',
  eventTypes: ['dw.receipt.v1.ReceiptIssued'],
};

describe('topic naming', () => {
  it('uses the bare name when there is no prefix', () => {
    expect(topicName(platformProbeTopic)).toBe('platform.probe.v1');
    expect(topicName(platformProbeTopic, '')).toBe('platform.probe.v1');
  });

  it.each([
    ['staging', 'staging.platform.probe.v1'],
    ['t7f3a9c', 't7f3a9c.platform.probe.v1'],
    ['ci.run-42', 'ci.run-42.platform.probe.v1'],
    ['dev_alice', 'dev_alice.platform.probe.v1'],
  ])('joins prefix %s with a dot', (prefix, expected) => {
    expect(topicName(platformProbeTopic, prefix)).toBe(expected);
  });

  it.each(['has space', '.leading', 'trailing.', 'double..dot', 'slash/x', 'ümlaut', '-dash-first'])('refuses the prefix %j', (prefix) => {
    const error = caught(() => topicName(platformProbeTopic, prefix));

    expect(error).toBeInstanceOf(InvalidTopicError);
    expect(error).toMatchObject({ code: 'CONTRACT_INVALID_TOPIC', field: 'prefix', details: { value: prefix } });
  });

  it('refuses a prefix that makes the name longer than Kafka allows (249 characters)', () => {
    // '.platform.probe.v1' is 1 + 8 + 1 + 5 + 1 + 2 = 18 characters, so 231 + 18 = 249 fits
    // and 232 + 18 = 250 does not.
    expect(topicName(platformProbeTopic, 'p'.repeat(231))).toHaveLength(249);

    const error = caught(() => topicName(platformProbeTopic, 'p'.repeat(232)));
    expect(error).toBeInstanceOf(InvalidTopicError);
    expect(error).toMatchObject({ field: 'prefix' });
    expect((error as Error).message).toContain('250 characters');
  });
});

describe('dead-letter convention', () => {
  it("names the dead-letter topic of consumer group G '<G>.dlq'", () => {
    expect(deadLetterTopicName('billing.receipt-fees')).toBe('billing.receipt-fees.dlq');
  });

  it('describes a dead-letter topic that keeps the consumed records forever, and prefixes like any topic', () => {
    const spec = deadLetterTopicSpec('billing.receipt-fees', 'billing', ['dw.receipt.v1.OutboundEntitlementGranted']);

    expect(spec).toEqual({
      name: 'billing.receipt-fees.dlq',
      partitions: 1,
      retentionMs: -1,
      cleanupPolicy: 'delete',
      description: expect.stringContaining('billing.receipt-fees'),
      ownerService: 'billing',
      eventTypes: ['dw.receipt.v1.OutboundEntitlementGranted'],
    });
    expect(topicName(spec, 'ci.run-42')).toBe('ci.run-42.billing.receipt-fees.dlq');
  });

  it.each(['', 'bad group', 'a/b'])('refuses the consumer group %j', (group) => {
    const error = caught(() => deadLetterTopicName(group));

    expect(error).toBeInstanceOf(InvalidTopicError);
    expect(error).toMatchObject({ code: 'CONTRACT_INVALID_TOPIC', field: 'consumerGroup', details: { value: group } });
  });

  it('refuses a consumer group whose dead-letter topic would pass 249 characters', () => {
    // 245 + '.dlq' (4) = 249 fits; 246 + 4 = 250 does not.
    expect(deadLetterTopicName('g'.repeat(245))).toHaveLength(249);
    expect(() => deadLetterTopicName('g'.repeat(246))).toThrow(InvalidTopicError);
  });
});

describe('defineTopic', () => {
  it('accepts a spec that follows the convention and freezes it', () => {
    const spec = defineTopic(validSpec);

    expect(spec).toEqual(validSpec);
    expect(Object.isFrozen(spec)).toBe(true);
    expect(Object.isFrozen(spec.eventTypes)).toBe(true);
  });

  it.each([
    ['Receipt.receipt.v1', 'upper case'],
    ['receipt.receipt', 'no version'],
    ['receipt.receipt.v0', 'version 0'],
    ['receipt.receipt.1', 'version without v'],
    ['receipt.v1', 'no aggregate'],
    ['receipt.receipt_item.v1', 'underscore instead of kebab'],
  ])('refuses the name %j (%s)', (name) => {
    const error = caught(() => defineTopic({ ...validSpec, name }));

    expect(error).toMatchObject({ code: 'CONTRACT_INVALID_TOPIC', field: 'name', details: { value: name } });
  });

  it('refuses an owner other than the service the name starts with', () => {
    const error = caught(() => defineTopic({ ...validSpec, ownerService: 'billing' }));

    expect(error).toMatchObject({ field: 'ownerService', details: { value: 'billing' } });
  });

  it.each<[keyof TopicSpec, unknown]>([
    ['partitions', 0],
    ['partitions', 1.5],
    ['retentionMs', 0],
    ['retentionMs', -2],
    ['retentionMs', 1.5],
    ['description', '  '],
    ['eventTypes', []],
    ['eventTypes', ['ReceiptIssued']],
    ['eventTypes', ['dw.receipt.v1.receiptIssued']],
  ])('refuses %s = %j', (field, value) => {
    const error = caught(() => defineTopic({ ...validSpec, [field]: value }));

    expect(error).toBeInstanceOf(InvalidTopicError);
    expect(error).toMatchObject({ field });
  });
});

describe('the catalogue', () => {
  it('holds the platform probe topic', () => {
    expect(topicCatalogue).toContain(platformProbeTopic);
    expect(platformProbeTopic).toMatchObject({
      name: 'platform.probe.v1',
      ownerService: 'platform',
      eventTypes: ['dw.platform.v1.PlatformProbeRecorded'],
    });
  });

  it('has unique names, and each event type lives on exactly one topic', () => {
    const names = topicCatalogue.map((t) => t.name);
    const types = topicCatalogue.flatMap((t) => t.eventTypes);

    expect(new Set(names).size).toBe(names.length);
    expect(new Set(types).size).toBe(types.length);
  });

  it('only names event types a registry of every contract can decode', () => {
    const registry = new EventRegistry().register(...allEventSchemas);
    const unregistered = topicCatalogue.flatMap((t) => t.eventTypes).filter((type) => !registry.has(type));

    expect(unregistered).toEqual([]);
  });
});
