import { InvalidTopicError } from './contract-errors';

/**
 * The topic catalogue as data. Topics are created by the project from these specs (partitions,
 * retention, cleanup policy), never by broker auto-create; replication is a property of the
 * environment (1 on a developer's broker, 3 in production), so it is the topic creator's
 * configuration, not part of the contract.
 */
export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete';

export interface TopicSpec {
  /** Without environment prefix: '<service>.<aggregate>.v<N>', or '<consumer group>.dlq'. */
  readonly name: string;
  readonly partitions: number;
  /** Kafka retention.ms; -1 keeps records forever. */
  readonly retentionMs: number;
  readonly cleanupPolicy: CleanupPolicy;
  readonly description: string;
  /** The only service that produces to the topic. */
  readonly ownerService: string;
  /** The CloudEvents types (full protobuf names) that may appear on the topic. */
  readonly eventTypes: readonly string[];
}

/** One day in milliseconds: topic retention is written as a number of days of it. */
export const DAY_MS = 24 * 60 * 60 * 1000;
// Kafka's own limit on topic names.
const KAFKA_TOPIC_MAX_LENGTH = 249;
const KAFKA_LEGAL = /^[a-zA-Z0-9._-]+$/;
// One topic per aggregate type and major contract version: '<service>.<aggregate>.v<N>'.
const INTEGRATION_TOPIC = /^([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.v([1-9][0-9]*)$/;
// A prefix is one or more dot-separated segments: 'staging', 'ci.run-42', 't7f3a9c'.
const PREFIX = /^[a-zA-Z0-9][a-zA-Z0-9_-]*(\.[a-zA-Z0-9][a-zA-Z0-9_-]*)*$/;
// A full protobuf message name: lower-case package segments, then the UpperCamel message.
const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+\.[A-Z][A-Za-z0-9]*$/;
const DEAD_LETTER_SUFFIX = '.dlq';

/**
 * Validates an integration topic spec against the naming convention and Kafka's limits and
 * returns it frozen. Service teams define their topics with it, so a mistake fails at load
 * time rather than when the topic is first created.
 */
export function defineTopic(spec: TopicSpec): TopicSpec {
  const match = INTEGRATION_TOPIC.exec(spec.name);
  if (!match) {
    throw new InvalidTopicError('name', spec.name, "must be '<service>.<aggregate>.v<N>' in lower-case kebab segments");
  }
  if (match[1] !== spec.ownerService) {
    throw new InvalidTopicError('ownerService', spec.ownerService, `topic ${spec.name} belongs to service '${match[1]}'`);
  }
  return checkedSpec(spec);
}

/** The topic name in an environment: '<prefix>.<name>', or the bare name for an empty prefix. */
export function topicName(spec: TopicSpec, prefix = ''): string {
  if (prefix === '') return spec.name;
  if (!PREFIX.test(prefix)) {
    throw new InvalidTopicError('prefix', prefix, 'must be dot-separated segments of letters, digits, _ and -');
  }
  return checkedName('prefix', `${prefix}.${spec.name}`);
}

/**
 * Dead-letter convention: records consumer group G gives up on (after bounded retries) go to
 * the topic '<G>.dlq' unchanged — the original key, value and headers, so an operator can
 * replay one to its topic byte for byte — plus `dlq_*` headers saying where it came from and
 * why it failed (libs/messaging dead-letter.ts). dw.envelope.v1.DeadLetter is the same record
 * as one message, for archiving a dead-letter topic outside Kafka. One topic per group, not
 * per topic, because the group is what failed and what an operator replays for.
 */
export function deadLetterTopicName(consumerGroup: string): string {
  if (consumerGroup === '') throw new InvalidTopicError('consumerGroup', consumerGroup, 'must not be empty');
  return checkedName('consumerGroup', `${consumerGroup}${DEAD_LETTER_SUFFIX}`, consumerGroup);
}

/**
 * The spec of a consumer group's dead-letter topic. Kept forever: a dead letter leaves only
 * when an operator has dealt with it, so time-based deletion would drop it silently. One
 * partition: the volume is tiny and the failures stay in the order they happened.
 */
export function deadLetterTopicSpec(consumerGroup: string, ownerService: string, consumedEventTypes: readonly string[]): TopicSpec {
  return checkedSpec({
    name: deadLetterTopicName(consumerGroup),
    partitions: 1,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    description: `Records consumer group ${consumerGroup} could not process after its retries, with the error.`,
    ownerService,
    eventTypes: [...consumedEventTypes],
  });
}

/** Probe events of the platform's own tests and benchmarks. */
export const platformProbeTopic: TopicSpec = defineTopic({
  name: 'platform.probe.v1',
  // Enough partitions for a benchmark to spread keys over several consumers of one group.
  partitions: 6,
  // Probe runs are inspected right after they finish; a week covers a re-run after a weekend.
  retentionMs: 7 * DAY_MS,
  cleanupPolicy: 'delete',
  description: 'PlatformProbeRecorded events that tests and benchmarks send through outbox, relay, Kafka and inbox.',
  ownerService: 'platform',
  eventTypes: ['dw.platform.v1.PlatformProbeRecorded'],
});

function checkedSpec(spec: TopicSpec): TopicSpec {
  checkedName('name', spec.name);
  if (!Number.isSafeInteger(spec.partitions) || spec.partitions < 1) {
    throw new InvalidTopicError('partitions', spec.partitions, 'must be a positive integer');
  }
  if (!Number.isSafeInteger(spec.retentionMs) || (spec.retentionMs < 1 && spec.retentionMs !== -1)) {
    throw new InvalidTopicError('retentionMs', spec.retentionMs, 'must be a positive integer, or -1 for forever');
  }
  if (spec.ownerService.trim() === '') throw new InvalidTopicError('ownerService', spec.ownerService, 'must not be empty');
  if (spec.description.trim() === '') throw new InvalidTopicError('description', spec.description, 'must not be empty');
  if (spec.eventTypes.length === 0) throw new InvalidTopicError('eventTypes', spec.eventTypes, 'must name at least one type');
  for (const type of spec.eventTypes) {
    if (!EVENT_TYPE.test(type)) {
      throw new InvalidTopicError('eventTypes', type, "must be a full protobuf message name such as 'dw.receipt.v1.ReceiptIssued'");
    }
  }
  return Object.freeze({ ...spec, eventTypes: Object.freeze([...spec.eventTypes]) });
}

function checkedName(field: string, name: string, value: string = name): string {
  if (!KAFKA_LEGAL.test(name)) {
    throw new InvalidTopicError(field, value, 'a Kafka topic name may only contain letters, digits, ., _ and -');
  }
  if (name.length > KAFKA_TOPIC_MAX_LENGTH) {
    throw new InvalidTopicError(field, value, `the topic name would be ${name.length} characters, Kafka allows ${KAFKA_TOPIC_MAX_LENGTH}`);
  }
  return name;
}
