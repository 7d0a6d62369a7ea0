import { createHash, createHmac } from 'node:crypto';
import { ProblemException } from '../problem/problem.exception';
import { CursorCodec } from './cursor';
import { pageOf } from './page';

const codec = new CursorCodec('a-secret-of-at-least-thirty-two-chars!');
const position = { recordedAt: '2025-11-20T08:00:00.000Z', id: '0190c7d2-0000-7000-8000-000000000001' };

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return `${error.getStatus()} ${error.code}`;
    throw error;
  }
  return 'accepted';
}

describe('CursorCodec', () => {
  it('gives back the position it encoded', () => {
    expect(codec.decode(codec.encode(position))).toEqual(position);
    expect(codec.decode(codec.encode(position, 'receipts'), 'receipts')).toEqual(position);
  });

  it('makes URL-safe opaque strings', () => {
    expect(codec.encode(position)).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('refuses a cursor whose position was edited', () => {
    const [, tag] = codec.encode(position).split('.');
    const edited = Buffer.from(JSON.stringify({ ...position, id: 'someone-else' })).toString('base64url');
    expect(codeOf(() => codec.decode(`${edited}.${tag}`))).toBe('400 INVALID_CURSOR');
  });

  it('refuses truncated, garbled and empty cursors', () => {
    const cursor = codec.encode(position);
    for (const bad of [cursor.slice(0, -1), cursor.split('.')[0]!, `${cursor}.x`, '', '.', 'not-a-cursor', cursor.replace('.', '')]) {
      expect(codeOf(() => codec.decode(bad))).toBe('400 INVALID_CURSOR');
    }
  });

  it("refuses another list's cursor and another key's cursor", () => {
    expect(codeOf(() => codec.decode(codec.encode(position, 'receipts'), 'storage-cards'))).toBe('400 INVALID_CURSOR');
    const other = new CursorCodec('another-secret-of-thirty-two-chars!!');
    expect(codeOf(() => codec.decode(other.encode(position)))).toBe('400 INVALID_CURSOR');
  });

  it('refuses a correctly tagged payload that is not JSON (someone holding the key made it)', () => {
    const secret = 'a-secret-of-at-least-thirty-two-chars!';
    const payload = Buffer.from('{not json').toString('base64url');
    // The tag as the codec defines it: HMAC-SHA256 keyed by sha256("cursor:" + secret) over "scope\npayload", 16 bytes.
    const key = createHash('sha256').update(`cursor:${secret}`).digest();
    const tag = createHmac('sha256', key).update(`\n${payload}`).digest().subarray(0, 16).toString('base64url');
    expect(codeOf(() => new CursorCodec(secret).decode(`${payload}.${tag}`))).toBe('400 INVALID_CURSOR');
    // The same construction over a JSON payload is accepted, so the refusal above is the parse, not the tag.
    const json = Buffer.from('{"n":1}').toString('base64url');
    const jsonTag = createHmac('sha256', key).update(`\n${json}`).digest().subarray(0, 16).toString('base64url');
    expect(new CursorCodec(secret).decode(`${json}.${jsonTag}`)).toEqual({ n: 1 });
  });
});

describe('pageOf', () => {
  const rows = [1, 2, 3, 4];
  const toItem = (n: number) => ({ n });
  const cursorAfter = (n: number) => `after-${n}`;

  it('keeps limit rows and positions the next cursor after the last one kept, when a further row exists', () => {
    // 4 rows fetched for limit 3 (limit + 1): rows 1..3 are the page, row 4 proves a next page.
    expect(pageOf(rows, 3, toItem, cursorAfter)).toEqual({ items: [{ n: 1 }, { n: 2 }, { n: 3 }], nextCursor: 'after-3' });
  });

  it('has no next cursor on the last page', () => {
    expect(pageOf(rows, 4, toItem, cursorAfter)).toEqual({ items: rows.map(toItem), nextCursor: null });
    expect(pageOf([], 50, toItem, cursorAfter)).toEqual({ items: [], nextCursor: null });
  });
});
