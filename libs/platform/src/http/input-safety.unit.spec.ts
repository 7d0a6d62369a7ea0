import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemException } from '../problem/problem.exception';
import { MAX_BODY_DEPTH, refuseUnsafeInput } from './input-safety';

/** Runs the gate over a request of this shape; answers the refusal (code and field) or 'passed'. */
function gate(request: { url: string; query?: unknown; body?: unknown }): { code: string; field?: string } | 'passed' {
  let outcome: unknown = 'unset';
  refuseUnsafeInput(request as IncomingMessage & { body?: unknown; query?: unknown }, {} as ServerResponse, (error) => (outcome = error ?? 'passed'));
  if (outcome === 'passed') return 'passed';
  if (outcome instanceof ProblemException) return { code: outcome.code, field: outcome.extras.field };
  throw new Error(`unexpected outcome ${String(outcome)}`);
}

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('refuseUnsafeInput', () => {
  it('lets ordinary requests through, Chinese text, emoji (a surrogate pair), tabs and new lines included', () => {
    expect(
      gate({
        url: '/receipts/R-1?holderCard=SC000241',
        query: { holderCard: 'SC000241' },
        body: { holderName: '无锡钢铁贸易有限公司 🚚', note: 'line one\nline two\tend' },
      }),
    ).toBe('passed');
  });

  it.each([
    ['a NUL in a path parameter', { url: '/receipts/%00' }, { code: 'INVALID_CHARACTERS', field: 'path' }],
    ['a percent-encoding that is not UTF-8', { url: '/receipts/%ED%A0%80' }, { code: 'INVALID_ENCODING', field: 'path' }],
    ['a NUL in a filter', { url: '/receipts?holderCard=%00', query: { holderCard: '\u0000' } }, { code: 'INVALID_CHARACTERS', field: 'query.holderCard' }],
    ['a lone high surrogate in a body string', { url: '/storage-cards', body: { holderName: '\ud800' } }, { code: 'INVALID_CHARACTERS', field: 'holderName' }],
    [
      'a lone low surrogate deep in a body',
      { url: '/transfers', body: { entered: { lines: [{ note: 'x\udc00' }] } } },
      { code: 'INVALID_CHARACTERS', field: 'entered.lines[0].note' },
    ],
    [
      'a control character (ESC) in a body string',
      { url: '/storage-cards', body: { holderName: 'a\u001bb' } },
      { code: 'INVALID_CHARACTERS', field: 'holderName' },
    ],
    ['a NUL in a body key', { url: '/storage-cards', body: { 'holder\u0000Name': 'x' } }, { code: 'INVALID_CHARACTERS', field: 'body' }],
  ])('refuses %s with 400', (_case, request, refusal) => {
    expect(gate(request)).toEqual(refusal);
  });

  it(`refuses a body nested deeper than ${MAX_BODY_DEPTH} levels, without overflowing the stack on 5,000`, () => {
    expect(gate({ url: '/storage-cards', body: nested(MAX_BODY_DEPTH) })).toBe('passed');
    expect(gate({ url: '/storage-cards', body: nested(MAX_BODY_DEPTH + 1) })).toMatchObject({ code: 'BODY_TOO_DEEP' });
    expect(gate({ url: '/storage-cards', body: nested(5_000) })).toMatchObject({ code: 'BODY_TOO_DEEP' });
  });
});
