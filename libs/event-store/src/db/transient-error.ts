/**
 * Whether a handler's failure is the infrastructure's (the database restarting or failing over,
 * the pool exhausted, a lock or serialization conflict, a version conflict with a concurrent
 * writer) rather than the message's. Such a failure says nothing about the message: retrying
 * it later succeeds, so it is retried without limit while the partition waits, never
 * dead-lettered (that would skip a saga step, or apply an aggregate's later events without
 * its earlier ones). Anything else is the message's, and is dead-lettered after bounded retries.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  const { code, name, message } = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  if (name === 'WrongExpectedVersionError') return true;
  if (typeof code === 'string') {
    if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SQLSTATE_CLASSES.some((prefix) => code.startsWith(prefix))) return true;
    if (TRANSIENT_SOCKET_CODES.has(code)) return true;
  }
  return typeof message === 'string' && TRANSIENT_DRIVER_MESSAGES.some((pattern) => pattern.test(message));
}

/** 40001 serialization failure, 40P01 deadlock, 55P03 lock not available. */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03']);
/** 08 connection exception, 53 insufficient resources, 57P0x the server shutting down, crashed, starting or terminated by an operator. */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '57P0'];
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** What node-postgres and pg-pool say when the connection is lost or none can be had. */
const TRANSIENT_DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
];
