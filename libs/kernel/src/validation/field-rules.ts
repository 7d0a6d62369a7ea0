import { refuse } from '../errors/domain-error';

/**
 * Input rules every service's commands share, one copy with one set of codes. The HTTP layer
 * checks types; these check the business meaning, so a command arriving by any route (HTTP,
 * Kafka, a scale, a script) meets the same rules in every service.
 */

/** Refuses a missing or blank text; returns it trimmed. */
export function requireText(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw refuse.invalid('FIELD_REQUIRED', `${field} is required`, field);
  }
  return value.trim();
}

/** Refuses anything but a whole number > 0. */
export function requirePositiveInteger(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw refuse.invalid('POSITIVE_INTEGER_REQUIRED', `${field} must be a whole number above 0, got ${value}`, field, { value });
  }
  return value;
}

/** Refuses anything but a whole number ≥ 0. */
export function requireNonNegativeInteger(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw refuse.invalid('NON_NEGATIVE_INTEGER_REQUIRED', `${field} must be a whole number of at least 0, got ${value}`, field, {
      value,
    });
  }
  return value;
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

/** Refuses an empty list or one with repeats; returns it. */
export function requireDistinctList<T extends string>(values: readonly T[], field: string): T[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw refuse.invalid('LIST_EMPTY', `${field} needs at least one entry`, field);
  }
  const repeated = values.find((value, index) => values.indexOf(value) !== index);
  if (repeated !== undefined) {
    throw refuse.invalid('LIST_HAS_REPEATS', `${field} names ${repeated} more than once`, field, { repeated });
  }
  return [...values];
}

// An ISO-8601 instant with an explicit zone: without one it is ambiguous between UTC and
// Asia/Shanghai, which is exactly the mistake this rule exists to stop.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Refuses text that is not an ISO-8601 instant with a zone; returns it. */
export function requireInstant(value: unknown, field: string): string {
  if (typeof value !== 'string' || !INSTANT_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
    throw refuse.invalid('INVALID_INSTANT', `${field} must be an ISO-8601 instant with a zone, got ${JSON.stringify(value)}`, field, {
      value,
    });
  }
  return value;
}
