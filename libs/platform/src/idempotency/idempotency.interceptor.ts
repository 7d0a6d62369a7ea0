import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { headerOf, type EdgeRequest } from '../http/edge-request';
import { toProblem, type ProblemAnswer } from '../problem/error-to-problem';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { ProblemException } from '../problem/problem.exception';
import { problemContextOf } from '../problem/problem-response';
import { IdempotencyStore, type StoredAnswer } from './idempotency.store';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

const KEY = /^[\x21-\x7e]{1,255}$/;
/** Headers a handler sets that belong to its answer and so are replayed with it. */
const REPLAYED_HEADERS = ['location', 'etag', 'x-log-position'];
/**
 * Refusals that say the request never ran (its shape) or may succeed when repeated (a
 * concurrent writer got there first): they free the key instead of becoming its answer.
 */
const RETRYABLE_CODES = new Set(['VALIDATION_FAILED', 'STREAM_VERSION_CONFLICT']);

/**
 * Same key + same request = the first answer again; same key + another request = 422; while
 * the first attempt runs = 409. Answers are kept per caller (`principal.subject`) and include
 * refusals (a 404 or 422 is an answer); 5xx and retryable refusals release the key.
 * Runs after the guards, so the caller is known; around pipes, so validation is inside.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<EdgeRequest>();
    const response = http.getResponse<ServerResponse>();
    const key = headerOf(request, IDEMPOTENCY_KEY_HEADER);
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
    if (caller === undefined) throw new Error('@Idempotent() routes must be authenticated');
    const requestHash = requestHashOf(request);

    return from(this.store.claim(caller, key, requestHash)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'reused':
            throw new ProblemException(422, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with another request');
          case 'in_flight':
            throw new ProblemException(409, 'IDEMPOTENCY_IN_FLIGHT', 'the first request with this Idempotency-Key is still running', {
              headers: { 'Retry-After': '1' },
            });
          case 'replay':
            return [replay(response, claim.answer)];
          case 'claimed':
            return next.handle().pipe(
              mergeMap(async (body: unknown) => {
                await this.store.complete(caller, key, claim.claimedAt, { status: response.statusCode, body, headers: replayedHeadersOf(response) });
                return body;
              }),
              catchError(async (error: unknown) => {
                const answer = toProblem(error, problemContextOf(request));
                if (releasesKey(answer)) await this.store.release(caller, key, claim.claimedAt);
                else await this.store.complete(caller, key, claim.claimedAt, { status: answer.status, body: answer.body, headers: answer.headers });
                throw error;
              }),
            );
        }
      }),
    );
  }
}

/** Method, path with query and the exact body bytes: a key names one request, not one body on any route. */
export function requestHashOf(request: EdgeRequest): string {
  return createHash('sha256')
    .update(`${request.method ?? ''}\n${request.originalUrl}\n`)
    .update(request.rawBody ?? Buffer.alloc(0))
    .digest('hex');
}

function releasesKey(answer: ProblemAnswer): boolean {
  return answer.status >= 500 || RETRYABLE_CODES.has(answer.body.code);
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
