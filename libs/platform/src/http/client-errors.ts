import type { INestApplication } from '@nestjs/common';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { toProblem } from '../problem/error-to-problem';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { ProblemException } from '../problem/problem.exception';

/** The answer to one of Node's parser errors (llhttp codes), all of them the client's fault. */
function refusalOf(parserCode: string | undefined): ProblemException {
  switch (parserCode) {
    case 'HPE_HEADER_OVERFLOW':
      return new ProblemException(431, 'HEADERS_TOO_LARGE', 'the request headers are larger than the server accepts (16 KiB in all)');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new ProblemException(408, 'REQUEST_TIMEOUT', 'the request was not received in time');
    default:
      return new ProblemException(400, 'MALFORMED_REQUEST', 'the request is not valid HTTP/1.1');
  }
}

/**
 * Requests Node refuses before Express sees them (headers over the limit, a request that is not
 * HTTP) get a problem+json answer like every other refusal, instead of Node's bare status line.
 * A socket that is already gone is only closed.
 */
export function installClientErrorProblems(app: INestApplication): void {
  (app.getHttpServer() as Server).on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A response already under way on this socket would be corrupted by a second one (Node's own handler skips it too).
    const underWay = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (error.code === 'ECONNRESET' || !socket.writable || underWay) {
      socket.destroy();
      return;
    }
    // No request was parsed: no path to name as the instance, no trace to join.
    const { status, body: problem } = toProblem(refusalOf(error.code), { instance: '', traceId: '' });
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
