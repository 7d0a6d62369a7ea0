import { refuse } from '@dw/kernel';

/**
 * Input rules every order-side command shares. The HTTP layer checks types; these check the
 * business meaning (a name is not blank, a quantity is a whole positive number) so that a
 * command arriving by any route (HTTP, Kafka, a script) is held to the same rules.
 */

/** Refuses a missing or blank text; returns it trimmed. */
export function requireText(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw refuse.invalid('FIELD_REQUIRED', `${field} is required`, field);
  }
  return value.trim();
}

/** Refuses anything but a whole number > 0 (pieces, kilograms). */
export function requirePositiveInteger(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw refuse.invalid('POSITIVE_INTEGER_REQUIRED', `${field} must be a whole number above 0, got ${value}`, field, {
      value,
    });
  }
  return value;
}

// An ISO-8601 instant with an explicit zone: a time without one is ambiguous between UTC and
// Asia/Shanghai, which is exactly the mistake this rule exists to stop.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Refuses text that is not an ISO-8601 instant with a zone; returns epoch milliseconds. */
export function requireInstant(value: string, field: string): number {
  const ms = typeof value === 'string' && INSTANT_PATTERN.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw refuse.invalid('INSTANT_INVALID', `${field} must be an ISO-8601 instant with a zone, got ${JSON.stringify(value)}`, field, {
      value,
    });
  }
  return ms;
}

/** Refuses a value outside `allowed`, naming the allowed values in the error. */
export function requireOneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw refuse.invalid('VALUE_NOT_ALLOWED', `${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`, field, {
      value,
      allowed,
    });
  }
  return value as T;
}
