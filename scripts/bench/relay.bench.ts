import { randomBytes } from 'node:crypto';
import { Database } from '@dw/event-store';
import { KafkaJsMessageBus, MessageBus, OutboxRelay } from '@dw/messaging';
import { createTestTopics, deleteTestTopics, kafkaBrokers } from '@dw/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { Comparison, Contender, printSection, Round, runScenario, secondsSince } from './bench-harness';
import { SIZES, SYNC_MODES, SyncCommit, WARMUP_FRACTION } from './bench-config';
import { BenchSchema } from './bench-database';
import { cleanup } from './bench-cleanup';
import { outboxAsMessages, referenceProducer, referenceRelayDrain, sendInBatches } from './reference-relay';

const PARTITIONS = 4;
const KEYS = 1_000;

/**
 * Fills a service's outbox with `rows` messages as append_to_stream writes them: a 128-byte
 * payload (standing in for protobuf), CloudEvents headers and a traceparent, keys spread
 * over 1,000 aggregates. Set-based, untimed.
 */
async function seedOutbox(db: Database, topic: string, rows: number): Promise<void> {
  await db.query(
    `INSERT INTO outbox (message_id, topic, message_key, payload, headers, created_at)
     SELECT g.id, $1, 'lot-' || (g.i % $3),
            sha256(g.i::text::bytea) || sha256((g.i + 1)::text::bytea) || sha256((g.i + 2)::text::bytea) || sha256((g.i + 3)::text::bytea),
            jsonb_build_object('ce_specversion', '1.0', 'ce_id', g.id::text, 'ce_type', 'dw.bench.v1.LotWeighed', 'ce_source', '/dw/bench',
                               'ce_subject', 'lot-' || (g.i % $3), 'ce_time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                               'content-type', 'application/protobuf', 'dw_correlation_id', g.id::text, 'dw_causation_id', g.id::text,
                               'traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
            now()
       FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, $2::int) AS i) g`,
    [topic, rows, KEYS],
  );
}

function rowsFor(round: Round): number {
  return round.warmup ? Math.ceil(SIZES.outboxRows * WARMUP_FRACTION) : SIZES.outboxRows;
}

/** Every run must publish exactly what it seeded; counted per topic at the end as well. */
function expectPublished(name: string, published: number, seeded: number): void {
  if (published !== seeded) throw new Error(`relay bench: ${name} published ${published} of ${seeded} rows`);
}

function oursContender(app: Database, bus: MessageBus, topic: string, sent: Map<string, number>): Contender {
  const relay = new OutboxRelay(app, bus, { batchSize: SIZES.relayBatch });
  return {
    name: 'ours',
    async run(round) {
      const rows = rowsFor(round);
      await seedOutbox(app, topic, rows);
      const started = process.hrtime.bigint();
      const published = await relay.publishPending();
      const seconds = secondsSince(started);
      expectPublished('ours', published, rows);
      sent.set(topic, (sent.get(topic) ?? 0) + published);
      return { units: published, seconds };
    },
  };
}

function referenceContender(app: Database, producer: Producer, topic: string, sent: Map<string, number>): Contender {
  return {
    name: 'reference relay (pg + kafkajs)',
    async run(round) {
      const rows = rowsFor(round);
      await seedOutbox(app, topic, rows);
      const started = process.hrtime.bigint();
      const published = await referenceRelayDrain(app.pool, producer, SIZES.relayBatch);
      const seconds = secondsSince(started);
      expectPublished('reference relay', published, rows);
      sent.set(topic, (sent.get(topic) ?? 0) + published);
      return { units: published, seconds };
    },
  };
}

function rawProducerContender(app: Database, producer: Producer, topic: string, sent: Map<string, number>): Contender {
  return {
    name: 'raw kafkajs producer',
    async run(round) {
      const rows = rowsFor(round);
      await seedOutbox(app, topic, rows);
      const messages = await outboxAsMessages(app.pool);
      await app.query(`DELETE FROM outbox`);
      const started = process.hrtime.bigint();
      const published = await sendInBatches(producer, messages, SIZES.relayBatch);
      const seconds = secondsSince(started);
      expectPublished('raw producer', published, rows);
      sent.set(topic, (sent.get(topic) ?? 0) + published);
      return { units: published, seconds };
    },
  };
}

/** What the broker holds per topic must equal what each side says it published. */
async function assertOnBroker(sent: ReadonlyMap<string, number>): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-relay-check', brokers: kafkaBrokers(), logLevel: logLevel.WARN }).admin();
  await admin.connect();
  try {
    for (const [topic, expected] of sent) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const onBroker = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
      if (onBroker !== expected) throw new Error(`relay bench: ${topic} holds ${onBroker} messages, ${expected} were published`);
    }
  } finally {
    await admin.disconnect();
  }
}

const NOTES = [
  `ours: OutboxRelay.publishPending() (read ${SIZES.relayBatch} rows in outbox order outside any transaction, a producer span per message, one Kafka transaction per batch through the fenced producer of the MessageBus port's kafkajs adapter, delete after the commit).`,
  'reference relay: the same claim/sendBatch/delete/commit loop written straight against pg and kafkajs, nothing else.',
  'raw kafkajs producer: the same messages (read from a seeded outbox before the clock starts) in the same batch size, no database: the limit.',
  `all three: idempotent producer, one request in flight, acks=all, ${PARTITIONS}-partition topics created for the run and deleted after; ${KEYS} message keys.`,
];

export async function relayBench(): Promise<Comparison[]> {
  printSection(`relay (${SIZES.outboxRows.toLocaleString('en-US')} outbox rows per run)`, NOTES);
  const ours = await BenchSchema.provision('relay_ours');
  cleanup.defer(`drop ${ours.schema}`, () => ours.drop());
  const reference = await BenchSchema.provision('relay_ref');
  cleanup.defer(`drop ${reference.schema}`, () => reference.drop());
  const results: Comparison[] = [];
  for (const sync of SYNC_MODES) results.push(...(await relayUnder(sync, ours, reference)));
  return results;
}

async function relayUnder(sync: SyncCommit, ours: BenchSchema, reference: BenchSchema): Promise<Comparison[]> {
  const bus = new KafkaJsMessageBus({ clientId: 'bench-relay', brokers: kafkaBrokers() });
  const suffix = randomBytes(3).toString('hex');
  const topics = { ours: `bench-relay-ours-${suffix}`, reference: `bench-relay-ref-${suffix}`, raw: `bench-relay-raw-${suffix}` };
  await createTestTopics(bus, Object.values(topics), PARTITIONS);
  cleanup.defer(`delete topics ${Object.values(topics).join(', ')}`, () => deleteTestTopics(bus, Object.values(topics)));

  const oursApp = await ours.open(sync, { poolSize: 2 });
  const refApp = await reference.open(sync, { poolSize: 2 });
  const refProducer = referenceProducer(kafkaBrokers(), 'bench-relay-ref');
  const rawProducer = referenceProducer(kafkaBrokers(), 'bench-relay-raw');
  await Promise.all([refProducer.connect(), rawProducer.connect()]);
  const sent = new Map<string, number>();
  try {
    const comparisons = await runScenario({
      scenario: `relay drain ${SIZES.outboxRows.toLocaleString('en-US')} rows [sync_commit ${sync}]`,
      unit: 'messages/s',
      rounds: SIZES.relayRounds,
      ours: oursContender(oursApp, bus, topics.ours, sent),
      baselines: [referenceContender(refApp, refProducer, topics.reference, sent), rawProducerContender(refApp, rawProducer, topics.raw, sent)],
      warmup: true,
    });
    await assertOnBroker(sent);
    return comparisons;
  } finally {
    await Promise.all([refProducer.disconnect(), rawProducer.disconnect()]);
    await ours.closePools();
    await reference.closePools();
  }
}
