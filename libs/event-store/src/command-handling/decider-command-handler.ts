import { Command, Decider, DomainEvent, foldEvents } from '@dw/kernel';
import type { EventLog, EventStoreTransaction } from '../append/event-store';
import type { AppendResult, EventMetadata, OutboxMapper, RecordedEvent } from '../append/event-types';
import { WrongExpectedVersionError } from '../append/wrong-expected-version.error';
import { loadSnapshot, saveSnapshot } from '../snapshots/snapshot-store';

export interface SnapshotPolicy {
  snapshotType: string;
  schemaVersion: number;
  /** Take a snapshot when this many events were replayed on load. */
  every: number;
}

export interface HandleCommandOptions<C extends Command, S, E extends DomainEvent> {
  streamId: string;
  streamType: string;
  decider: Decider<C, S, E>;
  command: C;
  metadata: EventMetadata;
  /** From If-Match: refuse when the stream has moved on since the client read it. */
  expectedVersion?: number;
  outbox?: OutboxMapper;
  /**
   * Instead of `outbox`: builds the mapper from the state the command was decided on, for public
   * events that carry more of the aggregate than the domain event does (e.g. an "opened" message
   * that repeats what the draft said).
   */
  outboxFor?: (state: S) => OutboxMapper;
  /** Bounded retries on a concurrent append; only for commands that commute. */
  retriesOnConflict?: number;
  snapshot?: SnapshotPolicy;
}

export interface HandledCommand<S> {
  /** The state the command was decided on. */
  before: S;
  state: S;
  version: number;
  appended: AppendResult | null;
}

export interface LoadedAggregate<S> {
  state: S;
  version: number;
  replayed: number;
}

/** Folds a stream (from a snapshot when there is a usable one) into the decider's state. */
export async function loadAggregate<C extends Command, S, E extends DomainEvent>(
  tx: EventStoreTransaction,
  streamId: string,
  decider: Decider<C, S, E>,
  snapshot?: SnapshotPolicy,
): Promise<LoadedAggregate<S>> {
  const cached = snapshot ? await loadSnapshot<S>(tx.sql, streamId, snapshot.snapshotType, snapshot.schemaVersion) : null;
  const events = (await tx.readStream<E>(streamId, cached?.streamPosition ?? 0)) as RecordedEvent<E>[];
  const state = foldEvents(
    decider,
    events.map((e) => ({ type: e.type, data: e.data }) as E),
    cached?.state ?? decider.initialState(),
  );
  const version = events.length > 0 ? events[events.length - 1]!.streamPosition : (cached?.streamPosition ?? 0);
  return { state, version, replayed: events.length };
}

/**
 * Load → decide → append with the loaded version as the expected one. A concurrent writer
 * makes the append fail with WrongExpectedVersionError; commuting commands may retry.
 */
export async function handleCommand<C extends Command, S, E extends DomainEvent>(
  store: EventLog,
  options: HandleCommandOptions<C, S, E>,
): Promise<HandledCommand<S>> {
  // A version the client pinned (If-Match) must fail on a conflict, never be retried past.
  const retriesOnConflict = options.expectedVersion === undefined ? (options.retriesOnConflict ?? 0) : 0;
  return transactionRetryingOnConflict(store, (tx) => handleCommandIn(tx, options), retriesOnConflict);
}

/**
 * Runs `work` in a transaction; when a concurrent append to a stream it decided on wins
 * (WrongExpectedVersionError), runs it again in a fresh transaction on the fresh state, up to
 * `retriesOnConflict` more times. Only for work whose commands commute (two scanners on one lot
 * scan different pieces; an expiry flag beside a transfer); anything else answers 409.
 */
export async function transactionRetryingOnConflict<T>(store: EventLog, work: (tx: EventStoreTransaction) => Promise<T>, retriesOnConflict = 0): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await store.transaction(work);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= retriesOnConflict) throw error;
    }
  }
}

/** The same inside a transaction the caller owns (multi-stream commands, inbox handlers). */
export async function handleCommandIn<C extends Command, S, E extends DomainEvent>(
  tx: EventStoreTransaction,
  options: HandleCommandOptions<C, S, E>,
): Promise<HandledCommand<S>> {
  const loaded = await loadAggregate(tx, options.streamId, options.decider, options.snapshot);
  // The decider answers first: a refusal that hides a thing from a caller (another party's
  // receipt answers as a missing one) must not be undercut by a version conflict that shows the
  // thing exists and how often it changed.
  const events = options.decider.decide(options.command, loaded.state);
  if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version) {
    throw new WrongExpectedVersionError(options.streamId, options.expectedVersion, loaded.version);
  }
  if (events.length === 0) return { before: loaded.state, state: loaded.state, version: loaded.version, appended: null };
  const appended = await tx.append({
    streamId: options.streamId,
    streamType: options.streamType,
    expectedVersion: loaded.version,
    events,
    metadata: options.metadata,
    outbox: options.outboxFor ? options.outboxFor(loaded.state) : options.outbox,
  });
  const state = foldEvents(options.decider, events, loaded.state);
  const policy = options.snapshot;
  if (policy && loaded.replayed + events.length >= policy.every) {
    const takenAt = appended.events[0]!.recordedAt;
    await saveSnapshot(tx.sql, options.streamId, policy.snapshotType, policy.schemaVersion, { state, streamPosition: appended.nextVersion }, takenAt);
  }
  return { before: loaded.state, state, version: appended.nextVersion, appended };
}
