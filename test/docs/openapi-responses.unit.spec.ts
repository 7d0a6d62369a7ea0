import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ModelPropertiesAccessor } from '@nestjs/swagger/dist/services/model-properties-accessor';
import { SchemaObjectFactory } from '@nestjs/swagger/dist/services/schema-object-factory';
import { SwaggerTypesMapper } from '@nestjs/swagger/dist/services/swagger-types-mapper';

/**
 * The services' OpenAPI documents are built by @nestjs/swagger from decorators alone (no CLI
 * plugin: the code is compiled by SWC), so an operation without `@ApiOkResponse` /
 * `@ApiCreatedResponse` / `@ApiPageResponse` documents its success answer as an empty
 * description, and a field whose TypeScript type is `string | null` or `X[]` is documented as a
 * bare object or an array of anything. This keeps the success answers a contract: every route
 * of every HTTP controller (the health and metrics probes aside: they are @Public and left out
 * of the document) documents the status it answers with, and the schema of that answer, down to
 * every field of every nested object.
 */
const root = resolve(__dirname, '../..');
type Class = abstract new (...args: never[]) => object;

/** Probes for the orchestrator, excluded from the document (@ApiExcludeController, or a text body). */
const PROBES = ['libs/platform/src/health/health.controller.ts', 'libs/platform/src/health/metrics.controller.ts'];

/** `*.controller.ts` under services/ and libs/platform (tests, fixtures and probes excluded). */
function controllerFiles(): string[] {
  return ['services', 'libs/platform'].flatMap((top) =>
    (readdirSync(join(root, top), { recursive: true }) as string[])
      .filter((path) => path.endsWith('.controller.ts'))
      .filter((path) => !path.split(/[\\/]/).some((part) => part === 'node_modules' || part === 'fixtures'))
      .map((path) => join(root, top, path))
      .filter((file) => !PROBES.includes(relative(root, file).split('\\').join('/'))),
  );
}

const isClass = (value: unknown): value is Class => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
const BUILT_IN_TYPES: readonly unknown[] = [String, Number, Boolean, Date, Object, Array];

/** The class a documented `type` names (`X`, or a lazy `() => X`); undefined for built-in and string types. */
function classOf(type: unknown): Class | undefined {
  if (BUILT_IN_TYPES.includes(type) || typeof type !== 'function') return undefined;
  if (isClass(type)) return type;
  const resolved = (type as () => unknown)();
  return isClass(resolved) ? resolved : undefined;
}

/** `:name` entries, inherited ones included (swagger copies the parent's list into the child's). */
const documentedNames = (target: Class): string[] =>
  ((Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, target.prototype) as string[] | undefined) ?? []).map((entry) => entry.replace(/^:/, ''));
const documentationOf = (target: Class, property: string) =>
  Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, target.prototype, property) as Record<string, unknown> & { type?: unknown; description?: unknown };

interface ResponseEntry {
  description?: string;
  type?: unknown;
  isArray?: boolean;
  schema?: SchemaObject;
}

interface Route {
  /** Service (or library) and controller file, for the messages. */
  where: string;
  /** `services/<name>` or `libs/platform`: one OpenAPI document (platform controllers are in every service's). */
  document: string;
  name: string;
  status: number;
  response: ResponseEntry | undefined;
  /** Models `@ApiExtraModels` adds for the route (its controller's and its own). */
  extraModels: Class[];
}

async function routes(): Promise<Route[]> {
  const found: Route[] = [];
  for (const file of controllerFiles()) {
    const where = relative(root, file);
    const document = where.split(/[\\/]/).slice(0, 2).join('/');
    const exported = (await import(file)) as Record<string, unknown>;
    for (const controller of Object.values(exported)) {
      if (!isClass(controller)) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      if (base === undefined) continue;
      const classResponses = (Reflect.getMetadata(DECORATORS.API_RESPONSE, controller) as Record<string, ResponseEntry> | undefined) ?? {};
      const classModels = (Reflect.getMetadata(DECORATORS.API_EXTRA_MODELS, controller) as Class[] | undefined) ?? [];
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[key];
        if (typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (method === undefined || path === undefined) continue;
        const status = (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200);
        const responses = {
          ...classResponses,
          ...((Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) as Record<string, ResponseEntry> | undefined) ?? {}),
        };
        const route = `/${[base, path].join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
        found.push({
          where,
          document,
          name: `${RequestMethod[method]} ${route} (${controller.name}.${key}, ${where})`,
          status,
          response: responses[String(status)],
          extraModels: [...classModels, ...((Reflect.getMetadata(DECORATORS.API_EXTRA_MODELS, handler) as Class[] | undefined) ?? [])],
        });
      }
    }
  }
  return found;
}

/** Every `$ref` in a hand-written schema. */
function refsIn(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(refsIn);
  if (schema === null || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refsIn(value)));
}

/** The classes a success answer is documented by, or why it is not documented. */
function modelsOf(route: Route): { models: Class[]; problem?: string } {
  const { response } = route;
  if (!response) return { models: [], problem: `answers ${route.status}, which it does not document` };
  if (!response.description) return { models: [], problem: `documents ${route.status} without a description` };
  if (route.status === 204) return { models: [] };
  const type = classOf(response.type);
  if (type) return { models: [type] };
  if (!response.schema) return { models: [], problem: `documents ${route.status} without a type or schema` };
  const refs = refsIn(response.schema);
  if (refs.length === 0) return { models: [], problem: `documents ${route.status} with a schema that names no response DTO` };
  const models: Class[] = [];
  for (const ref of refs) {
    const model = route.extraModels.find((candidate) => `#/components/schemas/${candidate.name}` === ref);
    if (!model) return { models: [], problem: `refers to ${ref}, which no @ApiExtraModels of the route declares` };
    models.push(model);
  }
  return { models };
}

/** The documented classes reachable from `models` through their properties, each with where it was reached from. */
function reachable(models: Class[], from: string, into: Map<Class, string>): void {
  for (const model of models) {
    if (into.has(model)) continue;
    into.set(model, from);
    for (const name of documentedNames(model)) {
      const nested = classOf(documentationOf(model, name)?.type);
      if (nested) reachable([nested], `${from} → ${model.name}.${name}`, into);
    }
  }
}

let found: Route[];
beforeAll(async () => {
  found = await routes();
});

describe('the OpenAPI contract of success answers', () => {
  it('every operation documents the schema of its success answer', () => {
    expect(found.length).toBeGreaterThan(80);
    const problems: string[] = [];
    for (const route of found) {
      const { models, problem } = modelsOf(route);
      if (problem) problems.push(`${route.name}: ${problem}`);
      for (const model of models) if (documentedNames(model).length === 0) problems.push(`${route.name}: ${model.name} documents no property`);
    }
    expect(problems).toEqual([]);
  });

  it('every field of every success answer names its type and says what it is, down to nested objects', () => {
    const classes = new Map<Class, string>();
    for (const route of found) reachable(modelsOf(route).models, route.name, classes);
    expect(classes.size).toBeGreaterThan(60);
    const problems: string[] = [];
    for (const [model, from] of classes) {
      if (documentedNames(model).length === 0) problems.push(`${model.name} (${from}): documents no property`);
      for (const name of documentedNames(model)) {
        const documentation = documentationOf(model, name);
        const at = `${model.name}.${name} (${from})`;
        if (typeof documentation.description !== 'string' || documentation.description.trim() === '') problems.push(`${at}: no description`);
        // Without the CLI plugin the type comes from design:type, which is Object for `string | null`
        // and any union, and Array (of anything) for a list: the field must name its type itself.
        if (documentation.type === Object || documentation.type === Array || documentation.type === undefined) {
          problems.push(`${at}: documented as ${String((documentation.type as { name?: string } | undefined)?.name)}, not as its own type`);
        }
        const nested = classOf(documentation.type);
        if (typeof documentation.type === 'function' && !BUILT_IN_TYPES.includes(documentation.type) && !nested) {
          problems.push(`${at}: its type is a function that names no class`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('each OpenAPI document can build every success schema, and no two response classes in one document share a schema name', () => {
    const factory = new SchemaObjectFactory(new ModelPropertiesAccessor(), new SwaggerTypesMapper());
    const byDocument = new Map<string, Map<Class, string>>();
    for (const route of found) {
      const classes = byDocument.get(route.document) ?? new Map<Class, string>();
      reachable(modelsOf(route).models, route.name, classes);
      byDocument.set(route.document, classes);
    }
    // The platform's controllers are served by every service, in the same document as its own.
    const platform = byDocument.get('libs/platform') ?? new Map<Class, string>();
    const problems: string[] = [];
    for (const [document, own] of byDocument) {
      if (document === 'libs/platform') continue;
      const classes = new Map([...platform, ...own]);
      const names = new Map<string, Class>();
      const schemas: Record<string, SchemaObject> = {};
      for (const [model, from] of classes) {
        const other = names.get(model.name);
        if (other && other !== model) problems.push(`${document}: two classes are named ${model.name} (one reached from ${from}); swagger would keep only one`);
        names.set(model.name, model);
        try {
          factory.exploreModelSchema(model as never, schemas);
        } catch (error) {
          problems.push(`${document}: ${model.name} (${from}): ${(error as Error).message}`);
        }
        const schema = schemas[model.name];
        if (schema && Object.keys(schema.properties ?? {}).length === 0)
          problems.push(`${document}: ${model.name} (${from}) builds a schema without properties`);
      }
      for (const ref of refsIn(schemas)) {
        if (!(ref.replace('#/components/schemas/', '') in schemas)) problems.push(`${document}: ${ref} is referred to and not built`);
      }
    }
    expect(problems).toEqual([]);
  });
});
