import type { INestApplication } from '@nestjs/common';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemTypeOf, titleOf } from '../problem/problem';

/** Node's parser errors (llhttp codes) that are the client's fault, with the answer each gets. */
const PARSER_REFUSALS: Readonly<Record<string, { status: number; code: string; detail: string }>> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'HEADERS_TOO_LARGE', detail: 'the request headers are larger than the server accepts (16 KiB in all)' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', detail: 'the request was not received in time' },
};
const MALFORMED = { status: 400, code: 'MALFORMED_REQUEST', detail: 'the request is not valid HTTP/1.1' };

/**
 * Requests Node refuses before Express sees them (headers over the limit, a request that is not
 * HTTP) get a problem+json answer like every other refusal, instead of Node's bare status line.
 * A socket that is already gone is only closed.
 */
export function installClientErrorProblems(app: INestApplication): void {
  (app.getHttpServer() as Server).on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, code, detail } = PARSER_REFUSALS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ type: problemTypeOf(code), title: titleOf(code), status, detail, instance: '', code, traceId: '' });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
