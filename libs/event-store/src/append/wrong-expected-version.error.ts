/**
 * Optimistic-concurrency conflict: someone appended to the stream since the caller read it.
 * The HTTP layer maps `code` to 409; commands that commute may retry a bounded number of times.
 */
export class WrongExpectedVersionError extends Error {
  readonly code = 'STREAM_VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'any' | 'no_stream',
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, expected ${String(expectedVersion)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** SQLSTATE raised by append_to_stream on a version mismatch (see the schema migration). */
export const WRONG_EXPECTED_VERSION_SQLSTATE = 'DW409';

/**
 * An event id that is already in the log: a retried command that set its event ids in advance
 * (see NewEvent.eventId) has already been applied. Not a version conflict: re-reading and
 * retrying would not help, and the caller should treat the command as done.
 */
export class DuplicateEventIdError extends Error {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly streamId: string,
    readonly detail: string,
  ) {
    super(`an event appended to ${streamId} is already in the log (${detail})`);
    this.name = 'DuplicateEventIdError';
  }
}
