/**
 * RFC 9457 problem details, the body of every error answer. `code` is the stable,
 * machine-readable part of the contract; `type` is derived from it so the two never disagree.
 */
export const PROBLEM_TYPE_BASE = 'https://errors.delivery-warehouse.dev/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One input at fault: `field` is a dotted path (`lines.0.weightKg`), empty for the body as a whole. */
export interface FieldError {
  field: string;
  reason: string;
  constraint: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  field?: string;
  details?: Record<string, unknown>;
  errors?: FieldError[];
  traceId: string;
}

/** `VALIDATION_FAILED` -> `https://errors.delivery-warehouse.dev/validation-failed`. */
export function problemTypeOf(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

/**
 * `RECEIPT_NOT_FOUND` -> `Receipt not found`. RFC 9457 wants one title per problem type; a
 * title derived from the code is exactly that, with no second table to keep in step.
 */
export function titleOf(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
