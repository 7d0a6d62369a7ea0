import { refuse } from '@dw/kernel';

/** Names, numbers and reasons typed by people: blank is never a value. */
export function requireText(value: string | undefined | null, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw refuse.invalid('FIELD_REQUIRED', `${field} is required`, field);
  }
  return value;
}
