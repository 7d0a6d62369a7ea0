import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@dw/event-store';
import type { Caller } from '../../../../common/http/caller';
import type { ListingState } from '../../domain/listing.state';
import { closeListingBy } from '../close-listing';
import { ListingWrites } from '../listing-writes';
import { TradingClock } from '../trading-clock';

/**
 * The seller withdraws its listing: closed with its unsold receipts, whose holds are lifted in the
 * same transaction. A take reserved meanwhile is retried on (the withdrawal then leaves its
 * receipts reserved for it).
 */
@Injectable()
export class WithdrawListingCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ListingWrites) private readonly writes: ListingWrites,
    @Inject(TradingClock) private readonly clock: TradingClock,
  ) {}

  async execute(listingId: string, reason: string, caller: Caller): Promise<{ state: ListingState; version: number }> {
    return closeListingBy(
      { store: this.store, writes: this.writes, clock: this.clock },
      { type: 'WithdrawListing', role: 'depositor' },
      listingId,
      reason,
      caller,
    );
  }
}
