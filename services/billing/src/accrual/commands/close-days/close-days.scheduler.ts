import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Drainable } from '@dw/platform';
import { BillingServiceConfig } from '../../../billing-service.config';
import { CloseDaysCommandHandler, DAY_CLOSE_ACTOR } from './close-days.command-handler';

/**
 * Runs the day close every DAY_CLOSE_INTERVAL_MS for the days over by the injected clock. Runs
 * are cheap when nothing is due (one indexed query), so a day is closed within one interval of
 * its end, and the first run after a restart catches up the days missed.
 */
@Injectable()
export class CloseDaysScheduler implements OnApplicationBootstrap, Drainable {
  private readonly logger = new Logger('DayClose');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(CloseDaysCommandHandler) private readonly handler: CloseDaysCommandHandler,
    @Inject(BillingServiceConfig) private readonly config: BillingServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.DAY_CLOSE_INTERVAL_MS > 0) this.schedule(0);
  }

  /** One run now; the schedule calls it, and so can a test. */
  async tick(): Promise<void> {
    try {
      const result = await this.handler.closeDays({ actor: { ...DAY_CLOSE_ACTOR }, correlationId: randomUUID() });
      if (result.closed > 0) this.logger.log(`closed ${result.closed} receipt(s) or lot(s) through ${result.through}`);
    } catch (error) {
      this.logger.error(`day close failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async drain(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
        this.schedule(this.config.DAY_CLOSE_INTERVAL_MS);
      });
    }, delayMs);
    this.timer.unref();
  }
}
