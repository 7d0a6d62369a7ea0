import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { BasicTracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { initTracing, type TracingHandle } from './init-tracing';
import { JsonLinesFileSpanExporter, readSpanRecords } from './json-lines-file.span-exporter';
import { SpanKind, currentTraceparent, withSpan } from './trace-context';

const run = promisify(execFile);
const CHILD = join(__dirname, 'fixtures', 'continue-trace.child-process.ts');

describe('JsonLinesFileSpanExporter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dw-spans-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('in one process', () => {
    let tracing: TracingHandle;
    let file: string;
    beforeEach(() => {
      // A directory that does not exist yet: the exporter creates it on the first write.
      file = join(dir, 'nested', 'spans.jsonl');
      tracing = initTracing({ serviceName: 'receipt', exporter: new JsonLinesFileSpanExporter(file) });
    });
    afterEach(() => tracing.shutdown());

    it('appends one JSON line per finished span with ids, parent, kind, service, times, attributes and status', async () => {
      let outerIds: { traceId: string; spanId: string } | undefined;
      await withSpan('http POST /receipts', { kind: SpanKind.SERVER }, async (outer) => {
        outerIds = outer.spanContext();
        await withSpan('event-store.append', { kind: SpanKind.INTERNAL, attributes: { 'dw.stream_type': 'receipt' } }, () => 1);
      });
      await tracing.forceFlush();

      const [inner, outer, ...rest] = readSpanRecords(file);
      expect(rest).toEqual([]);
      expect(outer).toEqual({
        traceId: outerIds?.traceId,
        spanId: outerIds?.spanId,
        name: 'http POST /receipts',
        kind: 'SERVER',
        serviceName: 'receipt',
        startTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/),
        endTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/),
        attributes: {},
        status: { code: 'UNSET' },
        events: [],
      });
      expect(outer.endTime >= outer.startTime).toBe(true);
      expect(inner).toEqual(
        expect.objectContaining({
          traceId: outerIds?.traceId,
          parentSpanId: outerIds?.spanId,
          name: 'event-store.append',
          kind: 'INTERNAL',
          attributes: { 'dw.stream_type': 'receipt' },
        }),
      );
    });

    it('writes the error status and the exception event of a failed span', async () => {
      await expect(
        withSpan('relay.publish', { kind: SpanKind.PRODUCER }, () => {
          throw new Error('broker down');
        }),
      ).rejects.toThrow('broker down');
      await tracing.forceFlush();

      const [span] = readSpanRecords(file);
      expect(span.status).toEqual({ code: 'ERROR', message: 'broker down' });
      expect(span.kind).toBe('PRODUCER');
      expect(span.events).toEqual([
        expect.objectContaining({
          name: 'exception',
          attributes: expect.objectContaining({ 'exception.message': 'broker down' }),
        }),
      ]);
    });
  });

  it('lets two processes write one file, so one trace id is seen on both sides', async () => {
    const file = join(dir, 'spans.jsonl');
    const saved = process.env.OTEL_TRACES_FILE;
    process.env.OTEL_TRACES_FILE = file;
    const tracing = initTracing({ serviceName: 'producer-process' });
    try {
      let published: string | undefined;
      await withSpan('relay.publish', { kind: SpanKind.PRODUCER }, async () => {
        published = currentTraceparent();
        await run(process.execPath, ['--require', '@swc-node/register', CHILD], {
          env: { ...process.env, OTEL_TRACES_FILE: file, PARENT_TRACEPARENT: published },
        });
      });
      await tracing.forceFlush();

      const records = readSpanRecords(file);
      const producer = records.find((r) => r.name === 'relay.publish');
      const consumer = records.find((r) => r.name === 'kafka.consume');
      expect(producer?.serviceName).toBe('producer-process');
      expect(consumer?.serviceName).toBe('consumer-process');
      expect(consumer?.attributes.pid).not.toBe(process.pid);
      expect(consumer?.traceId).toBe(producer?.traceId);
      expect(consumer?.parentSpanId).toBe(producer?.spanId);
      expect(published).toBe(`00-${producer?.traceId}-${producer?.spanId}-01`);
    } finally {
      await tracing.shutdown();
      if (saved === undefined) delete process.env.OTEL_TRACES_FILE;
      else process.env.OTEL_TRACES_FILE = saved;
    }
  });

  it('reports a failed write instead of losing it silently', async () => {
    const exporter = new JsonLinesFileSpanExporter(dir); // a directory cannot be appended to
    const result = await exportOneSpan(exporter);
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect((result.error as NodeJS.ErrnoException).code).toBe('EISDIR');
  });

  it('refuses to export after shutdown', async () => {
    const exporter = new JsonLinesFileSpanExporter(join(dir, 'spans.jsonl'));
    await exporter.shutdown();
    const result = await exportOneSpan(exporter);
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(result.error?.message).toBe('JsonLinesFileSpanExporter is shut down');
    expect(readSpanRecords(join(dir, 'spans.jsonl'))).toEqual([]);
  });

  it('refuses a blank path', () => {
    expect(() => new JsonLinesFileSpanExporter(' ')).toThrow('JsonLinesFileSpanExporter: path must be a non-empty file path');
  });

  describe('readSpanRecords', () => {
    it('reads an absent file as no spans yet', () => {
      expect(readSpanRecords(join(dir, 'missing.jsonl'))).toEqual([]);
    });

    it('leaves out a last line another process has not finished writing', () => {
      const file = join(dir, 'spans.jsonl');
      writeFileSync(file, '{"name":"complete"}\n{"name":"half-writ');
      expect(readSpanRecords(file)).toEqual([{ name: 'complete' }]);
    });
  });
});

/** Hands the exporter one real, finished SDK span and waits for its verdict. */
function exportOneSpan(exporter: JsonLinesFileSpanExporter): Promise<ExportResult> {
  const span = new BasicTracerProvider().getTracer('probe').startSpan('probe');
  span.end();
  // The SDK's span object is also its ReadableSpan; the API type just does not say so.
  return new Promise((resolve) => exporter.export([span as unknown as ReadableSpan], resolve));
}
