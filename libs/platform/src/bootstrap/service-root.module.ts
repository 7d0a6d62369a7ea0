import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PlatformModule, type PlatformOptions } from '../platform.module';
import { DEFAULT_SHUTDOWN_TIMEOUTS, GracefulShutdown, SHUTDOWN_TIMEOUTS, type ShutdownTimeouts } from './graceful-shutdown';

export interface ServiceRootOptions extends PlatformOptions {
  shutdown?: Partial<ShutdownTimeouts>;
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
      providers: [GracefulShutdown, { provide: SHUTDOWN_TIMEOUTS, useValue: { ...DEFAULT_SHUTDOWN_TIMEOUTS, ...options.shutdown } }],
    };
  }
}
