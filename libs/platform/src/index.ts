// @dw/platform: the Nest glue every service uses at its HTTP edge (README.md, "APIs").

// Startup
export * from './bootstrap/bootstrap-service';
export * from './bootstrap/create-service-app';
export * from './bootstrap/service-root.module';
export * from './bootstrap/drainable';
export * from './bootstrap/graceful-shutdown';
export * from './bootstrap/open-api';
export * from './platform.module';
export * from './time/clock.token';

// Config
export * from './config/base-service.config';
export * from './config/config-error';
export * from './config/json-source';
export * from './config/load-config';

// Errors, validation, HTTP helpers
export * from './problem/problem';
export * from './problem/problem.exception';
export * from './problem/error-to-problem';
export * from './problem/problem-details.filter';
export * from './validation/validation.pipe';
export * from './validation/nested.decorator';
export * from './validation/validation-errors';
export * from './validation/strict-int.transform';
export * from './http/body-parsing';
export * from './http/edge-request';
export * from './http/etag';
export * from './http/read-your-writes';
export * from './http/published-messages';
export * from './http/caller';

// People auth
export * from './auth/role';
export * from './auth/principal';
export * from './auth/jwks';
export * from './auth/jwt-verifier';
export * from './auth/jwt-auth.guard';
export * from './auth/roles.guard';
export * from './auth/auth.decorators';
export * from './auth/assert-own-party';
export * from './auth/dev-tokens';

// Integration auth and idempotency
export * from './integration/integration-clients';
export * from './integration/integration-client.directory';
export * from './integration/request-signature';
export * from './integration/integration-api.decorator';
export * from './integration/integration-auth.guard';
export * from './integration/nonce.store';
export * from './idempotency/idempotency.store';
export * from './idempotency/idempotency.interceptor';
export * from './idempotency/idempotent.decorator';

// Tables, health, pagination
export * from './migrations/platform-edge.migrations';
export * from './health/health-indicator';
export * from './health/health.module';
export * from './health/readiness.service';
export * from './health/postgres.health-indicator';
export * from './pagination/cursor';
export * from './pagination/page';
export * from './pagination/page-query.dto';
export * from './pagination/date-range';
export * from './persistence/edge-database';

// Event-sourced service core: module, Kafka inbox transport, operational commands
export * from './http/http-tracing';
export * from './event-sourcing/service-definition';
export * from './event-sourcing/event-sourcing.module';
export * from './event-sourcing/inbox.transport';
export * from './event-sourcing/connect-inbox';
export * from './event-sourcing/kafka.health-indicator';
export * from './event-sourcing/service-commands';
export * from './event-sourcing/public-event';
export * from './event-sourcing/dead-letter-refusals';
export * from './housekeeping/housekeeping';
export * from './scheduling/interval-scheduler';

// Business calendar (working and trading days), published at run time into each service's log
export * from './calendar/business-calendars';
export * from './calendar/business-calendar.module';
export * from './time/shifted-clock';
