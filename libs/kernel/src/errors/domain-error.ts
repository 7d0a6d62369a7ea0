/**
 * A refusal by the business rules. `code` is stable and public (it is the problem+json
 * `code` and part of the API contract); `field` names the input at fault when there is one;
 * `details` carries what the caller needs to put it right (e.g. the closest standard names).
 * The HTTP layer maps `kind` to a status; the domain never knows about HTTP.
 */
export type DomainErrorKind =
  | 'invalid' // the input breaks a rule on its own (422)
  | 'not_found' // the thing named does not exist (404)
  | 'conflict' // the current state forbids it (409)
  | 'forbidden'; // the actor may not do it (403)

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    readonly details: Record<string, unknown> = {},
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = {
  invalid: (code: string, message: string, field?: string, details: Record<string, unknown> = {}) => new DomainError(code, message, 'invalid', details, field),
  notFound: (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, 'not_found', details),
  conflict: (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, 'conflict', details),
  forbidden: (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, 'forbidden', details),
};
