import type { ValidationError } from 'class-validator';
import type { FieldError } from '../problem/problem';

/**
 * class-validator's error tree -> one entry per broken constraint, each naming its input by a
 * dotted path: `lines.0.weightKg` for a property of the first element of `lines`. An error on
 * the body as a whole (e.g. an array where an object was expected) has the empty path.
 */
export function flattenValidationErrors(errors: readonly ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([constraint, reason]) => ({ field: path, reason, constraint }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string | undefined): string {
  if (property === undefined || property === '') return parent;
  return parent === '' ? property : `${parent}.${property}`;
}
