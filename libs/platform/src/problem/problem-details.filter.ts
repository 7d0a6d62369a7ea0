import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { throwError, type Observable } from 'rxjs';
import type { EdgeRequest } from '../http/edge-request';
import { toProblem } from './error-to-problem';
import { problemContextOf, writeProblem } from './problem-response';

/**
 * Global filter: every error an HTTP request ends in leaves as problem+json. Errors that were
 * not deliberate answers are logged with their stack and trace id, and answered without
 * their message, so internals (SQL, paths, hosts) never reach the caller.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // Kafka handlers (hybrid app) deal with their own failures (retries, dead letters): the
    // error goes back to them untouched, as an Observable error as RPC filters must return.
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const request = http.getRequest<EdgeRequest>();
    const response = http.getResponse<ServerResponse>();
    const answer = toProblem(exception, problemContextOf(request));
    if (answer.unexpected) {
      const stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error(`${request.method} ${answer.body.instance} failed (traceId ${answer.body.traceId})`, stack);
    }
    if (response.headersSent) {
      // Part of a body is already out: the only honest signal left is a broken connection.
      response.destroy();
      return;
    }
    writeProblem(response, answer.status, answer.body, answer.headers);
  }
}
