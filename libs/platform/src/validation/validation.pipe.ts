import { ValidationPipe } from '@nestjs/common';
import { ProblemException } from '../problem/problem.exception';
import { flattenValidationErrors } from './validation-errors';

/**
 * The one validation pipe every service runs globally:
 * - `whitelist` + `forbidNonWhitelisted`: an unknown field is an error, never silently dropped;
 * - `transform`: handlers receive DTO instances;
 * - no implicit conversion: `"12"` is not a number and `"false"` is not a boolean. Query and
 *   path values that should be numbers say so with `@StrictInt()`;
 * - errors leave as 400 `VALIDATION_FAILED` with every broken field, not just the first.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const fields = [...new Set(fieldErrors.map((error) => error.field || '(body)'))];
      return new ProblemException(400, 'VALIDATION_FAILED', `invalid input: ${fields.join(', ')}`, { errors: fieldErrors });
    },
  });
}
