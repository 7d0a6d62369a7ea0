import type { Clock, DomainEvent, IdGenerator } from '@dw/kernel';
import { uuidV7Generator } from '@dw/kernel';
import {
  WrongExpectedVersionError,
  type AppendRequest,
  type AppendResult,
  type EventLog,
  type EventStoreTransaction,
  type ExpectedVersion,
  type OutboxMessage,
  type PendingEvent,
  type RecordedEvent,
  type SqlClient,
} from '@dw/event-store';

/** jsonb keeps values, not references: what a handler appended cannot change afterwards. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const noSql: SqlClient = {
  query: () => Promise.reject(new Error('the in-memory event store has no SQL: snapshots and projections need the PostgreSQL store')),
};

interface Staged {
  readonly request: AppendRequest;
  /** The committed version the append was decided on; the commit refuses if the stream moved. */
  readonly committedVersion: number;
  readonly events: PendingEvent[];
  readonly outbox: OutboxMessage[];
}

/**
 * The event log in memory, with the PostgreSQL store's semantics where command handlers depend
 * on them, so handlers (multi-stream ones included) are unit-tested through their real code:
 * - a stream's version is its number of events; an append is checked against what its
 *   transaction sees (committed events plus its own earlier appends);
 * - a transaction's appends become visible when its work resolves, all together; an error
 *   discards them all;
 * - of two transactions that decided on the same version of a stream, the later to commit
 *   fails with WrongExpectedVersionError (PostgreSQL blocks it on the stream's row, then
 *   refuses it the same way);
 * - data and metadata are stored as JSON values, as jsonb stores them;
 * - the outbox messages the mappers built are kept in commit order in `outbox`.
 * It has no SQL: code that reaches `tx.sql` (snapshots, projections) needs the real store.
 */
export class InMemoryEventStore implements EventLog {
  private readonly streams = new Map<string, RecordedEvent[]>();
  private lastGlobalPosition = 0;
  private lastTransaction = 0;
  /** Every outbox message committed, in order. */
  readonly outbox: OutboxMessage[] = [];

  constructor(
    private readonly clock: Clock = { now: () => new Date() },
    private readonly ids: IdGenerator = uuidV7Generator,
  ) {}

  append<E extends DomainEvent>(request: AppendRequest<E>): Promise<AppendResult> {
    return this.transaction((tx) => tx.append(request));
  }

  readStream<E extends DomainEvent>(streamId: string, fromPosition = 0): Promise<RecordedEvent<E>[]> {
    return Promise.resolve(this.committed<E>(streamId).filter((event) => event.streamPosition > fromPosition));
  }

  streamVersion(streamId: string): Promise<number> {
    return Promise.resolve(this.committed(streamId).length);
  }

  /** Every committed event of every stream, in log order. */
  all(): RecordedEvent[] {
    return [...this.streams.values()].flat().sort((a, b) => a.globalPosition - b.globalPosition);
  }

  async transaction<T>(work: (tx: EventStoreTransaction) => Promise<T>): Promise<T> {
    const staged: Staged[] = [];
    const visible = <E extends DomainEvent>(streamId: string): PendingEvent<E>[] => [
      ...this.committed<E>(streamId),
      ...(staged.filter((s) => s.request.streamId === streamId).flatMap((s) => s.events) as PendingEvent<E>[]),
    ];
    const tx: EventStoreTransaction = {
      sql: noSql,
      append: (request) => Promise.resolve(this.stage(request as AppendRequest, visible(request.streamId).length, staged)),
      readStream: <E extends DomainEvent>(streamId: string, fromPosition = 0) =>
        Promise.resolve(
          visible<E>(streamId)
            .map((event, index) => this.asRecorded(event, index + 1))
            .filter((event) => event.streamPosition > fromPosition),
        ),
      streamVersion: (streamId) => Promise.resolve(visible(streamId).length),
    };
    const result = await work(tx);
    this.commit(staged);
    return result;
  }

  private committed<E extends DomainEvent>(streamId: string): RecordedEvent<E>[] {
    return (this.streams.get(streamId) ?? []) as RecordedEvent<E>[];
  }

  private stage(request: AppendRequest, seenVersion: number, staged: Staged[]): AppendResult {
    if (request.events.length === 0) throw new RangeError(`append to ${request.streamId}: no events`);
    checkExpected(request.streamId, request.expectedVersion, seenVersion);
    const recordedAt = this.clock.now();
    const events: PendingEvent[] = request.events.map((event) => ({
      eventId: event.eventId ?? this.ids.next(),
      streamId: request.streamId,
      streamType: request.streamType,
      type: event.type,
      data: asStored(event.data),
      schemaVersion: event.schemaVersion ?? 1,
      metadata: asStored(request.metadata),
      recordedAt,
    }));
    const outbox = request.outbox ? request.outbox(events) : [];
    const earlierInTransaction = staged.filter((s) => s.request.streamId === request.streamId).reduce((n, s) => n + s.events.length, 0);
    staged.push({ request, committedVersion: seenVersion - earlierInTransaction, events, outbox });
    // Positions are final only at commit; until then they count on from what is committed.
    return {
      streamId: request.streamId,
      nextVersion: seenVersion + events.length,
      firstGlobalPosition: this.lastGlobalPosition + 1,
      lastGlobalPosition: this.lastGlobalPosition + events.length,
      transactionId: String(this.lastTransaction + 1),
      events,
    };
  }

  private commit(staged: readonly Staged[]): void {
    // All or nothing: check every stream before writing any.
    for (const { request, committedVersion } of staged) {
      const now = this.committed(request.streamId).length;
      if (now !== committedVersion) throw new WrongExpectedVersionError(request.streamId, committedVersion, now);
    }
    if (staged.length === 0) return;
    const transactionId = String((this.lastTransaction += 1));
    for (const { request, events, outbox } of staged) {
      const stream = this.streams.get(request.streamId) ?? [];
      for (const event of events) {
        this.lastGlobalPosition += 1;
        stream.push({ ...event, globalPosition: this.lastGlobalPosition, transactionId, streamPosition: stream.length + 1 });
      }
      this.streams.set(request.streamId, stream);
      this.outbox.push(...outbox);
    }
  }

  private asRecorded<E extends DomainEvent>(event: PendingEvent<E>, streamPosition: number): RecordedEvent<E> {
    const recorded = event as Partial<RecordedEvent<E>>;
    return { ...event, globalPosition: recorded.globalPosition ?? 0, transactionId: recorded.transactionId ?? '', streamPosition };
  }
}

function checkExpected(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (expected === 'any') return;
  const wanted = expected === 'no_stream' ? 0 : expected;
  if (wanted !== actual) throw new WrongExpectedVersionError(streamId, expected, actual);
}
