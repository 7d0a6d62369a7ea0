import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { initTracing, spanProcessorsFromEnv, tracingServiceName } from './init-tracing';
import { SpanKind, currentTraceparent, withSpan } from './trace-context';

const EXPORTER_ENV = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_TRACES_FILE'];

describe('initTracing', () => {
  const savedEnv = Object.fromEntries(EXPORTER_ENV.map((name) => [name, process.env[name]]));
  beforeEach(() => EXPORTER_ENV.forEach((name) => delete process.env[name]));
  afterEach(() => {
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('exports finished spans with the service name on their resource', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = initTracing({ serviceName: 'receipt', exporter });
    try {
      await withSpan('probe', { kind: SpanKind.INTERNAL }, () => undefined);
      const [span] = exporter.getFinishedSpans();
      expect(span.name).toBe('probe');
      expect(span.resource.attributes['service.name']).toBe('receipt');
      expect(tracingServiceName()).toBe('receipt');
    } finally {
      await tracing.shutdown();
    }
  });

  it('is idempotent: a second call returns the first handle and does not replace its exporter', async () => {
    const first = new InMemorySpanExporter();
    const second = new InMemorySpanExporter();
    const tracing = initTracing({ serviceName: 'order', exporter: first });
    try {
      expect(initTracing({ serviceName: 'order', exporter: second })).toBe(tracing);
      await withSpan('probe', { kind: SpanKind.INTERNAL }, () => undefined);
      expect(first.getFinishedSpans()).toHaveLength(1);
      expect(second.getFinishedSpans()).toHaveLength(0);
    } finally {
      await tracing.shutdown();
    }
  });

  it('shutdown unregisters the globals and lets tracing start again', async () => {
    const before = new InMemorySpanExporter();
    const tracing = initTracing({ serviceName: 'billing', exporter: before });
    await tracing.shutdown();
    await tracing.shutdown(); // a second shutdown is harmless
    expect(tracingServiceName()).toBeUndefined();

    const after = new InMemorySpanExporter();
    const again = initTracing({ serviceName: 'billing', exporter: after });
    try {
      expect(again).not.toBe(tracing);
      await withSpan('probe', { kind: SpanKind.INTERNAL }, () => undefined);
      expect(after.getFinishedSpans()).toHaveLength(1);
      expect(before.getFinishedSpans()).toHaveLength(0);
    } finally {
      await again.shutdown();
    }
  });

  it('without any exporter still creates spans, so context propagates through nested work', async () => {
    const tracing = initTracing({ serviceName: 'gate' });
    try {
      let outer: string | undefined;
      let inner: string | undefined;
      await withSpan('outer', { kind: SpanKind.SERVER }, async () => {
        outer = currentTraceparent();
        await withSpan('inner', { kind: SpanKind.INTERNAL }, async () => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          inner = currentTraceparent();
        });
      });
      const [, outerTrace, outerSpan] = (outer ?? '').split('-');
      const [, innerTrace, innerSpan] = (inner ?? '').split('-');
      expect(outerTrace).toMatch(/^[0-9a-f]{32}$/);
      expect(innerTrace).toBe(outerTrace);
      expect(innerSpan).toMatch(/^[0-9a-f]{16}$/);
      expect(innerSpan).not.toBe(outerSpan);
    } finally {
      await tracing.shutdown();
    }
  });

  it.each([
    ['an empty string', ''],
    ['blanks', '   '],
  ])('refuses %s as the service name', (_label, serviceName) => {
    expect(() => initTracing({ serviceName })).toThrow('initTracing: serviceName must be a non-empty string');
    expect(tracingServiceName()).toBeUndefined();
  });
});

describe('spanProcessorsFromEnv', () => {
  it('chooses no exporter when none is configured', () => {
    expect(spanProcessorsFromEnv({})).toEqual([]);
  });

  it('treats blank values as unset', () => {
    expect(spanProcessorsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ', OTEL_TRACES_FILE: '' })).toEqual([]);
  });

  it('chooses one processor per configured destination, both when both are set', () => {
    expect(spanProcessorsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toHaveLength(1);
    expect(spanProcessorsFromEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' })).toHaveLength(1);
    expect(spanProcessorsFromEnv({ OTEL_TRACES_FILE: '/tmp/spans.jsonl' })).toHaveLength(1);
    expect(spanProcessorsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_TRACES_FILE: '/tmp/spans.jsonl' })).toHaveLength(2);
  });
});
