import { HttpException } from '@nestjs/common';
import type { FieldError } from './problem';

export interface ProblemOptions {
  field?: string;
  details?: Record<string, unknown>;
  errors?: FieldError[];
  /** Extra response headers, e.g. `WWW-Authenticate` on a 401. */
  headers?: Record<string, string>;
}

/**
 * An edge refusal with its stable code, thrown by the platform's guards, pipes and helpers
 * (domain code throws DomainError instead). Being an HttpException, Nest treats it as a
 * deliberate answer wherever it is thrown.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly detail: string,
    readonly extras: ProblemOptions = {},
  ) {
    super(detail, status);
    this.name = 'ProblemException';
  }
}
