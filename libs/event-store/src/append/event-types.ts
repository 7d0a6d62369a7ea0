import type { DomainEvent } from '@dw/kernel';

/** Who did it. Every event records its actor (README.md, APIs). */
export interface ActorRef {
  subject: string;
  role: string;
  partyId?: string;
}

/** Metadata stored with every event; correlation/causation/traceparent tie it to the request. */
export interface EventMetadata {
  actor: ActorRef;
  correlationId: string;
  causationId?: string;
  traceparent?: string;
  [key: string]: unknown;
}

/**
 * - 'any': append whatever the version is
 * - 'no_stream': the stream must not exist yet
 * - n: the stream must be exactly at version n (0 = no events, same as 'no_stream')
 */
export type ExpectedVersion = 'any' | 'no_stream' | number;

export interface NewEvent<E extends DomainEvent = DomainEvent> {
  type: E['type'];
  data: E['data'];
  schemaVersion?: number;
  /** Set by the caller when the id must be known in advance (idempotent retries); else generated. */
  eventId?: string;
}

/** An event about to be appended: what an outbox mapper sees to build the public message. */
export interface PendingEvent<E extends DomainEvent = DomainEvent> {
  eventId: string;
  streamId: string;
  streamType: string;
  type: E['type'];
  data: E['data'];
  schemaVersion: number;
  metadata: EventMetadata;
  recordedAt: Date;
}

export interface RecordedEvent<E extends DomainEvent = DomainEvent> extends PendingEvent<E> {
  globalPosition: number;
  transactionId: string;
  streamPosition: number;
}

/** A message for Kafka, written to the outbox in the append's transaction. */
export interface OutboxMessage {
  messageId: string;
  topic: string;
  key: string;
  payload: Uint8Array;
  headers: Record<string, string>;
}

export type OutboxMapper = (events: readonly PendingEvent[]) => OutboxMessage[];

export interface AppendRequest<E extends DomainEvent = DomainEvent> {
  streamId: string;
  streamType: string;
  expectedVersion: ExpectedVersion;
  events: readonly NewEvent<E>[];
  metadata: EventMetadata;
  /** Public (proto) form of the events, if any; written atomically with them. */
  outbox?: OutboxMapper;
}

export interface AppendResult {
  streamId: string;
  nextVersion: number;
  firstGlobalPosition: number;
  lastGlobalPosition: number;
  transactionId: string;
  events: PendingEvent[];
}
