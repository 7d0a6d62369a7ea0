import { Pool } from 'pg';
import { deadLetterTopicSpec, topicName } from '@dw/contracts';
import { appRole, connectionFor, Database, ownerRole, provisionServiceDatabase, verifyStream } from '@dw/event-store';
import { type Clock, systemClock } from '@dw/kernel';
import { KafkaJsMessageBus } from '@dw/messaging';
import { ensureProjectionTables, ProjectionRebuilder } from '@dw/projections';
import { consumerGroupOf, migrationsOf, schemaOf, type ServiceDefinition } from './service-definition';

/**
 * The operational commands every service has beside `serve`, run as `main.ts <command>`:
 *   provision  create roles, schema, tables (migrations as the owner), read models, and topics
 *   rebuild    replay the service's own log into fresh read models and switch over
 *   verify     recompute the hash chain of every stream (or the ones named); exit 1 on a break
 * They need DATABASE_ADMIN_URL (a role that can create roles and schemas); KAFKA_BROKERS for provision.
 */
export interface CommandEnvironment {
  DATABASE_ADMIN_URL?: string;
  /** The service's own connection (as its app role); its password becomes the app role's. */
  DATABASE_URL?: string;
  /** The schema owner's password, for servers that authenticate with scram (see ServiceDatabaseSpec). */
  DATABASE_OWNER_PASSWORD?: string;
  DATABASE_SCHEMA?: string;
  KAFKA_BROKERS?: string;
  KAFKA_TOPIC_PREFIX?: string;
  KAFKA_REPLICATION_FACTOR?: string;
}

export type ServiceCommand = 'provision' | 'rebuild' | 'verify';
export const SERVICE_COMMANDS: readonly ServiceCommand[] = ['provision', 'rebuild', 'verify'];

function adminUrl(env: CommandEnvironment): string {
  const url = env.DATABASE_ADMIN_URL ?? env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_ADMIN_URL (or DATABASE_URL) must name the database');
  return url;
}

/**
 * The schema owner's connection, for DDL (read-model tables, rebuilds): tables it creates are
 * the owner's, so later migrations (run as the owner) can alter them. Built field by field: given
 * a connection string, pg lets the URL's user override `user`, and everything ran as the admin.
 */
function ownerDatabase(env: CommandEnvironment, schema: string): Database {
  const pool = new Pool({ ...connectionFor(adminUrl(env), ownerRole(schema), schema, env.DATABASE_OWNER_PASSWORD), max: 2 });
  return new Database(pool, schema);
}

/** Passwords for the roles, when the environment gives them (a scram-authenticated server). */
function rolePasswords(env: CommandEnvironment): { owner?: string; app?: string } {
  const app = env.DATABASE_URL ? decodeURIComponent(new URL(env.DATABASE_URL).password) : '';
  return { ...(env.DATABASE_OWNER_PASSWORD ? { owner: env.DATABASE_OWNER_PASSWORD } : {}), ...(app ? { app } : {}) };
}

export async function provisionService(definition: ServiceDefinition, env: CommandEnvironment, log: (line: string) => void): Promise<void> {
  const schema = env.DATABASE_SCHEMA ?? schemaOf(definition);
  await provisionServiceDatabase(adminUrl(env), { schema, migrations: migrationsOf(definition), passwords: rolePasswords(env) });
  const owner = ownerDatabase(env, schema);
  try {
    await ensureProjectionTables(owner, definition.projections, appRole(schema));
  } finally {
    await owner.pool.end();
  }
  log(`${definition.name}: schema ${schema} migrated; roles ${ownerRole(schema)} (DDL) and ${appRole(schema)} (service)`);

  if (!env.KAFKA_BROKERS) throw new Error('KAFKA_BROKERS must name the Kafka cluster to provision topics');
  const prefix = env.KAFKA_TOPIC_PREFIX ?? '';
  const bus = new KafkaJsMessageBus({ clientId: `${definition.name}-provision`, brokers: env.KAFKA_BROKERS.split(',') });
  const admin = await bus.admin();
  const replicationFactor = Number(env.KAFKA_REPLICATION_FACTOR ?? '1');
  // A service that consumes nothing has no consumer group, and so no dead-letter topic.
  const consumedTypes = definition.consumedTopics.flatMap((t) => t.eventTypes);
  // A service may consume a topic it produces (billing's parts meet on their own topics): each once.
  const ownTopics = new Map([...definition.producedTopics, ...definition.consumedTopics].map((spec) => [spec.name, spec]));
  const specs = [
    ...ownTopics.values(),
    ...(consumedTypes.length > 0 ? [deadLetterTopicSpec(consumerGroupOf(definition, prefix), definition.name, consumedTypes)] : []),
  ];
  try {
    await admin.ensureTopics(
      specs.map((spec) => ({
        name: spec.name.endsWith('.dlq') ? spec.name : topicName(spec, prefix),
        partitions: spec.partitions,
        replicationFactor,
        retentionMs: spec.retentionMs,
        cleanupPolicy: spec.cleanupPolicy === 'compact' ? 'compact' : 'delete',
      })),
    );
  } finally {
    await admin.disconnect();
  }
  log(`${definition.name}: topics ready: ${specs.map((s) => (s.name.endsWith('.dlq') ? s.name : topicName(s, prefix))).join(', ')}`);
}

export async function rebuildService(
  definition: ServiceDefinition,
  env: CommandEnvironment,
  names: readonly string[],
  log: (line: string) => void,
  clock: Clock = systemClock,
): Promise<void> {
  const schema = env.DATABASE_SCHEMA ?? schemaOf(definition);
  const unknown = names.filter((n) => !definition.projections.some((p) => p.name === n));
  if (unknown.length > 0) throw new Error(`unknown projection(s): ${unknown.join(', ')}; known: ${definition.projections.map((p) => p.name).join(', ')}`);
  const owner = ownerDatabase(env, schema);
  try {
    const rebuilder = new ProjectionRebuilder(owner, { clock, appRole: appRole(schema) });
    for (const projection of definition.projections.filter((p) => names.length === 0 || names.includes(p.name))) {
      const started = Date.now();
      const result = await rebuilder.rebuild(projection);
      log(`${definition.name}: rebuilt ${projection.name} from ${result.events} events in ${Date.now() - started} ms`);
    }
  } finally {
    await owner.pool.end();
  }
}

export async function verifyService(
  definition: ServiceDefinition,
  env: CommandEnvironment,
  streamIds: readonly string[],
  log: (line: string) => void,
): Promise<boolean> {
  const schema = env.DATABASE_SCHEMA ?? schemaOf(definition);
  const db = ownerDatabase(env, schema);
  try {
    // Every stream the log holds or a head names: a removed head row must not hide its stream from the check.
    const everyStream = `SELECT stream_id FROM streams UNION SELECT DISTINCT stream_id FROM events ORDER BY stream_id`;
    const ids = streamIds.length > 0 ? streamIds : (await db.query<{ stream_id: string }>(everyStream)).rows.map((r) => r.stream_id);
    let broken = 0;
    for (const id of ids) {
      const result = await verifyStream(db, id);
      if (!result.ok) {
        broken += 1;
        log(`BROKEN ${id}: ${result.reason} at position ${result.brokenAt} of ${result.events}`);
      }
    }
    log(`${definition.name}: verified ${ids.length} stream(s), ${broken} broken`);
    return broken === 0;
  } finally {
    await db.pool.end();
  }
}

/** Runs `provision`, `rebuild [projection…]` or `verify [stream…]`; returns the exit code. */
export async function runServiceCommand(
  definition: ServiceDefinition,
  argv: readonly string[],
  env: CommandEnvironment = process.env as CommandEnvironment,
): Promise<number> {
  const [command, ...args] = argv;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  try {
    switch (command) {
      case 'provision':
        await provisionService(definition, env, log);
        return 0;
      case 'rebuild':
        await rebuildService(definition, env, args, log);
        return 0;
      case 'verify':
        return (await verifyService(definition, env, args, log)) ? 0 : 1;
      default:
        process.stderr.write(`unknown command '${String(command)}': use serve, ${SERVICE_COMMANDS.join(', ')}\n`);
        return 64;
    }
  } catch (error) {
    process.stderr.write(`${definition.name} ${String(command)} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
