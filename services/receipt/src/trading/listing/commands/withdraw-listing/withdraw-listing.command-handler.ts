import { Inject, Injectable } from '@nestjs/common';
import { EventStore, transactionRetryingOnConflict } from '@dw/event-store';
import { commandContextOf, type Caller } from '../../../../common/http/caller';
import type { ListingState } from '../../domain/listing.state';
import { ListingWrites, appendedEvents } from '../listing-writes';
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
    const { at } = this.clock.now();
    const { actor, metadata } = commandContextOf(caller, ['depositor'], this.clock.clock);
    return transactionRetryingOnConflict(
      this.store,
      async (tx) => {
        const handled = await this.writes.decide(tx, listingId, { type: 'WithdrawListing', data: { reason, actor, at } }, metadata);
        await this.writes.afterDecision(tx, listingId, appendedEvents(handled), metadata);
        return { state: handled.state, version: handled.version };
      },
      3,
    );
  }
}
