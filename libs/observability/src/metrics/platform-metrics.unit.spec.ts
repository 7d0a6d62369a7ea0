import {
  APPEND_DURATION_BUCKETS,
  CONSUMER_OUTCOMES,
  METRICS_CONTENT_TYPE,
  MetricValueError,
  initMetrics,
  metricsRegistry,
  platformMetrics,
  renderMetrics,
  type ConsumerOutcome,
} from './platform-metrics';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the text exposition, so the tests read what Prometheus would scrape. */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`unparseable exposition line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

async function valueOf(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const samples = parseExposition(await renderMetrics());
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('platform metrics', () => {
  beforeAll(() => initMetrics({ serviceName: 'receipt' }));
  beforeEach(() => metricsRegistry().resetMetrics());

  describe('initMetrics', () => {
    it('adds default process metrics labelled with the service', async () => {
      const samples = parseExposition(await renderMetrics());
      const cpu = samples.find((s) => s.name === 'process_cpu_user_seconds_total');
      expect(cpu?.labels).toEqual({ service: 'receipt' });
      expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    });

    it('is idempotent: the first service name stays and process metrics are not registered twice', async () => {
      expect(initMetrics({ serviceName: 'receipt' })).toBe(metricsRegistry());
      expect(initMetrics({ serviceName: 'order' })).toBe(metricsRegistry());
      platformMetrics.projectionLag.set({ projection: 'receipt_summary' }, 1);
      expect(await valueOf('dw_projection_lag_events', { projection: 'receipt_summary' })).toBe(1);
      const services = new Set(parseExposition(await renderMetrics()).map((s) => s.labels.service));
      expect([...services]).toEqual(['receipt']);
    });

    it('refuses a blank service name', () => {
      expect(() => initMetrics({ serviceName: ' ' })).toThrow('initMetrics: serviceName must be a non-empty string');
    });
  });

  it('renders in the Prometheus text format with its content type', async () => {
    expect(METRICS_CONTENT_TYPE).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await renderMetrics();
    for (const name of [
      'dw_event_append_duration_seconds',
      'dw_outbox_pending_messages',
      'dw_outbox_relay_lag_seconds',
      'dw_outbox_published_total',
      'dw_consumer_lag_messages',
      'dw_consumer_messages_total',
      'dw_dead_letters_total',
      'dw_projection_lag_events',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  describe('dw_event_append_duration_seconds', () => {
    it('has buckets from 0.5 ms to 2.5 s', () => {
      expect(APPEND_DURATION_BUCKETS[0]).toBe(0.0005);
      expect(APPEND_DURATION_BUCKETS[APPEND_DURATION_BUCKETS.length - 1]).toBe(2.5);
    });

    it('counts an observation in every bucket at or above it, cumulatively', async () => {
      // 3 ms and 40 ms. Buckets are cumulative ("le" = less or equal):
      //   le=0.0025 holds neither (0), le=0.005 holds 3 ms (1), le=0.025 still 1,
      //   le=0.05 holds both (2); sum = 0.003 + 0.040 = 0.043 s; count = 2.
      platformMetrics.appendDuration.observe({ stream_type: 'receipt' }, 0.003);
      platformMetrics.appendDuration.observe({ stream_type: 'receipt' }, 0.04);
      const bucket = (le: string) => valueOf('dw_event_append_duration_seconds_bucket', { stream_type: 'receipt', le });
      expect(await bucket('0.0025')).toBe(0);
      expect(await bucket('0.005')).toBe(1);
      expect(await bucket('0.025')).toBe(1);
      expect(await bucket('0.05')).toBe(2);
      expect(await bucket('+Inf')).toBe(2);
      expect(await valueOf('dw_event_append_duration_seconds_sum', { stream_type: 'receipt' })).toBeCloseTo(0.043, 9);
      expect(await valueOf('dw_event_append_duration_seconds_count', { stream_type: 'receipt', service: 'receipt' })).toBe(2);
    });

    it('startTimer records one observation when stopped and returns the seconds it recorded', async () => {
      const stop = platformMetrics.appendDuration.startTimer({ stream_type: 'storage_card' });
      const seconds = stop();
      expect(seconds).toBeGreaterThanOrEqual(0);
      expect(await valueOf('dw_event_append_duration_seconds_count', { stream_type: 'storage_card' })).toBe(1);
      expect(await valueOf('dw_event_append_duration_seconds_sum', { stream_type: 'storage_card' })).toBe(seconds);
    });

    it.each([
      ['a negative duration', -0.001],
      ['NaN', Number.NaN],
      ['infinity', Number.POSITIVE_INFINITY],
    ])('refuses %s', async (_label, seconds) => {
      expect(() => platformMetrics.appendDuration.observe({ stream_type: 'receipt' }, seconds)).toThrow(
        new MetricValueError('metric.invalid_value', 'dw_event_append_duration_seconds', 'seconds', `must be a finite number >= 0, got ${seconds}`),
      );
      expect(await valueOf('dw_event_append_duration_seconds_count', { stream_type: 'receipt' })).toBeUndefined();
    });

    it('refuses an empty stream type, which Prometheus would read as no label at all', () => {
      let error: unknown;
      try {
        platformMetrics.appendDuration.observe({ stream_type: '' }, 0.01);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(MetricValueError);
      expect(error).toMatchObject({ code: 'metric.invalid_label', metric: 'dw_event_append_duration_seconds', field: 'stream_type' });
    });
  });

  describe('outbox', () => {
    it('sets the pending and lag gauges and counts published rows per schema', async () => {
      platformMetrics.outboxPending.set({ schema: 'receipt' }, 7);
      platformMetrics.outboxRelayLag.set({ schema: 'receipt' }, 1.25);
      platformMetrics.outboxPublished.inc({ schema: 'receipt' });
      platformMetrics.outboxPublished.inc({ schema: 'receipt' }, 4);
      expect(await valueOf('dw_outbox_pending_messages', { schema: 'receipt' })).toBe(7);
      expect(await valueOf('dw_outbox_relay_lag_seconds', { schema: 'receipt' })).toBe(1.25);
      expect(await valueOf('dw_outbox_published_total', { schema: 'receipt' })).toBe(5); // 1 + 4
    });

    it('recordOutboxBacklog: lag is the age of the oldest pending row', async () => {
      // Oldest row written 10:00:00.000, reading taken 10:00:02.500: 2.5 s old; 3 rows pending.
      platformMetrics.recordOutboxBacklog(
        { schema: 'order' },
        { pendingRows: 3, oldestPendingAt: new Date('2025-03-03T10:00:00.000Z'), now: new Date('2025-03-03T10:00:02.500Z') },
      );
      expect(await valueOf('dw_outbox_pending_messages', { schema: 'order' })).toBe(3);
      expect(await valueOf('dw_outbox_relay_lag_seconds', { schema: 'order' })).toBe(2.5);
    });

    it('recordOutboxBacklog: an empty outbox has lag 0', async () => {
      platformMetrics.recordOutboxBacklog(
        { schema: 'order' },
        { pendingRows: 5, oldestPendingAt: new Date('2025-03-03T10:00:00Z'), now: new Date('2025-03-03T10:01:00Z') },
      );
      platformMetrics.recordOutboxBacklog({ schema: 'order' }, { pendingRows: 0, oldestPendingAt: undefined, now: new Date('2025-03-03T10:02:00Z') });
      expect(await valueOf('dw_outbox_pending_messages', { schema: 'order' })).toBe(0);
      expect(await valueOf('dw_outbox_relay_lag_seconds', { schema: 'order' })).toBe(0);
    });

    it('recordOutboxBacklog: a row stamped ahead of this process clock counts as 0 s, not negative', async () => {
      // Row at 10:00:00.300, process clock reads 10:00:00.000: -0.3 s, clamped to 0.
      platformMetrics.recordOutboxBacklog(
        { schema: 'order' },
        { pendingRows: 1, oldestPendingAt: new Date('2025-03-03T10:00:00.300Z'), now: new Date('2025-03-03T10:00:00.000Z') },
      );
      expect(await valueOf('dw_outbox_relay_lag_seconds', { schema: 'order' })).toBe(0);
    });

    it.each([
      ['rows pending without an oldest time', { pendingRows: 2, oldestPendingAt: undefined }, 'oldestPendingAt'],
      ['an oldest time with no rows pending', { pendingRows: 0, oldestPendingAt: new Date('2025-03-03T10:00:00Z') }, 'oldestPendingAt'],
      ['a fractional row count', { pendingRows: 1.5, oldestPendingAt: new Date('2025-03-03T10:00:00Z') }, 'pendingRows'],
      ['an invalid date', { pendingRows: 1, oldestPendingAt: new Date('not a date') }, 'oldestPendingAt/now'],
    ])('recordOutboxBacklog refuses %s and moves neither gauge', async (_label, reading, field) => {
      platformMetrics.recordOutboxBacklog(
        { schema: 'billing' },
        { pendingRows: 4, oldestPendingAt: new Date('2025-03-03T09:59:59Z'), now: new Date('2025-03-03T10:00:00Z') },
      );
      expect(() => platformMetrics.recordOutboxBacklog({ schema: 'billing' }, { ...reading, now: new Date('2025-03-03T10:00:00Z') })).toThrow(
        expect.objectContaining({ code: 'metric.invalid_value', field }),
      );
      expect(await valueOf('dw_outbox_pending_messages', { schema: 'billing' })).toBe(4);
      expect(await valueOf('dw_outbox_relay_lag_seconds', { schema: 'billing' })).toBe(1);
    });

    it('refuses a negative row count', () => {
      expect(() => platformMetrics.outboxPending.set({ schema: 'receipt' }, -1)).toThrow(
        'dw_outbox_pending_messages: rows must be a whole number >= 0, got -1',
      );
      expect(() => platformMetrics.outboxPublished.inc({ schema: 'receipt' }, -2)).toThrow(
        'dw_outbox_published_total: rows must be a whole number >= 0, got -2',
      );
    });
  });

  describe('consumers', () => {
    it('sets lag per group, topic and partition', async () => {
      // High watermark 120, committed offset 100: 20 messages behind on partition 2.
      platformMetrics.consumerLag.set({ group: 'inventory', topic: 'order.work-order.v1', partition: 2 }, 120 - 100);
      expect(await valueOf('dw_consumer_lag_messages', { group: 'inventory', topic: 'order.work-order.v1', partition: '2' })).toBe(20);
    });

    it('refuses a negative partition', () => {
      expect(() => platformMetrics.consumerLag.set({ group: 'g', topic: 't', partition: -1 }, 0)).toThrow(
        expect.objectContaining({ code: 'metric.invalid_value', field: 'partition' }),
      );
    });

    it('counts messages by outcome and dead letters by group and topic', async () => {
      for (const outcome of CONSUMER_OUTCOMES) {
        platformMetrics.consumerMessages.inc({ group: 'receipt', topic: 'order.work-order.v1', outcome });
      }
      platformMetrics.consumerMessages.inc({ group: 'receipt', topic: 'order.work-order.v1', outcome: 'applied' }, 2);
      platformMetrics.deadLetters.inc({ group: 'receipt', topic: 'order.work-order.v1' });
      const messages = (outcome: ConsumerOutcome) => valueOf('dw_consumer_messages_total', { group: 'receipt', topic: 'order.work-order.v1', outcome });
      expect(await messages('applied')).toBe(3); // 1 + 2
      expect(await messages('duplicate')).toBe(1);
      expect(await messages('retried')).toBe(1);
      expect(await messages('dead_lettered')).toBe(1);
      expect(await valueOf('dw_dead_letters_total', { group: 'receipt', topic: 'order.work-order.v1' })).toBe(1);
    });

    it('refuses an outcome outside the contract', async () => {
      expect(() => platformMetrics.consumerMessages.inc({ group: 'receipt', topic: 't', outcome: 'skipped' as ConsumerOutcome })).toThrow(
        'dw_consumer_messages_total: outcome must be one of applied, duplicate, retried, waited, dead_lettered, parked, got "skipped"',
      );
      expect(await valueOf('dw_consumer_messages_total', { group: 'receipt' })).toBeUndefined();
    });
  });

  it('sets projection lag', async () => {
    // Log head at global position 1_050, projection checkpoint at 1_000: 50 events behind.
    platformMetrics.projectionLag.set({ projection: 'stock_on_hand' }, 1_050 - 1_000);
    expect(await valueOf('dw_projection_lag_events', { projection: 'stock_on_hand' })).toBe(50);
    expect(() => platformMetrics.projectionLag.set({ projection: 'stock_on_hand' }, 0.5)).toThrow(
      'dw_projection_lag_events: events must be a whole number >= 0, got 0.5',
    );
  });
});
