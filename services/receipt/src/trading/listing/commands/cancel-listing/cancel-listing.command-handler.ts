import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@dw/event-store';
import type { Caller } from '../../../../common/http/caller';
import type { ListingState } from '../../domain/listing.state';
import { closeListingBy } from '../close-listing';
import { ListingWrites } from '../listing-writes';
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
    return closeListingBy(
      { store: this.store, writes: this.writes, clock: this.clock },
      { type: 'CancelListing', role: 'exchange' },
      listingId,
      reason,
      caller,
    );
  }
}
