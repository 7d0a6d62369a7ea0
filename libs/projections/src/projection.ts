import type { RecordedEvent, SqlClient } from '@dw/event-store';
import type { DomainEvent } from '@dw/kernel';

/**
 * A read model fed from the service's own log. `tables` maps each logical table to its DDL,
 * written against the physical name it is given, so the same projection can fill the live
 * tables or a fresh set during a rebuild. Leave indexes unnamed (PostgreSQL names them after
 * the table), so a shadow set never collides with the live one.
 */
export interface Projection<TTables extends string = string, TEvent extends DomainEvent = DomainEvent> {
  name: string;
  tables: Record<TTables, (tableName: string) => string>;
  /** Event types it reads; others are skipped without a call. Omit to get every event. */
  eventTypes?: readonly TEvent['type'][];
  /** Called with the events of `eventTypes` only (the runner filters), each typed by its own union member. */
  apply(tx: SqlClient, events: readonly RecordedOf<TEvent>[], tables: Record<TTables, string>): Promise<void>;
}

/** A recorded event per member of an event union, so `switch (event.type)` narrows `data`. */
export type RecordedOf<TEvent extends DomainEvent> = TEvent extends DomainEvent ? RecordedEvent<TEvent> : never;

export function liveTables<T extends string>(projection: Projection<T>): Record<T, string> {
  return Object.fromEntries(Object.keys(projection.tables).map((logical) => [logical, logical])) as Record<T, string>;
}

export function relevantEvents(projection: Projection, events: readonly RecordedEvent[]): readonly RecordedEvent[] {
  if (!projection.eventTypes) return events;
  const wanted = new Set(projection.eventTypes);
  return events.filter((e) => wanted.has(e.type));
}

export function checkpointName(projection: Projection): string {
  return `projection:${projection.name}`;
}

/** Serialises a projection's batches with its rebuild switch-over (transaction-scoped). */
export async function lockProjection(tx: SqlClient, projection: Projection): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [checkpointName(projection)]);
}
