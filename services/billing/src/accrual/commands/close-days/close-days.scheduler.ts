import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IntervalScheduler } from '@dw/platform';
import { BillingServiceConfig } from '../../../billing-service.config';
import { CloseDaysCommandHandler, DAY_CLOSE_ACTOR } from './close-days.command-handler';

/**
 * Runs the day close every DAY_CLOSE_INTERVAL_MS for the days over by the injected clock. Runs
 * are cheap when nothing is due (one indexed query), so a day is closed within one interval of
 * its end, and the first run after a restart catches up the days missed.
 */
@Injectable()
export class CloseDaysScheduler extends IntervalScheduler {
  constructor(
    @Inject(CloseDaysCommandHandler) private readonly handler: CloseDaysCommandHandler,
    @Inject(BillingServiceConfig) config: BillingServiceConfig,
  ) {
    super('DayClose', config.DAY_CLOSE_INTERVAL_MS);
  }

  protected async run(): Promise<void> {
    const result = await this.handler.closeDays({ actor: { ...DAY_CLOSE_ACTOR }, correlationId: randomUUID() });
    if (result.closed > 0) this.logger.log(`closed ${result.closed} receipt(s) or lot(s) through ${result.through}`);
  }
}
