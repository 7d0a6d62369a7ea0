import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemException } from '../problem/problem.exception';
import { refuseUnsafeInput } from './input-safety';

export interface BodyParsingOptions {
  /** Largest accepted body; bytes or a size string such as `'1mb'`. */
  bodyLimit?: number | string;
}

export const DEFAULT_BODY_LIMIT = '1mb';

type Next = (error?: unknown) => void;

/**
 * JSON in, nothing else: bodies that are not JSON are refused with 415, malformed JSON with
 * 400 `MALFORMED_JSON`, oversized bodies with 413, unsafe characters or nesting anywhere in the
 * request with 400 (see input-safety.ts), all as problem+json. The exact body bytes
 * stay on `request.rawBody` (the app must be created with `rawBody: true` and
 * `bodyParser: false`), because HMAC signatures and idempotency hashes are over the bytes sent,
 * not over a re-serialisation. Call before the app is initialised.
 */
export function installBodyParsing(app: INestApplication, options: BodyParsingOptions = {}): void {
  const express = app as NestExpressApplication;
  express.use(refuseNonJsonBodies);
  express.useBodyParser('json', {
    limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    type: (request: IncomingMessage) => isJsonMediaType(request.headers['content-type']),
  });
  express.use(translateBodyParserError);
  express.use(refuseUnsafeInput);
}

/** `application/json` and structured-syntax JSON types such as `application/merge-patch+json`. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType);
}

function hasBody(request: IncomingMessage): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? '0');
  return Number.isFinite(length) && length > 0;
}

function refuseNonJsonBodies(request: IncomingMessage, _response: ServerResponse, next: Next): void {
  const contentType = request.headers['content-type'];
  if (!hasBody(request) || isJsonMediaType(contentType)) return next();
  next(new ProblemException(415, 'UNSUPPORTED_MEDIA_TYPE', `bodies must be application/json, not ${contentType ?? 'untyped'}`));
}

/**
 * Express error middleware placed right after the parser: body-parser's errors become
 * ProblemExceptions before Nest's generic handling (which would turn a JSON syntax error
 * into an anonymous 400) sees them; Nest's handler then runs the global problem filter.
 */
function translateBodyParserError(error: unknown, _request: IncomingMessage, _response: ServerResponse, next: Next): void {
  next(bodyParserProblem(error) ?? error);
}

interface BodyParserError {
  type?: string;
  message?: string;
  limit?: number;
}

export function bodyParserProblem(error: unknown): ProblemException | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, message, limit } = error as BodyParserError;
  switch (type) {
    case 'entity.parse.failed':
      return new ProblemException(400, 'MALFORMED_JSON', `the body is not a JSON object or array: ${message ?? 'syntax error'}`);
    case 'entity.too.large':
      return new ProblemException(413, 'PAYLOAD_TOO_LARGE', `the body is larger than the limit of ${limit ?? '?'} bytes`, {
        details: { limitBytes: limit },
      });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ProblemException(415, 'UNSUPPORTED_MEDIA_TYPE', message ?? 'unsupported body encoding');
    case 'request.aborted':
    case 'request.size.invalid':
      return new ProblemException(400, 'BAD_REQUEST', message ?? 'the body could not be read');
    default:
      return undefined;
  }
}
