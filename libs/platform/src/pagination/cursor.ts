import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ProblemException } from '../problem/problem.exception';

/**
 * Opaque page cursors: base64url(JSON position) + "." + base64url(HMAC-SHA256 tag, 16 bytes).
 * The tag makes a cursor the client edited (or truncated, or took from another list) fail
 * with 400 `INVALID_CURSOR` instead of starting a query at a position it made up.
 */
export class CursorCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length === 0) throw new RangeError('a cursor secret is required');
    this.key = createHash('sha256').update(`cursor:${secret}`).digest();
  }

  /** `scope` (e.g. the list's name) keeps one list's cursors out of another list. */
  encode(position: unknown, scope = ''): string {
    const payload = Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
    return `${payload}.${this.tag(scope, payload).toString('base64url')}`;
  }

  /** The position `encode` was given; throws 400 `INVALID_CURSOR` for anything it did not make. */
  decode<T = unknown>(cursor: string, scope = ''): T {
    const [payload, tag, extra] = cursor.split('.');
    if (!payload || !tag || extra !== undefined) throw invalidCursor();
    const given = Buffer.from(tag, 'base64url');
    const expected = this.tag(scope, payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T;
    } catch {
      throw invalidCursor();
    }
  }

  private tag(scope: string, payload: string): Buffer {
    return createHmac('sha256', this.key).update(`${scope}\n${payload}`).digest().subarray(0, 16);
  }
}

function invalidCursor(): ProblemException {
  return new ProblemException(400, 'INVALID_CURSOR', 'the cursor is not one this list handed out; start again without it', {
    field: 'cursor',
  });
}
