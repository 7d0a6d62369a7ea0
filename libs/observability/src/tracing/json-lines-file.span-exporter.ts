import { appendFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { types } from 'node:util';
import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { ExportResultCode, hrTimeToTimeStamp, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** One line of the file: a finished span, flattened so a test (or `jq`) can read it without the SDK. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: keyof typeof SpanKind;
  serviceName: string;
  /** ISO-8601 UTC with nanosecond digits, as the SDK measured them. */
  startTime: string;
  endTime: string;
  attributes: Attributes;
  status: { code: keyof typeof SpanStatusCode; message?: string };
  events: { name: string; time: string; attributes?: Attributes }[];
}

/**
 * Appends one JSON object per finished span to a file. Several processes may share one file: each
 * export is a single append (O_APPEND), so lines from different processes never interleave, which
 * is what lets a cross-process test prove that one trace id spans both sides of Kafka.
 */
export class JsonLinesFileSpanExporter implements SpanExporter {
  // Writes are chained so lines land in the order spans ended and flush/shutdown can wait for them.
  private pending: Promise<void> = Promise.resolve();
  private directoryReady: Promise<unknown> | undefined;
  private stopped = false;

  constructor(readonly path: string) {
    if (path.trim() === '') {
      throw new TypeError('JsonLinesFileSpanExporter: path must be a non-empty file path');
    }
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error('JsonLinesFileSpanExporter is shut down') });
      return;
    }
    const text = spans.map((span) => `${JSON.stringify(toSpanRecord(span))}\n`).join('');
    this.directoryReady ??= mkdir(dirname(this.path), { recursive: true });
    const write = this.pending.then(async () => {
      await this.directoryReady;
      await appendFile(this.path, text, { encoding: 'utf8', flag: 'a' });
    });
    this.pending = write.catch(() => undefined);
    write.then(
      () => resultCallback({ code: ExportResultCode.SUCCESS }),
      (error: unknown) => resultCallback({ code: ExportResultCode.FAILED, error: types.isNativeError(error) ? error : new Error(String(error)) }),
    );
  }

  forceFlush(): Promise<void> {
    return this.pending;
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
    await this.pending;
  }
}

export function toSpanRecord(span: ReadableSpan): SpanRecord {
  const context = span.spanContext();
  const record: SpanRecord = {
    traceId: context.traceId,
    spanId: context.spanId,
    name: span.name,
    kind: SpanKind[span.kind] as keyof typeof SpanKind,
    serviceName: String(span.resource.attributes[ATTR_SERVICE_NAME] ?? ''),
    startTime: hrTimeToTimeStamp(span.startTime),
    endTime: hrTimeToTimeStamp(span.endTime),
    attributes: span.attributes,
    status: { code: SpanStatusCode[span.status.code] as keyof typeof SpanStatusCode },
    events: span.events.map((event) => ({
      name: event.name,
      time: hrTimeToTimeStamp(event.time),
      ...(event.attributes ? { attributes: event.attributes } : {}),
    })),
  };
  if (span.parentSpanContext) record.parentSpanId = span.parentSpanContext.spanId;
  if (span.status.message) record.status.message = span.status.message;
  return record;
}

/**
 * Reads the spans written so far. An absent file means none yet (the writer creates it lazily), and
 * a last line without its newline is a write still in progress in another process, so it waits.
 */
export function readSpanRecords(path: string): SpanRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SpanRecord);
}
