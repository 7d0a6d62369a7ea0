import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { readFileSync } from 'node:fs';

/** What a JSON-or-file variable turns into when it cannot be read; the validator reports `reason`. */
export class UnreadableJson {
  constructor(readonly reason: string) {}
}

/**
 * The value is JSON when it starts with `{` or `[`, else the path of a JSON file (mounted
 * secrets are files). Parsed here, judged by the property's validator.
 */
export function readJsonOrFile(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text.startsWith('{') || text.startsWith('[')) return parseJson(text, 'is not valid JSON');
  let content: string;
  try {
    content = readFileSync(text, 'utf8');
  } catch (error) {
    return new UnreadableJson(`is neither JSON nor a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}: ${text})`);
  }
  return parseJson(content, `file ${text} is not valid JSON`);
}

function parseJson(text: string, reason: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return new UnreadableJson(reason);
  }
}

export const JsonOrFile = (): PropertyDecorator => Transform(({ value }) => readJsonOrFile(value));

/**
 * Validates a JSON-or-file value with a parser that throws an Error saying what is wrong;
 * the message becomes the ConfigError reason.
 */
export function IsParsedBy(name: string, parse: (value: unknown) => unknown, options?: ValidationOptions): PropertyDecorator {
  const problemOf = (value: unknown): string | undefined => {
    if (value instanceof UnreadableJson) return value.reason;
    try {
      parse(value);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => problemOf(value) === undefined,
        defaultMessage: (args) => problemOf(args?.value) ?? 'is invalid',
      },
    },
    options,
  );
}
