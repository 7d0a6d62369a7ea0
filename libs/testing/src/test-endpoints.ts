import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where tests find PostgreSQL and Kafka, in this order:
 *   1. DATABASE_URL / KAFKA_BROKERS from the environment (CI, a developer's own servers);
 *   2. testcontainers, when a Docker engine answers;
 *   3. the project's scripts: the local PostgreSQL and a real Kafka broker from the Apache jars.
 * Resolved once in jest's global setup; workers read the variables it exports.
 */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:9092';

export function repoRoot(): string {
  return resolve(__dirname, '../../..');
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

export function kafkaBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? DEFAULT_KAFKA_BROKERS)
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

export function dockerEngineAnswers(): boolean {
  const socket = process.env.DOCKER_HOST ?? (existsSync('/var/run/docker.sock') ? 'unix:///var/run/docker.sock' : undefined);
  if (!socket) return false;
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}
