import { ProblemException } from '../problem/problem.exception';
import { etagOf, expectedVersionOf, parseIfMatch } from './etag';

function refusalOf(run: () => unknown): ProblemException {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('ETags of versioned resources', () => {
  it('are strong tags of the stream version', () => {
    expect(etagOf(0)).toBe('"0"');
    expect(etagOf(17)).toBe('"17"');
  });

  it('refuse what is not a stream version', () => {
    expect(() => etagOf(-1)).toThrow(RangeError);
    expect(() => etagOf(1.5)).toThrow(RangeError);
  });

  it('round-trip through If-Match', () => {
    expect(parseIfMatch(etagOf(42))).toBe(42);
    expect(parseIfMatch(` ${etagOf(3)} `, { required: true })).toBe(3);
  });
});

describe('parseIfMatch', () => {
  it('reads * as "any version of an existing resource"', () => {
    expect(parseIfMatch('*', { required: true })).toBe('any');
  });

  it('lets an optional header be absent', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('')).toBeUndefined();
  });

  it('answers 428 PRECONDITION_REQUIRED when a route requires it and it is absent', () => {
    const error = refusalOf(() => parseIfMatch(undefined, { required: true }));
    expect(error.getStatus()).toBe(428);
    expect(error.code).toBe('PRECONDITION_REQUIRED');
    expect(error.extras.field).toBe('If-Match');
  });

  it.each([
    ['an unquoted version', '7'],
    ['a weak tag (never matches under strong comparison)', 'W/"7"'],
    ['a list of tags', '"7", "8"'],
    ['a negative version', '"-1"'],
    ['a leading zero', '"07"'],
    ['a non-number', '"abc"'],
    ['a number beyond 2^53', '"99999999999999999"'],
  ])('answers 400 INVALID_IF_MATCH for %s', (_case, header) => {
    const error = refusalOf(() => parseIfMatch(header, { required: true }));
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('INVALID_IF_MATCH');
  });
});

describe('expectedVersionOf', () => {
  it('expects the version an If-Match names, and none for `*` or no header', () => {
    expect(expectedVersionOf(parseIfMatch('"7"'))).toBe(7);
    expect(expectedVersionOf(parseIfMatch('"0"'))).toBe(0);
    expect(expectedVersionOf(parseIfMatch('*'))).toBeUndefined();
    expect(expectedVersionOf(parseIfMatch(undefined))).toBeUndefined();
  });
});
