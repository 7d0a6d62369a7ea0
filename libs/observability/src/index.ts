export { initTracing, spanProcessorsFromEnv, tracingServiceName } from './tracing/init-tracing';
export type { TracingHandle, TracingOptions } from './tracing/init-tracing';
export { SpanKind, contextFromTraceparent, currentTraceparent, tracer, withSpan } from './tracing/trace-context';
export type { Span, WithSpanOptions } from './tracing/trace-context';
export { JsonLinesFileSpanExporter, readSpanRecords, toSpanRecord } from './tracing/json-lines-file.span-exporter';
export type { SpanRecord } from './tracing/json-lines-file.span-exporter';
export {
  APPEND_DURATION_BUCKETS,
  CONSUMER_OUTCOMES,
  METRICS_CONTENT_TYPE,
  MetricValueError,
  initMetrics,
  metricsRegistry,
  platformMetrics,
  renderMetrics,
} from './metrics/platform-metrics';
export type { ConsumerOutcome, OutboxBacklog } from './metrics/platform-metrics';
export { JsonLogger, parseLogLevel } from './logging/json-logger';
export type { JsonLogLevel, JsonLoggerOptions, LogSink } from './logging/json-logger';
