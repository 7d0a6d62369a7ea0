import { Transform } from 'class-transformer';

const DECIMAL_INTEGER = /^-?\d{1,15}$/;

/**
 * Turns a decimal integer string ("42", "-3") into a number and leaves anything else as it
 * came, so that `@IsInt()` rejects it with a clear reason. `Number()` would turn "", " ",
 * "0x10" and "1e3" into numbers silently: that is the implicit-conversion surprise this avoids.
 * Numbers pass through unchanged (JSON bodies already carry them typed).
 */
export function parseStrictInt(value: unknown): unknown {
  return typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value;
}

/** For query parameters and environment variables, which always arrive as strings. */
export const StrictInt = (): PropertyDecorator => Transform(({ value }) => parseStrictInt(value));
