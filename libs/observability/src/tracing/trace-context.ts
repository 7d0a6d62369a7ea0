import { types } from 'node:util';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { TRACE_PARENT_HEADER, W3CTraceContextPropagator } from '@opentelemetry/core';
import { tracingServiceName } from './init-tracing';

// A private propagator, not the global one: the header written into event metadata and Kafka
// headers must be W3C trace-context whatever else a process registers globally (or before it has).
const w3c = new W3CTraceContextPropagator();

const FALLBACK_TRACER_NAME = '@dw/observability';

/** The tracer for this service; spans started before initTracing are non-recording no-ops. */
export function tracer(): Tracer {
  return trace.getTracer(tracingServiceName() ?? FALLBACK_TRACER_NAME);
}

/** The W3C `traceparent` of the active span, or undefined when no (valid) span is active. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  w3c.inject(context.active(), carrier, defaultTextMapSetter);
  return carrier[TRACE_PARENT_HEADER];
}

/**
 * A context whose parent is the remote span named by `traceparent`. A missing or malformed header
 * (a message from a producer that does not trace, a corrupted header) yields the root context, so
 * the work starts a new trace instead of failing: tracing must never stop a message being handled.
 */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  if (traceparent === undefined) return ROOT_CONTEXT;
  return w3c.extract(ROOT_CONTEXT, { [TRACE_PARENT_HEADER]: traceparent.trim() }, defaultTextMapGetter);
}

export interface WithSpanOptions {
  kind: SpanKind;
  /**
   * Continue the trace this header names (event metadata, a Kafka header) instead of the active
   * one. Undefined means the active context; a malformed header starts a new trace.
   */
  parentTraceparent?: string;
  attributes?: Attributes;
}

/**
 * Runs `fn` inside a new active span and ends it when fn settles. A thrown error (or rejection) is
 * recorded on the span, which is marked ERROR, and then rethrown unchanged.
 */
export async function withSpan<T>(name: string, options: WithSpanOptions, fn: (span: Span) => Promise<T> | T): Promise<T> {
  const parent = options.parentTraceparent !== undefined ? contextFromTraceparent(options.parentTraceparent) : context.active();
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    // isNativeError, not instanceof: errors from another realm (vm, jest sandboxes) are still errors.
    const native = types.isNativeError(error);
    span.recordException(native ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: native ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}

export { SpanKind };
export type { Span };
