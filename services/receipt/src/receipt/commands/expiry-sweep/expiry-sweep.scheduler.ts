import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Drainable } from '@dw/platform';
import { ReceiptServiceConfig } from '../../../receipt-service.config';
import { EXPIRY_SWEEP_ACTOR, ExpirySweepCommandHandler } from './expiry-sweep.command-handler';

/**
 * Runs the expiry sweep every EXPIRY_SWEEP_INTERVAL_MS for "today" in Shanghai by the injected
 * clock. Validity is counted in calendar days, so a receipt valid through D is flagged in the
 * first run on D + 1, holidays included. Frequent runs are cheap (one indexed query finds
 * nothing most of the time) and close the gap for a receipt that became past-due by other
 * means, e.g. a split child issued minutes after midnight carrying its parent's validity.
 */
@Injectable()
export class ExpirySweepScheduler implements OnApplicationBootstrap, Drainable {
  private readonly logger = new Logger('ExpirySweep');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(ExpirySweepCommandHandler) private readonly handler: ExpirySweepCommandHandler,
    @Inject(ReceiptServiceConfig) private readonly config: ReceiptServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.EXPIRY_SWEEP_INTERVAL_MS > 0) this.schedule(0);
  }

  /** One run now; the schedule calls it, and so can a test. */
  async tick(): Promise<void> {
    try {
      const result = await this.handler.sweep({ actor: { ...EXPIRY_SWEEP_ACTOR }, correlationId: randomUUID() });
      if (result.flagged.length > 0) this.logger.log(`as of ${result.asOf}: flagged ${result.flagged.length} receipt(s) expired: ${result.flagged.join(', ')}`);
    } catch (error) {
      this.logger.error(`expiry sweep failed: ${error instanceof Error ? error.message : String(error)}`);
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
        this.schedule(this.config.EXPIRY_SWEEP_INTERVAL_MS);
      });
    }, delayMs);
    this.timer.unref();
  }
}
