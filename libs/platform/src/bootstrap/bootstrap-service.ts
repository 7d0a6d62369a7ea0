import { Logger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BaseServiceConfig } from '../config/base-service.config';
import { ConfigError } from '../config/config-error';
import { loadConfig, type Environment } from '../config/load-config';
import { initTracing } from '@dw/observability';
import { createServiceApp, type ServiceAppOptions } from './create-service-app';

/** sysexits.h EX_CONFIG: the process cannot start with this configuration; restarting will not help. */
export const EX_CONFIG = 78;

export interface BootstrapOptions<C extends BaseServiceConfig> extends Omit<ServiceAppOptions, 'config'> {
  config: ClassConstructor<C>;
  /** Defaults to process.env. */
  env?: Environment;
  /** Connects the service's Kafka transport(s) (hybrid HTTP + Kafka); messaging plugs its inbox in here. */
  configureMicroservices?: (app: INestApplication, config: C) => void | Promise<void>;
}

/**
 * main.ts of every service: load and validate the config (exit 78 listing every problem),
 * build the app, hook SIGTERM to the graceful shutdown, start the Kafka side, listen.
 */
export async function bootstrapService<C extends BaseServiceConfig>(appModule: Type | DynamicModule, options: BootstrapOptions<C>): Promise<INestApplication> {
  let config: C;
  try {
    config = loadConfig(options.config, options.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(EX_CONFIG);
  }
  // Before the app exists, so every span (HTTP, append, relay, consumer) is recorded.
  const tracing = initTracing({ serviceName: config.SERVICE_NAME });
  const app = await createServiceApp(appModule, { ...options, config, flushOnShutdown: tracing });
  app.enableShutdownHooks();
  await options.configureMicroservices?.(app, config);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT);
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  new Logger('Bootstrap').log(`${config.SERVICE_NAME} listening on port ${port} (OpenAPI at /openapi.json, docs at /docs)`);
  return app;
}
