import type { DescMessage } from '@bufbuild/protobuf';
import type { MigrationInterface } from 'typeorm';
import type { TopicSpec } from '@dw/contracts';
import { eventStoreMigrations } from '@dw/event-store';
import type { Projection } from '@dw/projections';
import { platformEdgeMigrations } from '../migrations/platform-edge.migrations';

export type MigrationClass = new () => MigrationInterface;

/**
 * What makes a service a service, as data: its name (and so its schema), its tables, its read
 * models, the topics it owns, the topics it consumes and the contracts it speaks. The module,
 * the provisioning and the `migrate` / `rebuild` / `verify` commands all read it.
 */
export interface ServiceDefinition {
  /** Kebab-case, e.g. 'factory-delivery'; the schema is the same in snake_case. */
  name: string;
  /** The service's own migrations (the event log and edge tables come first, from the libraries). */
  migrations: readonly MigrationClass[];
  projections: readonly Projection[];
  /** Topics this service produces to (it is their only producer). */
  producedTopics: readonly TopicSpec[];
  /** Topics this service's consumer group reads; its dead-letter topic is `<group>.dlq`. */
  consumedTopics: readonly TopicSpec[];
  /** Every contract it encodes or decodes. */
  eventSchemas: readonly DescMessage[];
}

export function schemaOf(definition: Pick<ServiceDefinition, 'name'>): string {
  return definition.name.replace(/-/g, '_');
}

export function migrationsOf(definition: ServiceDefinition): MigrationClass[] {
  return [...eventStoreMigrations, ...platformEdgeMigrations, ...definition.migrations];
}

/** The consumer group of a service: one per service, so its handlers see one ordered stream per partition. */
export function consumerGroupOf(definition: Pick<ServiceDefinition, 'name'>, prefix = ''): string {
  return prefix ? `${prefix}.${definition.name}` : definition.name;
}
