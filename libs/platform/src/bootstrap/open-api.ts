import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { OPENAPI_PUBLIC } from '../auth/auth.decorators';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency.interceptor';
import { INTEGRATION_SECURITY_SCHEME } from '../integration/integration-api.decorator';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';

export interface OpenApiOptions {
  title?: string;
  description?: string;
  version?: string;
}

const BEARER_SECURITY_SCHEME = 'bearer';

/** Serves the service's OpenAPI document at /openapi.json and a browsable UI at /docs. */
export function installOpenApi(app: INestApplication, serviceName: string, options: OpenApiOptions = {}): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title ?? serviceName)
      .setDescription(options.description ?? `${serviceName} service of the delivery warehouse. Errors are application/problem+json.`)
      .setVersion(options.version ?? '1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SECURITY_SCHEME)
      .addSecurity(INTEGRATION_SECURITY_SCHEME, {
        type: 'apiKey',
        in: 'header',
        name: 'X-Signature',
        description:
          'hex(HMAC-SHA256(secret, METHOD\\npath?query\\nX-Timestamp\\nX-Nonce\\nhex(sha256(body)))) with X-Client-Id, X-Timestamp (unix s), X-Nonce',
      })
      .build(),
  );
  completeOperations(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
}

const MUTATING_OPERATIONS = ['post', 'put', 'patch', 'delete'] as const;
const OPERATIONS = ['get', ...MUTATING_OPERATIONS] as const;

/** RFC 9457 problem details as every service answers them (see problem.ts). */
const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code', 'traceId'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://errors.delivery-warehouse.dev/receipt-not-found' },
    title: { type: 'string', example: 'Receipt not found' },
    status: { type: 'integer', example: 404 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'the request path' },
    code: { type: 'string', description: 'stable, machine-readable; the catalogue is docs/error-codes.md', example: 'RECEIPT_NOT_FOUND' },
    field: { type: 'string', description: 'the input at fault, as a dotted path' },
    details: { type: 'object', additionalProperties: true },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' }, constraint: { type: 'string' } } },
    },
    traceId: { type: 'string' },
  },
};

/** The refusals any operation may give, each a problem+json document. */
const ERRORS_OF_EVERY_OPERATION: Readonly<Record<string, string>> = {
  '400': 'malformed request: invalid fields (VALIDATION_FAILED, errors[]), unsafe characters, too deep, bad cursor or header',
  '401': 'no valid bearer token or request signature (UNAUTHENTICATED, SIGNATURE_*)',
  '403': 'the caller’s role may not do this (FORBIDDEN_ROLE) or a rule forbids this caller',
  '404': 'the thing named does not exist, or is another party’s (answered alike)',
  '409': 'the state does not allow it now (a concurrent change, a step out of order, in flight under the same Idempotency-Key)',
  '422': 'the values break a business rule',
  '431': 'headers too large (HEADERS_TOO_LARGE)',
  '500': 'unexpected failure (INTERNAL), with a trace id to quote',
  '503': 'a dependency is unavailable or a read model is behind (DATABASE_UNAVAILABLE, READ_MODEL_BEHIND); retry after Retry-After',
};
const ERRORS_OF_CHANGES: Readonly<Record<string, string>> = {
  '413': 'body too large (PAYLOAD_TOO_LARGE)',
  '415': 'body not JSON (UNSUPPORTED_MEDIA_TYPE)',
  '428': 'If-Match required (PRECONDITION_REQUIRED)',
};

/**
 * What the decorators leave out, added once for every operation so the document is a contract:
 * its security (bearer unless signed or public), the problem+json refusals it may answer, and
 * the optional Idempotency-Key every change honours (IdempotencyInterceptor is global; routes
 * marked @Idempotent() already list it as required).
 */
function completeOperations(document: OpenAPIObject): void {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  for (const path of Object.values(document.paths)) {
    for (const method of OPERATIONS) {
      const operation = path[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (operation === undefined) continue;
      const isPublic = operation[OPENAPI_PUBLIC] === true;
      if (isPublic) operation.security = [];
      else if (!operation.security?.length) operation.security = [{ [BEARER_SECURITY_SCHEME]: [] }];
      if (isPublic) continue;
      const mutating = (MUTATING_OPERATIONS as readonly string[]).includes(method);
      const errors = { ...ERRORS_OF_EVERY_OPERATION, ...(mutating ? ERRORS_OF_CHANGES : {}) };
      for (const [status, description] of Object.entries(errors)) {
        operation.responses[status] ??= {
          description,
          content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
        } satisfies ResponseObject;
      }
      if (mutating) documentOptionalIdempotencyKey(operation);
    }
  }
}

function documentOptionalIdempotencyKey(operation: OperationObject): void {
  const parameters = (operation.parameters ??= []);
  if (parameters.some((parameter) => 'name' in parameter && parameter.name === IDEMPOTENCY_KEY_HEADER)) return;
  parameters.push({
    name: IDEMPOTENCY_KEY_HEADER,
    in: 'header',
    required: false,
    description: 'optional: same key + same request = the first answer replayed; same key + another request = 422',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
  });
}
