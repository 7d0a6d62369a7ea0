import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The platform's Prometheus instruments. Metric and label names are a contract with dashboards and
 * alerts: rename only with them. Every value is checked before it reaches prom-client, because a
 * NaN or a negative lag would not fail anything, it would silently make an alert lie.
 */

/** `waited`: an attempt failed by the infrastructure's fault and will be retried without limit. */
export type ConsumerOutcome = 'applied' | 'duplicate' | 'retried' | 'waited' | 'dead_lettered' | 'parked';
export const CONSUMER_OUTCOMES: readonly ConsumerOutcome[] = ['applied', 'duplicate', 'retried', 'waited', 'dead_lettered', 'parked'];

/** 0.5 ms to 2.5 s in 1-2.5-5 steps: an append is one round trip; seconds mean lock contention. */
export const APPEND_DURATION_BUCKETS: readonly number[] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export class MetricValueError extends RangeError {
  override readonly name = 'MetricValueError';
  constructor(
    readonly code: 'metric.invalid_value' | 'metric.invalid_label',
    readonly metric: string,
    readonly field: string,
    reason: string,
  ) {
    super(`${metric}: ${field} ${reason}`);
  }
}

const registry = new Registry();
let metricsService: string | undefined;

/** The process's one registry; what `/metrics` renders. */
export function metricsRegistry(): Registry {
  return registry;
}

/**
 * Labels every series with `service` and starts the default process metrics (CPU, memory, event
 * loop lag, GC). One process is one service, so the first call wins and later ones are no-ops.
 */
export function initMetrics(options: { serviceName: string }): Registry {
  const serviceName = options.serviceName.trim();
  if (serviceName === '') {
    throw new MetricValueError('metric.invalid_label', 'initMetrics', 'serviceName', 'must be a non-empty string');
  }
  if (metricsService === undefined) {
    metricsService = serviceName;
    registry.setDefaultLabels({ service: serviceName });
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

/** The Prometheus text exposition of every metric in the registry. */
export function renderMetrics(): Promise<string> {
  return registry.metrics();
}

/** The Content-Type header for what renderMetrics returns. */
export const METRICS_CONTENT_TYPE: string = registry.contentType;

const appendDuration = new Histogram({
  name: 'dw_event_append_duration_seconds',
  help: 'Time to append events (with their outbox rows) to the event log, by stream type.',
  labelNames: ['stream_type'] as const,
  buckets: [...APPEND_DURATION_BUCKETS],
  registers: [registry],
});
const outboxPending = new Gauge({
  name: 'dw_outbox_pending_messages',
  help: 'Outbox rows not yet published to Kafka.',
  labelNames: ['schema'] as const,
  registers: [registry],
});
const outboxRelayLag = new Gauge({
  name: 'dw_outbox_relay_lag_seconds',
  help: 'Age of the oldest unpublished outbox row; 0 when the outbox is empty.',
  labelNames: ['schema'] as const,
  registers: [registry],
});
const outboxPublished = new Counter({
  name: 'dw_outbox_published_total',
  help: 'Outbox rows published to Kafka.',
  labelNames: ['schema'] as const,
  registers: [registry],
});
const outboxParked = new Counter({
  name: 'dw_outbox_parked_total',
  help: 'Outbox rows the broker refused for good, moved to outbox_parked (alert on any increase).',
  labelNames: ['schema', 'topic'] as const,
  registers: [registry],
});
const consumerLag = new Gauge({
  name: 'dw_consumer_lag_messages',
  help: 'High watermark minus committed offset, per consumer group and partition.',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [registry],
});
const consumerMessages = new Counter({
  name: 'dw_consumer_messages_total',
  help: 'Messages handled by consumers, by outcome: applied, duplicate, retried, waited, dead_lettered, parked (could not be dead-lettered: alert on any).',
  labelNames: ['group', 'topic', 'outcome'] as const,
  registers: [registry],
});
const deadLetters = new Counter({
  name: 'dw_dead_letters_total',
  help: 'Messages sent to a dead-letter topic after their retries ran out.',
  labelNames: ['group', 'topic'] as const,
  registers: [registry],
});
const projectionLag = new Gauge({
  name: 'dw_projection_lag_events',
  help: 'Events in the log that a projection has not applied yet.',
  labelNames: ['projection'] as const,
  registers: [registry],
});
const calendarCoverage = new Gauge({
  name: 'dw_calendar_coverage_days',
  help: 'Days from today (Shanghai) to the last day the published business calendar covers; alert below 60.',
  labelNames: ['calendar'] as const,
  registers: [registry],
});

export interface OutboxBacklog {
  pendingRows: number;
  /** When the oldest unpublished row was written; undefined when nothing is pending. */
  oldestPendingAt: Date | undefined;
  now: Date;
}

export const platformMetrics = {
  appendDuration: {
    observe(labels: { stream_type: string }, seconds: number): void {
      const name = 'dw_event_append_duration_seconds';
      appendDuration.observe({ stream_type: labelValue(name, 'stream_type', labels.stream_type) }, nonNegative(name, 'seconds', seconds));
    },
    /** Starts a monotonic timer; calling the result records and returns the elapsed seconds. */
    startTimer(labels: { stream_type: string }): () => number {
      const name = 'dw_event_append_duration_seconds';
      return appendDuration.startTimer({ stream_type: labelValue(name, 'stream_type', labels.stream_type) });
    },
  },
  calendarCoverage: {
    set(labels: { calendar: string }, days: number): void {
      const name = 'dw_calendar_coverage_days';
      calendarCoverage.set({ calendar: labelValue(name, 'calendar', labels.calendar) }, days);
    },
  },
  outboxPending: {
    set(labels: { schema: string }, rows: number): void {
      const name = 'dw_outbox_pending_messages';
      outboxPending.set({ schema: labelValue(name, 'schema', labels.schema) }, count(name, 'rows', rows));
    },
  },
  outboxRelayLag: {
    set(labels: { schema: string }, seconds: number): void {
      const name = 'dw_outbox_relay_lag_seconds';
      outboxRelayLag.set({ schema: labelValue(name, 'schema', labels.schema) }, nonNegative(name, 'seconds', seconds));
    },
  },
  outboxPublished: {
    inc(labels: { schema: string }, rows = 1): void {
      const name = 'dw_outbox_published_total';
      outboxPublished.inc({ schema: labelValue(name, 'schema', labels.schema) }, count(name, 'rows', rows));
    },
  },
  outboxParked: {
    inc(labels: { schema: string; topic: string }): void {
      const name = 'dw_outbox_parked_total';
      outboxParked.inc({ schema: labelValue(name, 'schema', labels.schema), topic: labelValue(name, 'topic', labels.topic) });
    },
  },
  /**
   * Sets both outbox gauges from one reading. The lag is now minus the oldest pending row's time;
   * a row stamped slightly in the future (database and process clocks differ) counts as 0 s.
   */
  recordOutboxBacklog(labels: { schema: string }, backlog: OutboxBacklog): void {
    const schema = labelValue('dw_outbox_pending_messages', 'schema', labels.schema);
    const rows = count('dw_outbox_pending_messages', 'pendingRows', backlog.pendingRows);
    if ((rows === 0) !== (backlog.oldestPendingAt === undefined)) {
      throw new MetricValueError(
        'metric.invalid_value',
        'dw_outbox_relay_lag_seconds',
        'oldestPendingAt',
        `must be given exactly when rows are pending (pendingRows=${rows})`,
      );
    }
    const lagMs = backlog.oldestPendingAt ? backlog.now.getTime() - backlog.oldestPendingAt.getTime() : 0;
    // Checked before either gauge moves, so a bad reading leaves both at their last good value.
    const lagSeconds = nonNegative('dw_outbox_relay_lag_seconds', 'oldestPendingAt/now', Math.max(0, lagMs) / 1000);
    outboxPending.set({ schema }, rows);
    outboxRelayLag.set({ schema }, lagSeconds);
  },
  consumerLag: {
    set(labels: { group: string; topic: string; partition: number }, messages: number): void {
      const name = 'dw_consumer_lag_messages';
      consumerLag.set(
        {
          group: labelValue(name, 'group', labels.group),
          topic: labelValue(name, 'topic', labels.topic),
          partition: String(count(name, 'partition', labels.partition)),
        },
        count(name, 'messages', messages),
      );
    },
  },
  consumerMessages: {
    inc(labels: { group: string; topic: string; outcome: ConsumerOutcome }, messages = 1): void {
      const name = 'dw_consumer_messages_total';
      if (!CONSUMER_OUTCOMES.includes(labels.outcome)) {
        throw new MetricValueError(
          'metric.invalid_label',
          name,
          'outcome',
          `must be one of ${CONSUMER_OUTCOMES.join(', ')}, got ${JSON.stringify(labels.outcome)}`,
        );
      }
      consumerMessages.inc(
        { group: labelValue(name, 'group', labels.group), topic: labelValue(name, 'topic', labels.topic), outcome: labels.outcome },
        count(name, 'messages', messages),
      );
    },
  },
  deadLetters: {
    inc(labels: { group: string; topic: string }, messages = 1): void {
      const name = 'dw_dead_letters_total';
      deadLetters.inc({ group: labelValue(name, 'group', labels.group), topic: labelValue(name, 'topic', labels.topic) }, count(name, 'messages', messages));
    },
  },
  projectionLag: {
    set(labels: { projection: string }, events: number): void {
      const name = 'dw_projection_lag_events';
      projectionLag.set({ projection: labelValue(name, 'projection', labels.projection) }, count(name, 'events', events));
    },
  },
};

// Prometheus treats an empty label value as an absent label, which would merge unrelated series.
function labelValue(metric: string, field: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new MetricValueError('metric.invalid_label', metric, field, `must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

function nonNegative(metric: string, field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new MetricValueError('metric.invalid_value', metric, field, `must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

function count(metric: string, field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new MetricValueError('metric.invalid_value', metric, field, `must be a whole number >= 0, got ${String(value)}`);
  }
  return value;
}
