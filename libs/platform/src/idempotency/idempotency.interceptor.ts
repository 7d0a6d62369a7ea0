import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, mergeMap, type Observable } from 'rxjs';
import { compareLogPositions, formatLogPosition, observeAppends, type CommittedWrite, type LogPosition, type PublishedMessageRef } from '@dw/event-store';
import { headerOf, type EdgeRequest } from '../http/edge-request';
import { formatPublishedMessages, PUBLISHED_MESSAGES_HEADER } from '../http/published-messages';
import { toProblem } from '../problem/error-to-problem';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { ProblemException } from '../problem/problem.exception';
import { problemContextOf } from '../problem/problem-response';
import { IdempotencyStore, type Claim, type StoredAnswer } from './idempotency.store';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
/** Route metadata set by @Idempotent(): a request without a key is refused. */
export const IDEMPOTENCY_KEY_REQUIRED = 'dw:idempotency-key-required';

const KEY = /^[\x21-\x7e]{1,255}$/;
/** Headers a handler sets that belong to its answer and so are replayed with it. */
const LOG_POSITION_HEADER_NAME = 'x-log-position';
const PUBLISHED_MESSAGES_HEADER_NAME = PUBLISHED_MESSAGES_HEADER.toLowerCase();
const REPLAYED_HEADERS = ['location', 'etag', LOG_POSITION_HEADER_NAME, PUBLISHED_MESSAGES_HEADER_NAME];
/**
 * Which answers are final, kept under the key and replayed to a retry:
 * - a success (2xx);
 * - a refusal of the request itself, which the same request meets every time: 422 (its values
 *   break a rule: a weight out of tolerance, a date past the calendar) and 403 (the caller may
 *   not do it).
 * Every other answer leaves the key free, because the same request may succeed later:
 * - 400: the request never ran (malformed, invalid fields);
 * - 404 and 409: it depends on a state that changes (the lot not opened yet, the step not yet
 *   authorised (STEP_OUT_OF_ORDER), a concurrent writer first);
 * - 5xx and 503: the server could not finish.
 */
const FINAL_REFUSALS = new Set([403, 422]);
/** Methods that change something; a key sent with a read is ignored (a read is safe to repeat). */
const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Global, on every mutating route of every service, people and integration alike: a request
 * that carries an Idempotency-Key is run at most once per caller and key. Same key + same
 * request = the first answer again; same key + another request = 422; while the first attempt
 * runs = 409. Answers are kept per caller (`principal.subject`) and include final refusals (see
 * FINAL_REFUSALS); any other answer rolls back and frees the key. Routes marked @Idempotent()
 * (the integration API) refuse a request without a key; elsewhere the key is the client's
 * choice, and a request without one simply runs.
 * Runs after the guards, so the caller is known; around pipes, so validation is inside.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<EdgeRequest>();
    const response = http.getResponse<ServerResponse>();
    if (!MUTATING_METHODS.has((request.method ?? '').toUpperCase())) return next.handle();
    const required = this.reflector.getAllAndOverride<boolean | undefined>(IDEMPOTENCY_KEY_REQUIRED, [context.getHandler(), context.getClass()]) === true;
    const key = headerOf(request, IDEMPOTENCY_KEY_HEADER);
    if (!required && key === undefined) return next.handle();
    if (key === undefined || key === '') {
      throw new ProblemException(400, 'IDEMPOTENCY_KEY_MISSING', `this operation needs an ${IDEMPOTENCY_KEY_HEADER} header`, {
        field: IDEMPOTENCY_KEY_HEADER,
      });
    }
    if (!KEY.test(key)) {
      throw new ProblemException(400, 'IDEMPOTENCY_KEY_INVALID', `${IDEMPOTENCY_KEY_HEADER} must be 1-255 visible ASCII characters`, {
        field: IDEMPOTENCY_KEY_HEADER,
      });
    }
    const caller = request.principal?.subject;
    if (caller === undefined) {
      // A @Public() route has no caller to keep answers for; marking one @Idempotent() is a bug.
      if (required) throw new Error('@Idempotent() routes must be authenticated');
      return next.handle();
    }
    return from(this.attempt(request, response, caller, key, next)).pipe(
      mergeMap((outcome) => {
        switch (outcome.kind) {
          case 'reused':
            throw new ProblemException(422, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with another request');
          case 'in_flight':
            throw new ProblemException(409, 'IDEMPOTENCY_IN_FLIGHT', 'the first request with this Idempotency-Key is still running', {
              headers: { 'Retry-After': '1' },
            });
          case 'replay':
            return [replay(response, outcome.answer)];
          case 'refused':
            throw outcome.error;
          case 'answered':
            return [outcome.body];
        }
      }),
    );
  }

  /**
   * One unit of work holds the key, runs the command (whose writes join it) and records the
   * answer, so the answer commits exactly when the command's events do: a crash after the commit
   * leaves the answer for the retry to replay; a crash before it leaves neither.
   */
  private attempt(request: EdgeRequest, response: ServerResponse, caller: string, key: string, next: CallHandler): Promise<Outcome> {
    const requestHash = requestHashOf(request);
    return this.store.inUnitOfWork(async (tx): Promise<Outcome> => {
      const claim = await this.store.claim(tx, caller, key, requestHash);
      if (claim.kind !== 'claimed') return claim;
      let lastWrite: LogPosition | undefined;
      const published: PublishedMessageRef[] = [];
      const noteWrite = (written: CommittedWrite) => {
        published.push(...written.messages);
        if (lastWrite === undefined || compareLogPositions(written, lastWrite) > 0) lastWrite = written;
      };
      try {
        // Each statement and transaction of the handler is a savepoint of this unit: what would
        // have committed on its own (a refused operation's audit record) commits with the answer.
        const body = await observeAppends(noteWrite, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
        const headers = replayedHeadersOf(response);
        // X-Log-Position and X-Published-Messages are set once the unit commits; the stored answer needs them now.
        if (lastWrite !== undefined) headers[LOG_POSITION_HEADER_NAME] = formatLogPosition(lastWrite);
        if (published.length > 0) headers[PUBLISHED_MESSAGES_HEADER_NAME] = formatPublishedMessages(published);
        await this.store.record(tx, caller, key, requestHash, claim.claimedAt, { status: response.statusCode, body, headers });
        return { kind: 'answered', body };
      } catch (error) {
        const answer = toProblem(error, problemContextOf(request));
        // The server failed: the whole unit rolls back, and the key is free for a retry.
        if (answer.status >= 500) throw error;
        // A refusal that may not hold later: what the handler recorded of it (a refused
        // operation's audit) commits, the key stays free.
        if (!FINAL_REFUSALS.has(answer.status)) return { kind: 'refused', error };
        await this.store.record(tx, caller, key, requestHash, claim.claimedAt, { status: answer.status, body: answer.body, headers: answer.headers });
        return { kind: 'refused', error };
      }
    });
  }
}

type Outcome = Exclude<Claim, { kind: 'claimed' }> | { kind: 'answered'; body: unknown } | { kind: 'refused'; error: unknown };

/** Method, path with query and the exact body bytes: a key names one request, not one body on any route. */
export function requestHashOf(request: EdgeRequest): string {
  return createHash('sha256')
    .update(`${request.method ?? ''}\n${request.originalUrl}\n`)
    .update(request.rawBody ?? Buffer.alloc(0))
    .digest('hex');
}

function replayedHeadersOf(response: ServerResponse): Record<string, string> {
  return Object.fromEntries(
    REPLAYED_HEADERS.flatMap((name) => {
      const value = response.getHeader(name);
      return value === undefined ? [] : [[name, String(value)]];
    }),
  );
}

function replay(response: ServerResponse, answer: StoredAnswer): unknown {
  response.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  if (answer.status >= 400) response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  // A stored `null` is the answer of a handler that returned nothing (e.g. 204).
  return answer.body ?? undefined;
}
