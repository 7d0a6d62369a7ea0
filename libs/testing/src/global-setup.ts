import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DEFAULT_DATABASE_URL, dockerEngineAnswers, repoRoot } from './test-endpoints';

type Stop = () => Promise<void>;
const stops: Stop[] = [];

/** Jest global setup: makes sure DATABASE_URL and KAFKA_BROKERS point at real servers. */
export default async function globalSetup(): Promise<void> {
  if (process.env.JEST_KIND === 'unit') return;
  const haveDb = Boolean(process.env.DATABASE_URL);
  const haveKafka = Boolean(process.env.KAFKA_BROKERS);
  if (haveDb && haveKafka) return;

  if (dockerEngineAnswers()) {
    const { GenericContainer, Wait } = await import('testcontainers');
    if (!haveDb) {
      const pg = await new GenericContainer('postgres:15')
        .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
        .withExposedPorts(5432)
        .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
        .start();
      process.env.DATABASE_URL = `postgres://postgres@${pg.getHost()}:${pg.getMappedPort(5432)}/postgres`;
      stops.push(async () => void (await pg.stop()));
    }
    if (!haveKafka) {
      const kafka = await new GenericContainer('apache/kafka:4.1.1')
        .withExposedPorts({ container: 9092, host: 19092 })
        .withEnvironment({
          KAFKA_NODE_ID: '1',
          KAFKA_PROCESS_ROLES: 'broker,controller',
          KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
          KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:19092',
          KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
          KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
          KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
          KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        })
        .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
        .start();
      process.env.KAFKA_BROKERS = '127.0.0.1:19092';
      stops.push(async () => void (await kafka.stop()));
    }
  } else {
    process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
    if (!haveKafka) {
      // Idempotent: returns at once when a broker already answers (scripts/test.sh started it).
      execFileSync('bash', [resolve(repoRoot(), 'scripts/kafka.sh'), 'start'], { stdio: 'inherit' });
      process.env.KAFKA_BROKERS = `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;
    }
  }
  (globalThis as { __dwStops?: Stop[] }).__dwStops = stops;
}
