import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IntervalScheduler } from '@dw/platform';
import { ReceiptServiceConfig } from '../../../../receipt-service.config';
import { ExpireListingsCommandHandler, LISTING_EXPIRY_ACTOR } from './expire-listings.command-handler';

/**
 * Runs the listing expiry sweep on the receipt expiry sweep's interval (EXPIRY_SWEEP_INTERVAL_MS;
 * 0 turns both off): a listing still open after its day's last close is closed within one
 * interval, before the next day's first session in any case.
 */
@Injectable()
export class ExpireListingsScheduler extends IntervalScheduler {
  constructor(
    @Inject(ExpireListingsCommandHandler) private readonly handler: ExpireListingsCommandHandler,
    @Inject(ReceiptServiceConfig) config: ReceiptServiceConfig,
  ) {
    super('ListingExpirySweep', config.EXPIRY_SWEEP_INTERVAL_MS);
  }

  protected async run(): Promise<void> {
    const result = await this.handler.sweep({ actor: { ...LISTING_EXPIRY_ACTOR }, correlationId: randomUUID() });
    if (result.expired.length > 0) this.logger.log(`closed ${result.expired.length} listing(s) at the end of their trading day: ${result.expired.join(', ')}`);
  }
}
