import { LocalDate, requireInstant, shanghaiDateOf } from '@dw/kernel';

/**
 * The Shanghai business date on which a command given at `at` happens. Commands carry their time
 * as an ISO-8601 instant with an explicit offset, set by the handler from its injected Clock
 * (deciders never read a clock).
 */
export function businessDateOf(at: string): LocalDate {
  // rule KRN-SHANGHAI-DATES
  return shanghaiDateOf(new Date(requireInstant(at, 'at')), 'at');
}
