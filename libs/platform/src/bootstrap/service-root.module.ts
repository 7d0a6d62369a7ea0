import { Module, type DynamicModule, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PlatformModule, type PlatformOptions } from '../platform.module';
import { DEFAULT_SHUTDOWN_TIMEOUTS, GracefulShutdown, SHUTDOWN_TIMEOUTS, type ShutdownTimeouts } from './graceful-shutdown';

export interface ServiceRootOptions extends PlatformOptions {
  shutdown?: Partial<ShutdownTimeouts>;
  /** Flushed last on shutdown, after every module closed (the tracing handle). */
  flushOnShutdown?: { shutdown(): Promise<void> };
}

/** Flushes telemetry once everything else has shut down, so the spans of the shutdown survive. */
class TelemetryFlush implements OnApplicationShutdown {
  constructor(private readonly target?: { shutdown(): Promise<void> }) {}
  async onApplicationShutdown(): Promise<void> {
    await this.target?.shutdown();
  }
}

/**
 * The module Nest starts from: the platform, the service's AppModule, and the shutdown
 * orchestration. Being the root, its destroy hook runs before every other module's.
 */
@Module({})
export class ServiceRootModule {
  static wrap(appModule: Type | DynamicModule, options: ServiceRootOptions): DynamicModule {
    return {
      module: ServiceRootModule,
      imports: [DiscoveryModule, PlatformModule.forRoot(options), appModule],
      providers: [
        GracefulShutdown,
        { provide: SHUTDOWN_TIMEOUTS, useValue: { ...DEFAULT_SHUTDOWN_TIMEOUTS, ...options.shutdown } },
        { provide: TelemetryFlush, useValue: new TelemetryFlush(options.flushOnShutdown) },
      ],
    };
  }
}
