import { databaseUrl, kafkaBrokers } from './test-endpoints';

export interface ServiceEnvOptions {
  service: string;
  /** The service's own schema; it serves as `<schema>_app`. */
  schema: string;
  topicPrefix: string;
  auth: { issuer: string; jwks: unknown };
  /** The PostgreSQL server (admin URL); the test suite's by default. */
  adminUrl?: string;
  /** The Kafka brokers; the test suite's by default. */
  brokers?: readonly string[];
  /** Anything else (INTEGRATION_CLIENTS, timeouts), added last. */
  extra?: Record<string, string>;
}

/**
 * The environment of a service started as its own OS process, as a deployment gives it: it serves
 * as its app role (DATABASE_URL), provisions with the admin URL, on an ephemeral HTTP port, with
 * development tokens' keys, under a topic prefix of the test's own.
 */
export function serviceProcessEnv(options: ServiceEnvOptions): Record<string, string> {
  const adminUrl = options.adminUrl ?? databaseUrl();
  const url = new URL(adminUrl);
  url.username = `${options.schema}_app`;
  url.password = '';
  return {
    DATABASE_URL: url.toString(),
    DATABASE_ADMIN_URL: adminUrl,
    DATABASE_SCHEMA: options.schema,
    KAFKA_BROKERS: (options.brokers ?? kafkaBrokers()).join(','),
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    HTTP_PORT: '0',
    SERVICE_NAME: options.service,
    AUTH_ISSUER: options.auth.issuer,
    AUTH_JWKS: JSON.stringify(options.auth.jwks),
    // "listening on port N" (what startServiceProcess waits for) is an info line.
    LOG_LEVEL: 'info',
    ...options.extra,
  };
}
