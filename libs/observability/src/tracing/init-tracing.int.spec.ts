import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initTracing } from './init-tracing';
import { SpanKind, withSpan } from './trace-context';

interface ReceivedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

// A real HTTP endpoint standing where an OpenTelemetry collector would: the exporter under test
// is the real OTLP/HTTP one, talking over a socket.
describe('initTracing with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  const received: ReceivedRequest[] = [];
  let server: Server;
  let saved: string | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    saved = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (saved === undefined) delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    else process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved;
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it('batches spans to <endpoint>/v1/traces and shutdown flushes what is still queued', async () => {
    const tracing = initTracing({ serviceName: 'inventory' });
    let traceId = '';
    await withSpan('outbox.relay', { kind: SpanKind.PRODUCER, attributes: { 'messaging.destination.name': 'inventory.lot.v1' } }, (span) => {
      traceId = span.spanContext().traceId;
    });
    // The batch processor waits up to 5 s before sending on its own; shutdown must not wait for it.
    expect(received).toHaveLength(0);
    await tracing.shutdown();

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/traces');
    expect(request.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(request.body) as OtlpJsonPayload;
    const [resourceSpans] = payload.resourceSpans;
    expect(resourceSpans.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'inventory' } });
    const [span] = resourceSpans.scopeSpans[0].spans;
    expect(span.name).toBe('outbox.relay');
    expect(span.traceId).toBe(traceId);
    expect(span.attributes).toContainEqual({ key: 'messaging.destination.name', value: { stringValue: 'inventory.lot.v1' } });
  });
});

/** The parts of the OTLP/JSON trace payload this test reads. */
interface OtlpJsonPayload {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { name: string; traceId: string; attributes: { key: string; value: { stringValue?: string } }[] }[] }[];
  }[];
}
