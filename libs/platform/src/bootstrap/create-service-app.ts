import type { DynamicModule, INestApplication, LoggerService, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { initMetrics, JsonLogger } from '@dw/observability';
import { installBodyParsing, type BodyParsingOptions } from '../http/body-parsing';
import { installClientErrorProblems } from '../http/client-errors';
import { installHttpTracing } from '../http/http-tracing';
import { installLogPositionHeader } from '../http/read-your-writes';
import { installOpenApi, type OpenApiOptions } from './open-api';
import { ServiceRootModule, type ServiceRootOptions } from './service-root.module';

export interface ServiceAppOptions extends ServiceRootOptions, BodyParsingOptions {
  /** Defaults to the JsonLogger (@dw/observability) at the configured LOG_LEVEL. */
  logger?: LoggerService;
  openApi?: OpenApiOptions;
}

/**
 * The Nest app of a service, configured but not listening: bootstrapService uses it, and so
 * do integration tests, which therefore exercise exactly what production runs.
 */
export async function createServiceApp(appModule: Type | DynamicModule, options: ServiceAppOptions): Promise<INestApplication> {
  // Every series on /metrics carries the service label, and process metrics are collected.
  initMetrics({ serviceName: options.config.SERVICE_NAME });
  const app = await NestFactory.create(ServiceRootModule.wrap(appModule, options), {
    bodyParser: false,
    rawBody: true,
    logger: options.logger ?? new JsonLogger({ service: options.config.SERVICE_NAME, level: options.config.LOG_LEVEL }),
  });
  installClientErrorProblems(app);
  installHttpTracing(app);
  installBodyParsing(app, options);
  // After the body is read: the parser calls on from the socket's context, which would lose the observer.
  installLogPositionHeader(app);
  installOpenApi(app, options.config.SERVICE_NAME, options.openApi);
  return app;
}
