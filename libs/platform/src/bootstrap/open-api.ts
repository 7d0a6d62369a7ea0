import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
}
