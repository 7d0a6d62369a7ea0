import { Inject, Injectable } from '@nestjs/common';
import { EventStore, transactionRetryingOnConflict } from '@dw/event-store';
import { commandContextOf, type Caller } from '../../../../common/http/caller';
import type { ListingState } from '../../domain/listing.state';
import { ListingWrites, appendedEvents } from '../listing-writes';
import { TradingClock } from '../trading-clock';

/** The exchange cancels a listing (标准仓单交易管理办法 第六十三条, 第六十七条): closed, unsold receipts released, in one transaction. */
@Injectable()
export class CancelListingCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ListingWrites) private readonly writes: ListingWrites,
    @Inject(TradingClock) private readonly clock: TradingClock,
  ) {}

  async execute(listingId: string, reason: string, caller: Caller): Promise<{ state: ListingState; version: number }> {
    const { at } = this.clock.now();
    const { actor, metadata } = commandContextOf(caller, ['exchange'], this.clock.clock);
    return transactionRetryingOnConflict(
      this.store,
      async (tx) => {
        const handled = await this.writes.decide(tx, listingId, { type: 'CancelListing', data: { reason, actor, at } }, metadata);
        await this.writes.afterDecision(tx, listingId, appendedEvents(handled), metadata);
        return { state: handled.state, version: handled.version };
      },
      3,
    );
  }
}
