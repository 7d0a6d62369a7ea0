import { handleCommandIn, loadAggregate, WrongExpectedVersionError } from '@dw/event-store';
import type { EventMetadata, EventStoreTransaction, HandledCommand, OutboxMessage, PendingEvent } from '@dw/event-store';
import type { Command, Decider, DomainEvent } from '@dw/kernel';
import type { StreamRef } from './streams';

export interface DecideOnStream<C extends Command, S, E extends DomainEvent> {
  stream: StreamRef;
  decider: Decider<C, S, E>;
  command: C;
  metadata: EventMetadata;
  /** From If-Match, or the version a multi-stream decision read the stream at. */
  expectedVersion?: number;
  /**
   * The public form of the new events. It gets the stream's state BEFORE them, so a message can
   * carry context the event itself does not (the receipt's goods and holder for a hold, say).
   */
  publish?: (pending: readonly PendingEvent[], before: S) => OutboxMessage[];
}

export interface DecidedOnStream<S> extends HandledCommand<S> {
  before: S;
}

/**
 * handleCommandIn with a state-aware outbox: loads the stream, then decides and appends at
 * exactly the loaded version (a concurrent writer in between makes it a 409), inside the
 * caller's transaction so several streams commit together or not at all.
 */
export async function decideOnStream<C extends Command, S, E extends DomainEvent>(
  tx: EventStoreTransaction,
  options: DecideOnStream<C, S, E>,
): Promise<DecidedOnStream<S>> {
  const { stream, decider, command, metadata, publish } = options;
  const loaded = await loadAggregate(tx, stream.streamId, decider);
  if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version) {
    throw new WrongExpectedVersionError(stream.streamId, options.expectedVersion, loaded.version);
  }
  const handled = await handleCommandIn(tx, {
    streamId: stream.streamId,
    streamType: stream.streamType,
    decider,
    command,
    metadata,
    expectedVersion: loaded.version,
    outbox: publish ? (pending) => publish(pending, loaded.state) : undefined,
  });
  return { ...handled, before: loaded.state };
}

/** A stream's current state and version, read inside a decision's transaction. */
export async function readState<C extends Command, S, E extends DomainEvent>(
  tx: EventStoreTransaction,
  stream: StreamRef,
  decider: Decider<C, S, E>,
): Promise<{ state: S; version: number }> {
  const { state, version } = await loadAggregate(tx, stream.streamId, decider);
  return { state, version };
}
