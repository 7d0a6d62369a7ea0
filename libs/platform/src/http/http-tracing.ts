import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';

const tracer = trace.getTracer('dw-http');

/**
 * A SERVER span per HTTP request, child of the caller's W3C `traceparent` when there is one.
 * Everything the request does (the append, whose events keep the traceparent in their
 * metadata and outbox headers) runs inside it, so one trace follows a command from HTTP
 * through the relay and Kafka to the consumers in other services. Installed first.
 */
export function installHttpTracing(app: INestApplication): void {
  (app as NestExpressApplication).use((request: IncomingMessage & { path?: string; route?: { path?: string } }, response: ServerResponse, next: () => void) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(
      `${request.method} ${request.path ?? request.url}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method ?? '', 'url.path': request.path ?? request.url ?? '' } },
      parent,
    );
    response.on('finish', () => {
      if (request.route?.path) span.updateName(`${request.method} ${request.route.path}`);
      span.setAttribute('http.response.status_code', response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  });
}
