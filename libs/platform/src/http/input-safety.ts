import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemException } from '../problem/problem.exception';

/** Deeper than any request of ours (a receipt split is 4 levels): deeper bodies are refused before any code walks them recursively. */
export const MAX_BODY_DEPTH = 32;

/**
 * C0 control characters other than tab, line feed and carriage return (NUL above all: PostgreSQL
 * cannot store it in text), DEL, and UTF-16 surrogates that are not part of a pair (they cannot
 * be encoded as UTF-8, so PostgreSQL's json refuses them).
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where in the request a bad value sits, as a problem's `field` names it. */
type Where = 'path' | 'query' | 'body';

/**
 * One gate for every service, before routing: a request whose path, query or JSON body holds a
 * control character or a lone surrogate, or whose body nests deeper than MAX_BODY_DEPTH, is
 * refused with 400 and the field, so no handler, validator or database ever sees it.
 */
export function refuseUnsafeInput(
  request: IncomingMessage & { body?: unknown; query?: unknown },
  _response: ServerResponse,
  next: (error?: unknown) => void,
): void {
  try {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    checkPath(queryAt < 0 ? url : url.slice(0, queryAt));
    walk(request.query, 'query');
    walk(request.body, 'body');
    next();
  } catch (error) {
    next(error);
  }
}

function checkPath(path: string): void {
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw refusal('INVALID_ENCODING', 'the path holds a percent-encoding that is not UTF-8', 'path');
    }
    if (UNSAFE.test(decoded)) throw refusal('INVALID_CHARACTERS', 'the path holds a control character or an unpaired surrogate', 'path');
  }
}

/** Iterative, so that no nesting can overflow the stack here. */
function walk(root: unknown, where: Where): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: where, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSAFE.test(value)) throw refusal('INVALID_CHARACTERS', `${path} holds a control character or an unpaired surrogate`, fieldOf(path));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) throw refusal('BODY_TOO_DEEP', `${where} nests deeper than ${MAX_BODY_DEPTH} levels`, fieldOf(path));
    const entries = Array.isArray(value) ? value.map((item, index) => [`${index}`, item] as const) : Object.entries(value);
    for (const [key, item] of entries) {
      const childPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
      if (UNSAFE.test(key)) throw refusal('INVALID_CHARACTERS', `a key in ${path} holds a control character or an unpaired surrogate`, fieldOf(path));
      stack.push({ value: item, path: childPath, depth: depth + 1 });
    }
  }
}

/** `body.holder.name` → `holder.name` (the body's fields are named as the DTO names them). */
function fieldOf(path: string): string {
  return path.replace(/^body\.?/, '') || path;
}

function refusal(code: string, detail: string, field: string): ProblemException {
  return new ProblemException(400, code, detail, { field });
}
