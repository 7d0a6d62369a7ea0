import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * A nested DTO (or, with `each`, an array of them), validated with its own class. class-validator's
 * `@ValidateNested` alone passes a missing value, a string or an array where an object belongs,
 * and the handler then met `undefined.kind` (a 500); here each must be an object. Put
 * `@IsOptional()` before it for a nested object that may be left out, and `@IsArray()` beside it
 * for a list.
 */
export const Nested = (type: () => new () => object, options: { each?: boolean } = {}): PropertyDecorator =>
  applyDecorators(
    IsObject({ each: options.each ?? false, message: options.each ? '$property must hold objects' : '$property must be an object' }),
    ValidateNested({ each: options.each ?? false }),
    Type(type),
  );
