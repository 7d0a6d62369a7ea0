import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency.interceptor';
import { INTEGRATION_SECURITY_SCHEME } from '../integration/integration-api.decorator';

export interface OpenApiOptions {
  title?: string;
  description?: string;
  version?: string;
}

/** Serves the service's OpenAPI document at /openapi.json and a browsable UI at /docs. */
export function installOpenApi(app: INestApplication, serviceName: string, options: OpenApiOptions = {}): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title ?? serviceName)
      .setDescription(options.description ?? `${serviceName} service of the delivery warehouse. Errors are application/problem+json.`)
      .setVersion(options.version ?? '1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addSecurity(INTEGRATION_SECURITY_SCHEME, {
        type: 'apiKey',
        in: 'header',
        name: 'X-Signature',
        description:
          'hex(HMAC-SHA256(secret, METHOD\\npath?query\\nX-Timestamp\\nX-Nonce\\nhex(sha256(body)))) with X-Client-Id, X-Timestamp (unix s), X-Nonce',
      })
      .build(),
  );
  documentOptionalIdempotencyKey(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
}

const MUTATING_OPERATIONS = ['post', 'put', 'patch', 'delete'] as const;

/** Every mutating operation honours an Idempotency-Key (IdempotencyInterceptor is global); routes marked @Idempotent() already list it as required. */
function documentOptionalIdempotencyKey(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const method of MUTATING_OPERATIONS) {
      const operation = path[method];
      if (operation === undefined) continue;
      const parameters = (operation.parameters ??= []);
      if (parameters.some((parameter) => 'name' in parameter && parameter.name === IDEMPOTENCY_KEY_HEADER)) continue;
      parameters.push({
        name: IDEMPOTENCY_KEY_HEADER,
        in: 'header',
        required: false,
        description: 'optional: same key + same request = the first answer replayed; same key + another request = 422',
        schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
      });
    }
  }
}
