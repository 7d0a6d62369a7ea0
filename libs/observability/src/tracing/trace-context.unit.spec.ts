import { ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { initTracing, type TracingHandle } from './init-tracing';
import { SpanKind, contextFromTraceparent, currentTraceparent, tracer, withSpan } from './trace-context';

// The example header from the W3C Trace Context recommendation, section 3.2.
const W3C_EXAMPLE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const TRACEPARENT_SHAPE = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

describe('trace context helpers', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: TracingHandle;

  beforeAll(() => {
    tracing = initTracing({ serviceName: 'trace-context-spec', exporter });
  });
  afterEach(() => exporter.reset());
  afterAll(() => tracing.shutdown());

  describe('currentTraceparent', () => {
    it('is undefined when no span is active', () => {
      expect(currentTraceparent()).toBeUndefined();
    });

    it('is the W3C header of the active span', async () => {
      let seen: { header: string | undefined; traceId: string; spanId: string } | undefined;
      await withSpan('outer', { kind: SpanKind.INTERNAL }, (span) => {
        seen = { header: currentTraceparent(), ...span.spanContext() };
      });
      expect(seen?.header).toMatch(TRACEPARENT_SHAPE);
      expect(seen?.header).toBe(`00-${seen?.traceId}-${seen?.spanId}-01`);
    });
  });

  describe('contextFromTraceparent', () => {
    it('yields a remote parent carrying the ids of the header', () => {
      const parent = trace.getSpanContext(contextFromTraceparent(W3C_EXAMPLE));
      expect(parent).toEqual(
        expect.objectContaining({
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
          spanId: '00f067aa0ba902b7',
          traceFlags: 1,
          isRemote: true,
        }),
      );
    });

    it.each([
      ['undefined', undefined],
      ['an empty string', ''],
      ['garbage', 'not-a-traceparent'],
      ['an all-zero trace id (invalid per W3C)', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
      ['an all-zero span id (invalid per W3C)', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
      ['the forbidden version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
      ['upper-case hex (W3C requires lower case)', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01'],
    ])('yields the root context for %s, so the work starts a new trace', (_label, header) => {
      const extracted = contextFromTraceparent(header);
      expect(extracted).toBe(ROOT_CONTEXT);
      expect(trace.getSpanContext(extracted)).toBeUndefined();
    });
  });

  describe('withSpan', () => {
    it('returns what fn returns and exports one ended span with the kind and attributes given', async () => {
      const result = await withSpan('event-store.append', { kind: SpanKind.CLIENT, attributes: { 'dw.stream_type': 'receipt' } }, async () => 42);
      expect(result).toBe(42);
      const [span, ...others] = exporter.getFinishedSpans();
      expect(others).toHaveLength(0);
      expect(span.name).toBe('event-store.append');
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.attributes).toEqual({ 'dw.stream_type': 'receipt' });
      expect(span.ended).toBe(true);
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
    });

    it('continues the trace named by parentTraceparent, even inside another active span', async () => {
      await withSpan('unrelated', { kind: SpanKind.INTERNAL }, () =>
        withSpan('kafka.consume', { kind: SpanKind.CONSUMER, parentTraceparent: W3C_EXAMPLE }, () => undefined),
      );
      const consume = exporter.getFinishedSpans().find((s) => s.name === 'kafka.consume');
      expect(consume?.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(consume?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
      expect(consume?.kind).toBe(SpanKind.CONSUMER);
    });

    it('starts a new trace when parentTraceparent is malformed rather than failing the work', async () => {
      const result = await withSpan('kafka.consume', { kind: SpanKind.CONSUMER, parentTraceparent: 'junk' }, () => 'handled');
      expect(result).toBe('handled');
      const [span] = exporter.getFinishedSpans();
      expect(span.parentSpanContext).toBeUndefined();
      expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    });

    it('nests under the active span, and the active span survives awaits inside fn', async () => {
      let outerIds: { traceId: string; spanId: string } | undefined;
      let headerAfterAwait: string | undefined;
      await withSpan('http.request', { kind: SpanKind.SERVER }, async (outer) => {
        outerIds = outer.spanContext();
        await new Promise<void>((resolve) => setImmediate(resolve));
        headerAfterAwait = currentTraceparent();
        await withSpan('event-store.append', { kind: SpanKind.INTERNAL }, () => undefined);
      });
      expect(headerAfterAwait).toBe(`00-${outerIds?.traceId}-${outerIds?.spanId}-01`);
      const inner = exporter.getFinishedSpans().find((s) => s.name === 'event-store.append');
      expect(inner?.spanContext().traceId).toBe(outerIds?.traceId);
      expect(inner?.parentSpanContext?.spanId).toBe(outerIds?.spanId);
      expect(currentTraceparent()).toBeUndefined();
    });

    it('records a rejection on the span, marks it ERROR, ends it and rethrows the same error', async () => {
      const failure = new Error('stream version conflict');
      await expect(
        withSpan('event-store.append', { kind: SpanKind.INTERNAL }, async () => {
          throw failure;
        }),
      ).rejects.toBe(failure);
      const [span] = exporter.getFinishedSpans();
      expect(span.ended).toBe(true);
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'stream version conflict' });
      const exception = span.events.find((e) => e.name === 'exception');
      expect(exception?.attributes).toEqual(expect.objectContaining({ 'exception.type': 'Error', 'exception.message': 'stream version conflict' }));
    });

    it('records a synchronous throw of a non-Error value too', async () => {
      await expect(
        withSpan('relay.publish', { kind: SpanKind.PRODUCER }, () => {
          throw 'broker unavailable';
        }),
      ).rejects.toBe('broker unavailable');
      const [span] = exporter.getFinishedSpans();
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'broker unavailable' });
      expect(span.events.map((e) => e.name)).toEqual(['exception']);
    });
  });

  it('tracer() is named after the service', () => {
    const span = tracer().startSpan('probe');
    span.end();
    expect(exporter.getFinishedSpans()[0].instrumentationScope.name).toBe('trace-context-spec');
  });
});
