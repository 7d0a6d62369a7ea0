import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { PostgresHealthIndicator } from './postgres.health-indicator';
import { DEFAULT_HEALTH_CHECK_TIMEOUT_MS, HEALTH_CHECK_TIMEOUT_MS, ReadinessService } from './readiness.service';

export interface HealthOptions {
  /** Bound on each readiness check. */
  checkTimeoutMs?: number;
}

/** GET /health/live, /health/ready and /metrics, all public. Imported by PlatformModule. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthOptions = {}): DynamicModule {
    return {
      module: HealthModule,
      imports: [DiscoveryModule],
      controllers: [HealthController, MetricsController],
      providers: [
        PostgresHealthIndicator,
        ReadinessService,
        { provide: HEALTH_CHECK_TIMEOUT_MS, useValue: options.checkTimeoutMs ?? DEFAULT_HEALTH_CHECK_TIMEOUT_MS },
      ],
    };
  }
}
