import type { Clock, DomainEvent, IdGenerator } from '@dw/kernel';
import type { Database, SqlClient } from '../db/database';
import { appendRowArrays } from './append-rows';
import { AppendRequest, AppendResult, ExpectedVersion, PendingEvent, RecordedEvent } from './event-types';
import { DuplicateEventIdError, WRONG_EXPECTED_VERSION_SQLSTATE, WrongExpectedVersionError } from './wrong-expected-version.error';
import { readStreamIn, streamVersionIn } from '../read/read-stream';
import { OutboxNotifier } from './outbox-notifier';
import { appendObserver, committedWriteObserver, type CommittedWrite } from './committed-writes';

export interface EventStoreOptions {
  clock: Clock;
  ids: IdGenerator;
  /** Called after each append with its duration; observability wires its histogram here. */
  onAppend?: (streamType: string, seconds: number) => void;
  /**
   * Called once an append's transaction has committed (never on rollback), i.e. when its events
   * are visible to the log's readers, whoever opened the transaction (`append`, `transaction`, an
   * inbox consumer's): the place to wake a projection runner (waking it from `onAppend`, before
   * the commit, lets it read a log that does not show the events yet).
   */
  onCommit?: () => void;
}

/** Appends and reads inside one open transaction, so several streams change atomically. */
export interface EventStoreTransaction {
  readonly sql: SqlClient;
  append<E extends DomainEvent>(request: AppendRequest<E>): Promise<AppendResult>;
  readStream<E extends DomainEvent>(streamId: string, fromPosition?: number): Promise<RecordedEvent<E>[]>;
  streamVersion(streamId: string): Promise<number>;
}

/**
 * What command handling needs of an event log: single appends and reads, and transactions over
 * several streams. `EventStore` is the PostgreSQL one; @dw/testing has one in memory, so
 * multi-stream handlers are unit-tested through the real handlers.
 */
export interface EventLog {
  append<E extends DomainEvent>(request: AppendRequest<E>): Promise<AppendResult>;
  readStream<E extends DomainEvent>(streamId: string, fromPosition?: number): Promise<RecordedEvent<E>[]>;
  streamVersion(streamId: string): Promise<number>;
  transaction<T>(work: (tx: EventStoreTransaction) => Promise<T>): Promise<T>;
}

/**
 * The service's event log in PostgreSQL. `append` is one round trip (the append_to_stream
 * function checks the version, chains hashes, inserts events and outbox rows); several
 * appends that must succeed together go through `transaction`.
 */
export class EventStore implements EventLog {
  private readonly notifier: OutboxNotifier;

  constructor(
    readonly db: Database,
    private readonly options: EventStoreOptions,
  ) {
    this.notifier = new OutboxNotifier(db);
  }

  append<E extends DomainEvent>(request: AppendRequest<E>): Promise<AppendResult> {
    return this.appendWith(this.db, request);
  }

  readStream<E extends DomainEvent>(streamId: string, fromPosition = 0): Promise<RecordedEvent<E>[]> {
    return readStreamIn<E>(this.db, streamId, fromPosition);
  }

  streamVersion(streamId: string): Promise<number> {
    return streamVersionIn(this.db, streamId);
  }

  transaction<T>(work: (tx: EventStoreTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction((sql) => work(this.bind(sql)));
  }

  /** The same operations over a transaction someone else opened (an inbox consumer's). */
  bind(sql: SqlClient): EventStoreTransaction {
    return {
      sql,
      append: (request) => this.appendWith(sql, request),
      readStream: (streamId, fromPosition = 0) => readStreamIn(sql, streamId, fromPosition),
      streamVersion: (streamId) => streamVersionIn(sql, streamId),
    };
  }

  private async appendWith<E extends DomainEvent>(sql: SqlClient, request: AppendRequest<E>): Promise<AppendResult> {
    if (request.events.length === 0) throw new RangeError(`append to ${request.streamId}: no events`);
    const started = process.hrtime.bigint();
    const recordedAt = this.options.clock.now();
    const pending: PendingEvent[] = request.events.map((event) => ({
      eventId: event.eventId ?? this.options.ids.next(),
      streamId: request.streamId,
      streamType: request.streamType,
      type: event.type,
      data: event.data,
      schemaVersion: event.schemaVersion ?? 1,
      metadata: request.metadata,
      recordedAt,
    }));
    const outbox = request.outbox ? request.outbox(pending) : [];

    let row: { next_version: string; first_global_position: string; last_global_position: string; transaction_id: string };
    try {
      const result = await sql.query<typeof row>(
        `SELECT * FROM append_to_stream($1, $2, $3, $4, $5::uuid[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[],
                                        $10::bytea[], $11::uuid[], $12::text[], $13::text[], $14::bytea[], $15::jsonb[])`,
        [request.streamId, request.streamType, expectedVersionParam(request.expectedVersion), recordedAt, ...appendRowArrays(pending, outbox)],
      );
      row = result.rows[0]!;
    } catch (error) {
      throw translateAppendError(error, request.streamId, request.expectedVersion);
    }
    this.options.onAppend?.(request.streamType, Number(process.hrtime.bigint() - started) / 1e9);
    if (outbox.length > 0) {
      if (sql.afterCommit) sql.afterCommit(() => this.notifier.poke());
      else this.notifier.poke();
    }
    const onCommit = this.options.onCommit;
    if (onCommit) {
      if (sql.afterCommit) sql.afterCommit(onCommit);
      else onCommit();
    }
    const written: CommittedWrite = {
      transactionId: row.transaction_id,
      globalPosition: Number(row.last_global_position),
      messages: outbox.map((m) => ({ topic: m.topic, messageId: m.messageId })),
    };
    appendObserver()?.(written);
    const observer = committedWriteObserver();
    if (observer) {
      if (sql.afterCommit) sql.afterCommit(() => observer(written));
      else observer(written);
    }
    return {
      streamId: request.streamId,
      nextVersion: Number(row.next_version),
      firstGlobalPosition: Number(row.first_global_position),
      lastGlobalPosition: Number(row.last_global_position),
      transactionId: row.transaction_id,
      events: pending,
    };
  }
}

function expectedVersionParam(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return 0;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`invalid expected version ${expected}`);
  return expected;
}

function translateAppendError(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  const pgError = error as { code?: string; detail?: string };
  if (pgError.code === WRONG_EXPECTED_VERSION_SQLSTATE) {
    const detail = JSON.parse(pgError.detail ?? '{}') as { actual?: number };
    return new WrongExpectedVersionError(streamId, expected, Number(detail.actual ?? 0));
  }
  // Two first appends to a new stream racing past ON CONFLICT cannot happen (the insert
  // waits on the other's key), but an event id (or outbox message id) reused by a retried
  // command lands here: the command was applied already.
  if (pgError.code === '23505') return new DuplicateEventIdError(streamId, pgError.detail ?? 'unique violation');
  return error;
}
