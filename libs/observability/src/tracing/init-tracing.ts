import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { JsonLinesFileSpanExporter } from './json-lines-file.span-exporter';

export interface TracingOptions {
  serviceName: string;
  /**
   * Replaces the exporters chosen from the environment (tests pass an InMemorySpanExporter).
   * It is fed span by span, so what a test reads is there as soon as the span ends.
   */
  exporter?: SpanExporter;
}

export interface TracingHandle {
  readonly serviceName: string;
  /** Pushes every finished span out without stopping. */
  forceFlush(): Promise<void>;
  /** Flushes, stops the exporters and unregisters the globals, so tracing can be initialised again. */
  shutdown(): Promise<void>;
}

let active: TracingHandle | undefined;

/**
 * Sets up tracing for this process: a NodeTracerProvider, AsyncLocalStorage as the context manager
 * (so the active span follows awaits) and W3C trace-context as the propagator. Without any exporter
 * spans are still created and carry ids, so `traceparent` keeps flowing through events and Kafka.
 *
 * One process is one service: a second call returns the first handle unchanged (first call wins).
 */
export function initTracing(options: TracingOptions): TracingHandle {
  if (active) return active;
  const serviceName = options.serviceName.trim();
  if (serviceName === '') {
    throw new TypeError('initTracing: serviceName must be a non-empty string');
  }

  const processors = options.exporter ? [new SimpleSpanProcessor(options.exporter)] : spanProcessorsFromEnv(process.env);
  const provider = new NodeTracerProvider({
    // OTEL_RESOURCE_ATTRIBUTES (e.g. deployment.environment) is honoured; the code's name wins.
    resource: defaultResource()
      .merge(detectResources({ detectors: [envDetector] }))
      .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName })),
    spanProcessors: processors,
  });
  provider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new W3CTraceContextPropagator(),
  });

  const handle: TracingHandle = {
    serviceName,
    forceFlush: () => provider.forceFlush(),
    shutdown: async () => {
      if (active !== handle) return;
      active = undefined;
      try {
        await provider.shutdown();
      } finally {
        trace.disable();
        context.disable();
        propagation.disable();
      }
    },
  };
  active = handle;
  return handle;
}

/** The service name tracing was initialised with, if it has been. */
export function tracingServiceName(): string | undefined {
  return active?.serviceName;
}

/**
 * Exporters chosen from the environment; both may be set at once.
 * - OTEL_EXPORTER_OTLP_ENDPOINT (or the traces-only OTEL_EXPORTER_OTLP_TRACES_ENDPOINT): OTLP over
 *   HTTP, batched so the request path never waits on the collector. The exporter reads the URL,
 *   headers and timeout from the standard OTEL_EXPORTER_OTLP_* variables itself.
 * - OTEL_TRACES_FILE=<path>: JSON lines, span by span, so a test polling the file sees each span as
 *   soon as it ends instead of after a batch interval.
 */
export function spanProcessorsFromEnv(env: NodeJS.ProcessEnv): SpanProcessor[] {
  const processors: SpanProcessor[] = [];
  if (nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT) || nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) {
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  }
  const file = env.OTEL_TRACES_FILE;
  if (nonEmpty(file)) {
    processors.push(new SimpleSpanProcessor(new JsonLinesFileSpanExporter(file)));
  }
  return processors;
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
