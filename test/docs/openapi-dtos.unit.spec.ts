import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  getMetadataStorage,
  IS_IN,
  IS_OPTIONAL,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
  ValidationTypes,
} from 'class-validator';

/**
 * The services' OpenAPI documents are built by @nestjs/swagger from decorators alone (no CLI
 * plugin: the code is compiled by SWC), so a validated field without `@ApiProperty` is missing
 * from the contract. This keeps the two in step: every DTO class (exported from a `*.dto.ts`, or
 * declared beside its controller, or nested in another DTO) documents exactly the fields it
 * validates, each optional in the document exactly when `@IsOptional()` lets it be left out.
 */
const root = resolve(__dirname, '../..');
/** Where `@Type(() => X)` (inside `@Nested`) records X; class-transformer does not export it from its index. */
const { defaultMetadataStorage } = jest.requireActual<{ defaultMetadataStorage: TransformerMetadataStorage }>('class-transformer/cjs/storage');
type Class = abstract new (...args: never[]) => object;

/** Source files under services/ and libs/ whose names end with `suffix` (tests excluded). */
function sources(suffix: string): string[] {
  return ['services', 'libs'].flatMap((top) =>
    (readdirSync(join(root, top), { recursive: true }) as string[])
      .filter((path) => path.endsWith(suffix) && !path.split(/[\\/]/).includes('node_modules'))
      .map((path) => join(root, top, path)),
  );
}

const isClass = (value: unknown): value is Class => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
const validationsOf = (target: Class) => getMetadataStorage().getTargetValidationMetadatas(target as never, '', true, false);
const isValidated = (value: unknown): value is Class => isClass(value) && validationsOf(value).length > 0;

/** `:name` entries, inherited ones included (swagger copies the parent's list into the child's). */
const documentedNames = (target: Class): string[] =>
  ((Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, target.prototype) as string[] | undefined) ?? []).map((entry) => entry.replace(/^:/, ''));
const documentationOf = (target: Class, property: string) =>
  Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, target.prototype, property) as Documentation | undefined;
interface Documentation {
  required?: boolean;
  type?: unknown;
  isArray?: boolean;
  enum?: unknown[];
  items?: { enum?: unknown[] };
  format?: string;
  [bound: string]: unknown;
}

/** Each validator that bounds a value, and the OpenAPI keyword that states the same bound. */
const BOUNDS: Record<string, string> = {
  [MIN_LENGTH]: 'minLength',
  [MAX_LENGTH]: 'maxLength',
  [MIN]: 'minimum',
  [MAX]: 'maximum',
  [ARRAY_MIN_SIZE]: 'minItems',
  [ARRAY_MAX_SIZE]: 'maxItems',
};
/** A `@Matches` that asks for a calendar date; the field is then documented with `format: 'date'`. */
const DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;

/** The DTO class a `@Nested(() => X)` / `@Type(() => X)` property holds. */
const nestedTypeOf = (target: Class, property: string): Class | undefined => {
  const type = defaultMetadataStorage.findTypeMetadata(target as never, property)?.typeFunction();
  return isClass(type) ? type : undefined;
};

interface Found {
  dtos: Map<Class, string>;
  /** `@Body()` / `@Query()` parameters: route, and the declared type of the parameter. */
  parameters: { route: string; kind: 'body' | 'query'; type: unknown; data: unknown }[];
}

async function load(): Promise<Found> {
  const dtos = new Map<Class, string>();
  const parameters: Found['parameters'] = [];
  const add = (target: Class, where: string): void => {
    if (dtos.has(target)) return;
    dtos.set(target, where);
    for (const metadata of validationsOf(target)) {
      if (metadata.type !== ValidationTypes.NESTED_VALIDATION) continue;
      const nested = nestedTypeOf(target, metadata.propertyName);
      if (nested && isValidated(nested)) add(nested, `${where} (${target.name}.${metadata.propertyName})`);
    }
  };
  for (const file of [...sources('.dto.ts'), ...sources('.controller.ts')]) {
    const where = relative(root, file);
    const exported = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (!isClass(value)) continue;
      if (isValidated(value)) add(value, where);
      const routeArgs = (key: string) => Reflect.getMetadata(ROUTE_ARGS_METADATA, value, key) as Record<string, { index: number; data?: unknown }> | undefined;
      for (const method of Object.getOwnPropertyNames(value.prototype)) {
        const args = routeArgs(method);
        if (!args) continue;
        const types = (Reflect.getMetadata('design:paramtypes', value.prototype, method) as unknown[] | undefined) ?? [];
        for (const [key, arg] of Object.entries(args)) {
          const paramtype = Number(key.split(':')[0]);
          const kind = paramtype === RouteParamtypes.BODY ? 'body' : paramtype === RouteParamtypes.QUERY ? 'query' : undefined;
          if (kind) parameters.push({ route: `${where} ${value.name}.${method}`, kind, type: types[arg.index], data: arg.data });
        }
      }
    }
  }
  for (const { type, route } of parameters) if (isValidated(type)) add(type, route);
  return { dtos, parameters };
}

let found: Found;
beforeAll(async () => {
  found = await load();
});

describe('the OpenAPI contract of request and query DTOs', () => {
  it('every @Body() and @Query() of every controller is a whole validated DTO class', () => {
    expect(found.parameters.length).toBeGreaterThan(50);
    const notDtos = found.parameters
      .filter(({ type, data }) => data !== undefined || !isValidated(type))
      .map(
        ({ route, kind, type, data }) => `${route}: @${kind}(${data === undefined ? '' : JSON.stringify(data)}) ${isClass(type) ? type.name : String(type)}`,
      );
    expect(notDtos).toEqual([]);
  });

  it('every validated field of every request and query DTO is documented in OpenAPI, optional exactly when it may be left out', () => {
    expect(found.dtos.size).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const [dto, where] of found.dtos) {
      const validations = validationsOf(dto);
      const validated = new Set(validations.map((metadata) => metadata.propertyName));
      const documented = new Set(documentedNames(dto));
      for (const name of validated) if (!documented.has(name)) problems.push(`${dto.name}.${name} (${where}): validated, not documented`);
      for (const name of documented) if (!validated.has(name)) problems.push(`${dto.name}.${name} (${where}): documented, not validated`);
      for (const name of validated) {
        const documentation = documentationOf(dto, name);
        if (!documentation) continue;
        const optional = validations.some(
          (metadata) => metadata.propertyName === name && metadata.type === ValidationTypes.CONDITIONAL_VALIDATION && metadata.name === IS_OPTIONAL,
        );
        // swagger reads a missing `required` as required (the schema lists it, a query parameter says `required: true`).
        const documentedRequired = documentation.required !== false;
        if (optional === documentedRequired) {
          problems.push(
            `${dto.name}.${name} (${where}): ${optional ? '@IsOptional() but documented as required' : 'required but documented with required: false'}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a nested DTO is documented as that DTO class, as a list of them where each element is validated', () => {
    const problems: string[] = [];
    for (const [dto, where] of found.dtos) {
      for (const metadata of validationsOf(dto)) {
        if (metadata.type !== ValidationTypes.NESTED_VALIDATION) continue;
        const nested = nestedTypeOf(dto, metadata.propertyName);
        const documentation = documentationOf(dto, metadata.propertyName);
        if (!nested || !documentation) continue; // the tests above name a missing one
        const documentedType =
          typeof documentation.type === 'function' && !isClass(documentation.type) ? (documentation.type as () => unknown)() : documentation.type;
        const each = metadata.each === true;
        if (documentedType !== nested || Boolean(documentation.isArray) !== each) {
          const shown = isClass(documentedType) ? documentedType.name : String(documentedType);
          problems.push(
            `${dto.name}.${metadata.propertyName} (${where}): holds ${each ? 'a list of ' : ''}${nested.name}, documented as ${documentation.isArray ? 'a list of ' : ''}${shown}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a documented bound or list of values is the validator’s own: minLength, maxLength, minimum, maximum, minItems, maxItems, enum, date format', () => {
    const problems: string[] = [];
    for (const [dto, where] of found.dtos) {
      const validations = validationsOf(dto);
      for (const name of new Set(validations.map((metadata) => metadata.propertyName))) {
        const documentation = documentationOf(dto, name);
        if (!documentation) continue; // the test above names it
        const own = validations.filter((metadata) => metadata.propertyName === name);
        const at = `${dto.name}.${name} (${where})`;
        for (const [validator, keyword] of Object.entries(BOUNDS)) {
          const validated = own.find((metadata) => metadata.name === validator)?.constraints[0] as number | undefined;
          if (documentation[keyword] !== validated) problems.push(`${at}: ${keyword} ${String(documentation[keyword])}, the validator’s ${String(validated)}`);
        }
        const isIn = own.find((metadata) => metadata.name === IS_IN)?.constraints[0] as unknown[] | undefined;
        const documentedEnum = documentation.enum ?? documentation.items?.enum;
        if (isIn && JSON.stringify([...(documentedEnum ?? [])].sort()) !== JSON.stringify([...isIn].sort())) {
          problems.push(`${at}: enum ${JSON.stringify(documentedEnum)}, the validator’s ${JSON.stringify(isIn)}`);
        }
        const asksForDate = own.some((metadata) => metadata.name === MATCHES && (metadata.constraints[0] as RegExp).source === DATE_PATTERN);
        if (asksForDate && documentation.format !== 'date') problems.push(`${at}: a date YYYY-MM-DD, documented with format ${String(documentation.format)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
