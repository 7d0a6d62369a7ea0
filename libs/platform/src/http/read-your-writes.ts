import { Inject, Injectable, Optional, type CallHandler, type ExecutionContext, type INestApplication, type NestInterceptor } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { from, mergeMap, type Observable } from 'rxjs';
import { compareLogPositions, formatLogPosition, observeCommittedWrites, parseLogPosition, type LogPosition } from '@dw/event-store';
import { ProjectionRunner } from '@dw/projections';
import { BaseServiceConfig } from '../config/base-service.config';
import { ProblemException } from '../problem/problem.exception';
import { headerOf } from './edge-request';

/** Set on every answer to a request that committed events: the position of the last one. */
export const LOG_POSITION_HEADER = 'X-Log-Position';
/** Sent by a client that wants an answer reflecting at least that position of this service's log. */
export const MIN_LOG_POSITION_HEADER = 'X-Min-Log-Position';

/**
 * Runs each request so that the events it commits set `X-Log-Position` on its answer as soon as
 * they commit, before the body is written, so a replayed idempotent answer carries it too.
 * Installed before Nest's pipeline, so guards, handlers and interceptors all run inside it.
 */
export function installLogPositionHeader(app: INestApplication): void {
  (app as NestExpressApplication).use((_request: IncomingMessage, response: ServerResponse, next: () => void) => {
    let last: LogPosition | undefined;
    observeCommittedWrites((written) => {
      if (last !== undefined && compareLogPositions(written, last) <= 0) return;
      last = written;
      if (!response.headersSent) response.setHeader(LOG_POSITION_HEADER, formatLogPosition(written));
    }, next);
  });
}

/**
 * Read-your-writes: a request carrying `X-Min-Log-Position` is answered only once every read
 * model of the service has applied the log up to that position, or refused with 503
 * READ_MODEL_BEHIND (Retry-After) after READ_YOUR_WRITES_TIMEOUT_MS. Without the header a
 * request is answered from the read models as they are (eventually consistent).
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(BaseServiceConfig) private readonly config: BaseServiceConfig,
    @Optional() private readonly projections?: ProjectionRunner,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const token = headerOf(context.switchToHttp().getRequest<IncomingMessage>(), MIN_LOG_POSITION_HEADER);
    if (token === undefined) return next.handle();
    const position = parseLogPosition(token.trim());
    if (!position) {
      throw new ProblemException(400, 'LOG_POSITION_INVALID', `${MIN_LOG_POSITION_HEADER} must be a position this service returned in ${LOG_POSITION_HEADER}`, {
        field: MIN_LOG_POSITION_HEADER,
      });
    }
    const projections = this.projections;
    if (!projections) return next.handle();
    const timeoutMs = this.config.READ_YOUR_WRITES_TIMEOUT_MS;
    return from(projections.waitUntilApplied(position, timeoutMs)).pipe(
      mergeMap((behind) => {
        if (behind.length > 0) {
          throw new ProblemException(503, 'READ_MODEL_BEHIND', `the read models have not applied log position ${token.trim()} within ${timeoutMs} ms`, {
            field: MIN_LOG_POSITION_HEADER,
            details: { behind },
            headers: { 'Retry-After': '1' },
          });
        }
        return next.handle();
      }),
    );
  }
}
