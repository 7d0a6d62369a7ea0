import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ProblemException } from '../problem/problem.exception';
import { headerOf, type EdgeRequest } from './edge-request';

/**
 * ETags of versioned (event-sourced) resources are STRONG: `"7"` for stream version 7.
 * If-Match uses the strong comparison (RFC 9110 §13.1.1), under which a weak tag never
 * matches, and a stream version names exactly one state, so a strong tag is also true.
 */
export function etagOf(version: number): string {
  if (!Number.isSafeInteger(version) || version < 0) throw new RangeError(`not a stream version: ${version}`);
  return `"${version}"`;
}

export function setETag(response: ServerResponse, version: number): void {
  response.setHeader('ETag', etagOf(version));
}

/** What an update may expect: a stream version, or `'any'` for `If-Match: *` (the resource exists). */
export type IfMatchExpectation = number | 'any';

/**
 * The stream version a command must find, from an If-Match: the version it names, or none when
 * there was no header or `*` (any version of a resource that exists, which the command's own
 * decision checks).
 */
export function expectedVersionOf(expected: IfMatchExpectation | undefined): number | undefined {
  return typeof expected === 'number' ? expected : undefined;
}

export interface IfMatchOptions {
  /** Refuse the request with 428 when it has no If-Match (lost-update protection is mandatory). */
  required?: boolean;
}

const STRONG_VERSION_TAG = /^"(0|[1-9]\d{0,15})"$/;

export function parseIfMatch(header: string | undefined, options: IfMatchOptions = {}): IfMatchExpectation | undefined {
  if (header === undefined || header.trim() === '') {
    if (!options.required) return undefined;
    throw new ProblemException(428, 'PRECONDITION_REQUIRED', 'this update needs an If-Match header with the ETag you last read', {
      field: 'If-Match',
    });
  }
  const value = header.trim();
  if (value === '*') return 'any';
  const match = STRONG_VERSION_TAG.exec(value);
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(version)) {
    throw new ProblemException(400, 'INVALID_IF_MATCH', 'If-Match must be one strong ETag as this API sent it, e.g. "7", or *', {
      field: 'If-Match',
    });
  }
  return version;
}

/** `@IfMatchVersion({ required: true }) expected: IfMatchExpectation` in a handler's parameters. */
export const IfMatchVersion = createParamDecorator((options: IfMatchOptions | undefined, context: ExecutionContext) =>
  parseIfMatch(headerOf(context.switchToHttp().getRequest<EdgeRequest>(), 'if-match'), options ?? {}),
);
