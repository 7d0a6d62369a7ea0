import { LocalDate, refuse, shanghaiDateOf } from '@dw/kernel';

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Commands carry their time as an ISO-8601 instant with an explicit offset, set by the handler
 * from its injected Clock (deciders never read a clock). Kept as a string so commands and the
 * events copied from them are plain JSON.
 */
export function assertInstant(value: unknown, field: string): Date {
  const parsed = typeof value === 'string' && INSTANT_PATTERN.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw refuse.invalid('INVALID_INSTANT', `${field} must be an ISO-8601 instant with a time zone`, field, { value });
  }
  return parsed;
}

/** The Shanghai business date on which a command given at `at` happens. */
export function businessDateOf(at: string): LocalDate {
  // rule KRN-SHANGHAI-DATES
  return shanghaiDateOf(assertInstant(at, 'at'), 'at');
}
