import { HttpException } from '@nestjs/common';
import { isTransientInfrastructureError } from '@dw/event-store';
import { DomainError, type DomainErrorKind } from '@dw/kernel';
import { ProblemException } from './problem.exception';
import { problemTypeOf, titleOf, type ProblemDocument } from './problem';

export interface ProblemContext {
  /** The request path (with query), the RFC 9457 `instance`. */
  instance: string;
  traceId: string;
}

export interface ProblemAnswer {
  status: number;
  body: ProblemDocument;
  headers: Record<string, string>;
  /** True when the error was not a deliberate answer: it is logged and its message withheld. */
  unexpected: boolean;
}

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
};

/** Codes for Nest's own HttpExceptions (route not found, built-in pipes, ...), by status. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  410: 'GONE',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_CONTENT',
  428: 'PRECONDITION_REQUIRED',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** The event store's optimistic-concurrency error, recognised by code so this lib need not import it. */
const STREAM_VERSION_CONFLICT = 'STREAM_VERSION_CONFLICT';
/** The event store's "this event is already in the log": the command was applied before. */
const DUPLICATE_EVENT_ID = 'DUPLICATE_EVENT_ID';

/**
 * Maps anything thrown while serving a request to its problem+json answer. Pure, so the
 * exception filter and the idempotency interceptor (which stores refusals to replay them)
 * produce byte-for-byte the same answer.
 */
export function toProblem(error: unknown, context: ProblemContext): ProblemAnswer {
  if (error instanceof ProblemException) {
    const { field, details, errors, headers = {} } = error.extras;
    return deliberate(error.getStatus(), error.code, error.detail, context, { field, details, errors }, headers);
  }
  if (error instanceof DomainError) {
    const extras = { field: error.field, details: Object.keys(error.details).length > 0 ? error.details : undefined };
    return deliberate(STATUS_BY_KIND[error.kind], error.code, error.message, context, extras);
  }
  if (isStreamVersionConflict(error)) {
    return deliberate(409, STREAM_VERSION_CONFLICT, 'the resource was changed by someone else; read it again and retry', context, {
      details: { expectedVersion: error.expectedVersion, actualVersion: error.actualVersion },
    });
  }
  if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_EVENT_ID) {
    return deliberate(409, DUPLICATE_EVENT_ID, 'this change was already applied', context);
  }
  if (isTransientInfrastructureError(error)) {
    // The database restarting, failing over or out of connections: the same request will work
    // shortly. Logged as unexpected (ops must see it), answered as 503 with Retry-After.
    return {
      ...deliberate(
        503,
        'DATABASE_UNAVAILABLE',
        'the database is unavailable for the moment; retry shortly (with the same Idempotency-Key where the operation takes one)',
        context,
        {},
        { 'Retry-After': '1' },
      ),
      unexpected: true,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status] ?? `HTTP_${status}`;
    if (status >= 500) return unexpected(status, code, context);
    return deliberate(status, code, messageOf(error), context);
  }
  return unexpected(500, 'INTERNAL', context);
}

function deliberate(
  status: number,
  code: string,
  detail: string,
  context: ProblemContext,
  extras: Pick<ProblemDocument, 'field' | 'details' | 'errors'> = {},
  headers: Record<string, string> = {},
): ProblemAnswer {
  const body: ProblemDocument = {
    type: problemTypeOf(code),
    title: titleOf(code),
    status,
    detail,
    instance: context.instance,
    code,
    ...(extras.field !== undefined ? { field: extras.field } : {}),
    ...(extras.details !== undefined ? { details: extras.details } : {}),
    ...(extras.errors !== undefined ? { errors: extras.errors } : {}),
    traceId: context.traceId,
  };
  return { status, body, headers, unexpected: false };
}

function unexpected(status: number, code: string, context: ProblemContext): ProblemAnswer {
  const detail = `the server could not complete the request; quote trace id ${context.traceId} when reporting it`;
  return { ...deliberate(status, code, detail, context), unexpected: true };
}

interface StreamVersionConflictLike {
  code: string;
  expectedVersion?: unknown;
  actualVersion?: unknown;
}

function isStreamVersionConflict(error: unknown): error is StreamVersionConflictLike {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === STREAM_VERSION_CONFLICT;
}

/** Nest's exceptions carry either a string or `{ message: string | string[] }`. */
function messageOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : error.message;
}
