import { Logger } from '@nestjs/common';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { DomainError, ManualClock } from '@dw/kernel';
import { initTracing, type TracingHandle } from '../tracing/init-tracing';
import { SpanKind, withSpan } from '../tracing/trace-context';
import { JsonLogger, parseLogLevel, type JsonLoggerOptions } from './json-logger';

type Entry = Record<string, unknown>;

function capture(options: Partial<JsonLoggerOptions> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const logger = new JsonLogger({
    service: 'receipt',
    clock: new ManualClock('2025-03-03T02:04:05.678Z'),
    level: 'verbose',
    stdout: { write: (line: string) => out.push(line) },
    stderr: { write: (line: string) => err.push(line) },
    ...options,
  });
  const parse = (lines: string[]): Entry[] =>
    lines.map((line) => {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toContain('\n'); // exactly one line per entry
      return JSON.parse(line) as Entry;
    });
  return { logger, stdout: () => parse(out), stderr: () => parse(err) };
}

describe('JsonLogger', () => {
  it('writes one JSON line with time, level, service, context and message to stdout', () => {
    const { logger, stdout, stderr } = capture();
    logger.log('receipt issued', 'IssueReceiptHandler');
    expect(stdout()).toEqual([
      {
        time: '2025-03-03T02:04:05.678Z',
        level: 'info',
        service: 'receipt',
        context: 'IssueReceiptHandler',
        message: 'receipt issued',
      },
    ]);
    expect(stderr()).toEqual([]);
  });

  it('uses its default context when the call names none, and withContext makes another', () => {
    const { logger, stdout } = capture({ context: 'OutboxRelay' });
    logger.warn('relay slow');
    logger.withContext('InboxConsumer').debug('skipped duplicate');
    expect(stdout().map((e) => [e.level, e.context, e.message])).toEqual([
      ['warn', 'OutboxRelay', 'relay slow'],
      ['debug', 'InboxConsumer', 'skipped duplicate'],
    ]);
  });

  it('writes error and fatal to stderr', () => {
    const { logger, stdout, stderr } = capture();
    logger.error('payment callback rejected');
    logger.fatal('cannot reach PostgreSQL', 'Bootstrap');
    expect(stdout()).toEqual([]);
    expect(stderr().map((e) => [e.level, e.context, e.message])).toEqual([
      ['error', undefined, 'payment callback rejected'],
      ['fatal', 'Bootstrap', 'cannot reach PostgreSQL'],
    ]);
  });

  describe('errors', () => {
    const stack = 'Error: boom\n    at handler (/srv/receipt/handler.ts:10:5)';

    it('takes Nest’s error(message, stack, context)', () => {
      const { logger, stderr } = capture();
      logger.error('unhandled', stack, 'ExceptionsHandler');
      expect(stderr()).toEqual([expect.objectContaining({ message: 'unhandled', stack, context: 'ExceptionsHandler' })]);
    });

    it('reads a lone second argument as the stack when it looks like one, else as the context', () => {
      const { logger, stderr } = capture();
      logger.error('with stack', stack);
      logger.error('with context', 'KafkaConsumer');
      const [withStack, withContext] = stderr();
      expect(withStack).toEqual(expect.objectContaining({ stack }));
      expect(withStack.context).toBeUndefined();
      expect(withContext).toEqual(expect.objectContaining({ context: 'KafkaConsumer' }));
      expect(withContext.stack).toBeUndefined();
    });

    it('writes an Error with its type, message, stack, own fields and cause', () => {
      const { logger, stderr } = capture();
      const cause = new Error('connection reset');
      const failure = new DomainError('receipt.not_found', 'no receipt R-1', 'not_found', { receiptId: 'R-1' }, 'receiptId');
      Object.assign(failure, { cause });
      logger.error(failure, 'TransferTitleHandler');
      const [entry] = stderr();
      expect(entry.message).toBe('no receipt R-1');
      expect(entry.context).toBe('TransferTitleHandler');
      expect(entry.error).toEqual(
        expect.objectContaining({
          type: failure.name,
          message: 'no receipt R-1',
          stack: failure.stack,
          code: 'receipt.not_found',
          kind: 'not_found',
          details: { receiptId: 'R-1' },
          field: 'receiptId',
          cause: expect.objectContaining({ type: 'Error', message: 'connection reset', stack: cause.stack }),
        }),
      );
    });
  });

  describe('trace ids', () => {
    let tracing: TracingHandle;
    beforeAll(() => {
      tracing = initTracing({ serviceName: 'receipt', exporter: new InMemorySpanExporter() });
    });
    afterAll(() => tracing.shutdown());

    it('carries trace_id and span_id of the active span, across awaits', async () => {
      const { logger, stdout } = capture();
      let ids: { traceId: string; spanId: string } | undefined;
      await withSpan('http POST /receipts', { kind: SpanKind.SERVER }, async (span) => {
        ids = span.spanContext();
        await new Promise<void>((resolve) => setImmediate(resolve));
        logger.log('inside');
      });
      logger.log('outside');
      const [inside, outside] = stdout();
      expect(inside.trace_id).toBe(ids?.traceId);
      expect(inside.span_id).toBe(ids?.spanId);
      expect(inside.trace_id).toMatch(/^[0-9a-f]{32}$/);
      expect(outside).not.toHaveProperty('trace_id');
      expect(outside).not.toHaveProperty('span_id');
    });
  });

  describe('levels', () => {
    const saved = process.env.LOG_LEVEL;
    afterEach(() => {
      if (saved === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = saved;
    });

    function levelsWritten(logger: JsonLogger, stdout: () => Entry[], stderr: () => Entry[]): unknown[] {
      logger.verbose('v');
      logger.debug('d');
      logger.log('i');
      logger.warn('w');
      logger.error('e');
      logger.fatal('f');
      return [...stdout(), ...stderr()].map((e) => e.level);
    }

    it('defaults to info when LOG_LEVEL is unset', () => {
      delete process.env.LOG_LEVEL;
      const { logger, stdout, stderr } = capture({ level: undefined });
      expect(levelsWritten(logger, stdout, stderr)).toEqual(['info', 'warn', 'error', 'fatal']);
    });

    it('follows LOG_LEVEL, in any case and with Nest’s name "log" for info', () => {
      process.env.LOG_LEVEL = 'WARN';
      const warn = capture({ level: undefined });
      expect(levelsWritten(warn.logger, warn.stdout, warn.stderr)).toEqual(['warn', 'error', 'fatal']);
      process.env.LOG_LEVEL = 'log';
      const info = capture({ level: undefined });
      expect(levelsWritten(info.logger, info.stdout, info.stderr)).toEqual(['info', 'warn', 'error', 'fatal']);
    });

    it('refuses an unknown LOG_LEVEL at construction rather than logging nothing', () => {
      process.env.LOG_LEVEL = 'loud';
      expect(() => capture({ level: undefined })).toThrow('LOG_LEVEL must be one of verbose, debug, info, warn, error, fatal, log; got "loud"');
    });

    it('applies the exact set Nest hands to setLogLevels, to children too', () => {
      const { logger, stdout, stderr } = capture();
      const child = logger.withContext('Child');
      logger.setLogLevels(['log', 'error']);
      expect(levelsWritten(child, stdout, stderr)).toEqual(['info', 'error']);
    });

    it('parseLogLevel maps names to levels', () => {
      expect(parseLogLevel(' Debug ')).toBe('debug');
      expect(parseLogLevel('log')).toBe('info');
      expect(() => parseLogLevel('')).toThrow('LOG_LEVEL must be one of');
    });
  });

  it('never throws on what it is handed: cycles, bigint, non-finite numbers, extra arguments', () => {
    const { logger, stdout } = capture();
    const lot: Record<string, unknown> = { lotId: 'L-1', weightKg: 25_000n, ratio: Number.NaN };
    lot.self = lot;
    logger.log('weighed', lot, 'ScaleHandler');
    const [entry] = stdout();
    expect(entry.context).toBe('ScaleHandler');
    expect(entry.message).toBe('weighed');
    expect(entry.details).toEqual([{ lotId: 'L-1', weightKg: '25000', ratio: 'NaN', self: '[Circular]' }]);
  });

  it('refuses a blank service name', () => {
    expect(() => new JsonLogger({ service: '' })).toThrow('JsonLogger: service must be a non-empty string');
  });

  it('serves as the logger behind Nest’s Logger', () => {
    const { logger, stdout } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('RoutesResolver').log('Mapped {/receipts, POST} route');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(stdout()).toEqual([expect.objectContaining({ context: 'RoutesResolver', message: 'Mapped {/receipts, POST} route' })]);
  });
});
