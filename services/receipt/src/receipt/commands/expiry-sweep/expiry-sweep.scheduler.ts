import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IntervalScheduler } from '@dw/platform';
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
export class ExpirySweepScheduler extends IntervalScheduler {
  constructor(
    @Inject(ExpirySweepCommandHandler) private readonly handler: ExpirySweepCommandHandler,
    @Inject(ReceiptServiceConfig) config: ReceiptServiceConfig,
  ) {
    super('ExpirySweep', config.EXPIRY_SWEEP_INTERVAL_MS);
  }

  protected async run(): Promise<void> {
    const result = await this.handler.sweep({ actor: { ...EXPIRY_SWEEP_ACTOR }, correlationId: randomUUID() });
    if (result.flagged.length > 0) this.logger.log(`as of ${result.asOf}: flagged ${result.flagged.length} receipt(s) expired: ${result.flagged.join(', ')}`);
  }
}
