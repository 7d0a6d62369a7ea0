import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { collectProviders } from '../di/collect-providers';
import { DRAINABLE, type Drainable } from './drainable';

export const SHUTDOWN_TIMEOUTS = 'DW_SHUTDOWN_TIMEOUTS';

export interface ShutdownTimeouts {
  /** How long in-flight HTTP requests may take to finish once no new ones are accepted. */
  httpGraceMs: number;
  /** How long drainables may take; past it shutdown goes on (the orchestrator would kill us anyway). */
  drainMs: number;
}

const IDLE_SWEEP_MS = 20;

export const DEFAULT_SHUTDOWN_TIMEOUTS: ShutdownTimeouts = { httpGraceMs: 10_000, drainMs: 20_000 };

/**
 * Orders shutdown (SIGTERM through enableShutdownHooks, or app.close()): first stop accepting
 * HTTP and let in-flight requests finish, then drain every DRAINABLE, and only then let Nest
 * destroy the other modules (which close pools and clients the drainables still use).
 * It lives in the service's root module, whose destroy hook Nest runs before any other.
 */
@Injectable()
export class GracefulShutdown implements OnModuleDestroy {
  private readonly logger = new Logger('GracefulShutdown');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SHUTDOWN_TIMEOUTS) private readonly timeouts: ShutdownTimeouts,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.stopAcceptingHttp();
    const drainables = collectProviders<Drainable>(this.discovery, DRAINABLE);
    if (drainables.length === 0) return;
    this.logger.log(`draining ${drainables.length} consumer(s) and relay(s)`);
    const drained = Promise.allSettled(drainables.map((drainable) => drainable.drain())).then((results) => {
      for (const result of results) {
        if (result.status === 'rejected') this.logger.error('a drain failed', (result.reason as Error)?.stack ?? String(result.reason));
      }
      return true;
    });
    if (!(await withinMs(drained, this.timeouts.drainMs))) this.logger.warn(`drain still running after ${this.timeouts.drainMs} ms; closing anyway`);
  }

  private async stopAcceptingHttp(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server === undefined || !server.listening) return;
    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
    // close() waits for every connection to end, and a keep-alive connection stays open after
    // its last answer: close connections as they fall idle, i.e. as in-flight requests finish.
    server.closeIdleConnections();
    const sweeper = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    try {
      if (!(await withinMs(closed, this.timeouts.httpGraceMs))) {
        this.logger.warn(`HTTP requests still running after ${this.timeouts.httpGraceMs} ms; closing them`);
        server.closeAllConnections();
      }
    } finally {
      clearInterval(sweeper);
    }
  }
}

async function withinMs(work: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
