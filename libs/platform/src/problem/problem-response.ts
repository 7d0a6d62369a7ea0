import type { ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument } from './problem';
import type { EdgeRequest } from '../http/edge-request';
import { traceIdOf } from './trace-id';
import type { ProblemContext } from './error-to-problem';

export function problemContextOf(request: EdgeRequest): ProblemContext {
  request.traceId ??= traceIdOf(request.headers);
  return { instance: request.originalUrl ?? request.url ?? '', traceId: request.traceId };
}

export function writeProblem(response: ServerResponse, status: number, body: ProblemDocument, headers: Record<string, string> = {}): void {
  response.statusCode = status;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  response.end(JSON.stringify(body));
}
