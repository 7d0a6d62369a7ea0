import type { LogLevel as NestLogLevel, LoggerService } from '@nestjs/common';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { systemClock, type Clock } from '@dw/kernel';
import { types } from 'node:util';

export type JsonLogLevel = 'verbose' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

// Least to most severe; a threshold enables itself and everything after it.
const SEVERITY: readonly JsonLogLevel[] = ['verbose', 'debug', 'info', 'warn', 'error', 'fatal'];
// LOG_LEVEL takes our names and Nest's ("log" is Nest's word for info).
const LEVEL_NAMES: Record<string, JsonLogLevel> = { ...Object.fromEntries(SEVERITY.map((l) => [l, l])), log: 'info' };

export interface LogSink {
  write(line: string): unknown;
}

export interface JsonLoggerOptions {
  service: string;
  /** Context for entries that name none (Nest passes its own as the last argument). */
  context?: string;
  /** Lowest level written; defaults to LOG_LEVEL, then `info`. */
  level?: string;
  clock?: Clock;
  stdout?: LogSink;
  stderr?: LogSink;
}

interface Settings {
  service: string;
  clock: Clock;
  stdout: LogSink;
  stderr: LogSink;
  enabled: Set<JsonLogLevel>;
}

/**
 * Nest's LoggerService as one JSON object per line: stdout, or stderr for error and fatal.
 * Entries written inside an active span carry its trace_id and span_id, so a log line leads to its
 * trace. Arguments follow Nest's conventions: a trailing string is the context, and error() takes
 * (message, stack?, context?). Logging never throws, whatever it is handed.
 */
export class JsonLogger implements LoggerService {
  private settings: Settings;
  private readonly context: string | undefined;

  constructor(options: JsonLoggerOptions) {
    const service = options.service.trim();
    if (service === '') throw new TypeError('JsonLogger: service must be a non-empty string');
    this.settings = {
      service,
      clock: options.clock ?? systemClock,
      stdout: options.stdout ?? process.stdout,
      stderr: options.stderr ?? process.stderr,
      enabled: levelsFrom(parseLogLevel(options.level ?? process.env.LOG_LEVEL ?? 'info')),
    };
    this.context = options.context;
  }

  /** The same logger with another default context, for code that does not go through Nest's Logger. */
  withContext(context: string): JsonLogger {
    const child = new JsonLogger({ service: this.settings.service, context, level: 'info' });
    // Shared, not copied: a later setLogLevels on either one applies to both.
    child.settings = this.settings;
    return child;
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', [message, ...optionalParams]);
  }
  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', [message, ...optionalParams]);
  }
  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', [message, ...optionalParams]);
  }
  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('verbose', [message, ...optionalParams]);
  }
  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', [message, ...optionalParams]);
  }
  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', [message, ...optionalParams]);
  }

  /** Nest hands the exact set of levels to write (e.g. `['error', 'warn']`). */
  setLogLevels(levels: NestLogLevel[]): void {
    this.settings.enabled.clear();
    for (const level of levels) this.settings.enabled.add(level === 'log' ? 'info' : level);
  }

  isLevelEnabled(level: JsonLogLevel): boolean {
    return this.settings.enabled.has(level);
  }

  private write(level: JsonLogLevel, args: unknown[]): void {
    if (!this.isLevelEnabled(level)) return;
    const { messages, context, stack } = level === 'error' ? splitErrorArgs(args) : splitArgs(args);
    const [message, ...details] = messages;
    const entry: Record<string, unknown> = {
      time: this.settings.clock.now().toISOString(),
      level,
      service: this.settings.service,
      context: context ?? this.context,
    };
    if (types.isNativeError(message)) {
      entry.message = message.message;
      entry.error = message;
    } else {
      entry.message = message;
    }
    const spanContext = trace.getActiveSpan()?.spanContext();
    if (spanContext && isSpanContextValid(spanContext)) {
      entry.trace_id = spanContext.traceId;
      entry.span_id = spanContext.spanId;
    }
    if (stack !== undefined) entry.stack = stack;
    if (details.length > 0) entry.details = details;
    const sink = level === 'error' || level === 'fatal' ? this.settings.stderr : this.settings.stdout;
    sink.write(`${serialise(entry)}\n`);
  }
}

/** Reads a level name (ours or Nest's, any case); anything else is a configuration error. */
export function parseLogLevel(value: string): JsonLogLevel {
  const level = LEVEL_NAMES[value.trim().toLowerCase()];
  if (level === undefined) {
    throw new RangeError(`LOG_LEVEL must be one of ${Object.keys(LEVEL_NAMES).join(', ')}; got ${JSON.stringify(value)}`);
  }
  return level;
}

function levelsFrom(threshold: JsonLogLevel): Set<JsonLogLevel> {
  return new Set(SEVERITY.slice(SEVERITY.indexOf(threshold)));
}

interface SplitArgs {
  messages: unknown[];
  context?: string;
  stack?: string;
}

// Nest's ConsoleLogger rule: with more than one argument, a trailing string is the context.
function splitArgs(args: unknown[]): SplitArgs {
  const last = args[args.length - 1];
  if (args.length > 1 && typeof last === 'string') return { messages: args.slice(0, -1), context: last };
  return { messages: args };
}

// Nest's rule for error(message, stack?, context?): a lone second argument is the stack when it
// looks like one, otherwise the context; with three or more, the one before the context is the stack.
function splitErrorArgs(args: unknown[]): SplitArgs {
  if (args.length === 2 && looksLikeStack(args[1])) return { messages: [args[0]], stack: args[1] as string };
  if (args.length === 2) return splitArgs(args);
  const split = splitArgs(args);
  const last = split.messages[split.messages.length - 1];
  if (split.messages.length > 1 && (typeof last === 'string' || last === undefined)) {
    return { ...split, messages: split.messages.slice(0, -1), ...(last === undefined ? {} : { stack: last }) };
  }
  return split;
}

function looksLikeStack(value: unknown): boolean {
  return typeof value === 'string' && /^(.)+\n\s+at .+:\d+:\d+/.test(value);
}

const MAX_DEPTH = 8;

/** JSON that cannot fail: bigint as a string, errors with their stack, cycles and depth cut off. */
function serialise(entry: Record<string, unknown>): string {
  return JSON.stringify(toJsonSafe(entry, [], 0));
}

function toJsonSafe(value: unknown, ancestors: object[], depth: number): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.includes(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  const inner = [...ancestors, value];
  if (types.isNativeError(value)) {
    // name, message and stack are not enumerable; own fields (a DomainError's code, details) are.
    const fields: Record<string, unknown> = { type: value.name, message: value.message, stack: value.stack };
    for (const [key, field] of Object.entries(value)) fields[key] = field;
    if (value.cause !== undefined) fields.cause = value.cause;
    return toJsonSafe(fields, inner, depth + 1);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJsonSafe(item, inner, depth + 1) ?? null);
  if (value instanceof Map) return toJsonSafe(Object.fromEntries(value), inner, depth + 1);
  if (value instanceof Set) return toJsonSafe([...value], inner, depth + 1);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const safe = toJsonSafe(field, inner, depth + 1);
    if (safe !== undefined) out[key] = safe;
  }
  return out;
}
