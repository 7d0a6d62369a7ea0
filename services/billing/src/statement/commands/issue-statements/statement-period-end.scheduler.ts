import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Drainable } from '@dw/platform';
import { BillingServiceConfig } from '../../../billing-service.config';
import { IssueStatementsCommandHandler } from './issue-statements.command-handler';

/**
 * Runs the period-end statement run every STATEMENT_RUN_INTERVAL_MS. "Last month" comes from
 * the injected clock in Shanghai, and a run issues only what is not issued yet, so frequent runs
 * cost one query and one stream read per party, and a run after downtime catches up every
 * month missed.
 */
@Injectable()
export class StatementPeriodEndScheduler implements OnApplicationBootstrap, Drainable {
  private readonly logger = new Logger('StatementPeriodEnd');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(IssueStatementsCommandHandler) private readonly handler: IssueStatementsCommandHandler,
    @Inject(BillingServiceConfig) private readonly config: BillingServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.STATEMENT_RUN_INTERVAL_MS > 0) this.schedule(0);
  }

  /** One run now; the schedule calls it, and so can a test. */
  async tick(): Promise<void> {
    try {
      const result = await this.handler.runPeriodEnd();
      if (result.issued.length > 0) this.logger.log(`through ${result.through}: issued ${result.issued.join(', ')}`);
      if (result.failed.length > 0) this.logger.error(`through ${result.through}: no statements issued for ${result.failed.join(', ')}`);
    } catch (error) {
      this.logger.error(`period-end statement run failed: ${error instanceof Error ? error.message : String(error)}`);
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
        this.schedule(this.config.STATEMENT_RUN_INTERVAL_MS);
      });
    }, delayMs);
    this.timer.unref();
  }
}
