import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { Clock } from '@dw/kernel';
import { parseJwks } from './auth/jwks';
import { JwtAuthGuard, AUTH_REALM } from './auth/jwt-auth.guard';
import { JwtVerifier } from './auth/jwt-verifier';
import { RolesGuard } from './auth/roles.guard';
import { BaseServiceConfig } from './config/base-service.config';
import { HealthModule, type HealthOptions } from './health/health.module';
import { ReadYourWritesInterceptor } from './http/read-your-writes';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { IntegrationAuthGuard } from './integration/integration-auth.guard';
import { IntegrationClientDirectory } from './integration/integration-client.directory';
import { NonceStore } from './integration/nonce.store';
import { CursorCodec } from './pagination/cursor';
import { EdgeDatabase } from './persistence/edge-database';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { CLOCK } from './time/clock.token';
import { serviceClock } from './time/shifted-clock';
import { createValidationPipe } from './validation/validation.pipe';

/** The loaded config object, also provided under BaseServiceConfig and under the service's own config class. */
export const SERVICE_CONFIG = 'DW_SERVICE_CONFIG';

export interface PlatformOptions {
  config: BaseServiceConfig;
  /** Defaults to the system clock; tests pass a ManualClock. */
  clock?: Clock;
  health?: HealthOptions;
}

/**
 * The HTTP edge of a service, global: problem+json filter, validation pipe, and the guards in
 * their order — bearer tokens, then signed integration requests, then roles — so every route
 * is authenticated unless marked @Public(). Also the config, the clock, cursors, idempotency
 * and the health endpoints. bootstrapService imports it; so do integration tests.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config } = options;
    const configProviders = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: BaseServiceConfig, useValue: config },
      ...(config.constructor !== BaseServiceConfig ? [{ provide: config.constructor, useValue: config }] : []),
    ];
    return {
      module: PlatformModule,
      imports: [HealthModule.forRoot(options.health)],
      providers: [
        ...configProviders,
        { provide: CLOCK, useValue: options.clock ?? serviceClock(config.CLOCK_SHIFT_FILE) },
        { provide: AUTH_REALM, useValue: config.SERVICE_NAME },
        {
          provide: JwtVerifier,
          useFactory: (clock: Clock) =>
            new JwtVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, keys: parseJwks(config.AUTH_JWKS), clock }),
          inject: [CLOCK],
        },
        { provide: IntegrationClientDirectory, useValue: new IntegrationClientDirectory(config.INTEGRATION_CLIENTS) },
        { provide: CursorCodec, useValue: new CursorCodec(config.CURSOR_SECRET ?? `service:${config.SERVICE_NAME}`) },
        EdgeDatabase,
        NonceStore,
        IdempotencyStore,
        // Global guards run in this order.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: IntegrationAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        // Runs after the guards: an unauthenticated caller is refused before it can wait.
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
        // Inside read-your-writes: a replayed answer waits like a fresh one would.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [
        ...configProviders.map((provider) => provider.provide),
        CLOCK,
        AUTH_REALM,
        JwtVerifier,
        IntegrationClientDirectory,
        CursorCodec,
        EdgeDatabase,
        NonceStore,
        IdempotencyStore,
      ],
    };
  }
}
