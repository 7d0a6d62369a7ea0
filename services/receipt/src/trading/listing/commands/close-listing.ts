import { type EventStore, transactionRetryingOnConflict } from '@dw/event-store';
import type { ActorRole } from '../../../common/domain/actor';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import type { ListingState } from '../domain/listing.state';
import { type ListingWrites, appendedEvents } from './listing-writes';
import type { TradingClock } from './trading-clock';

/**
 * A caller closes a listing with a reason (the seller withdraws it, the exchange cancels it):
 * the listing decides, and its unsold receipts' holds are lifted in the same transaction. A take
 * reserved meanwhile makes the write conflict; it is decided again on the fresh listing.
 */
export async function closeListingBy(
  deps: { readonly store: EventStore; readonly writes: ListingWrites; readonly clock: TradingClock },
  close: { readonly type: 'WithdrawListing' | 'CancelListing'; readonly role: ActorRole },
  listingId: string,
  reason: string,
  caller: Caller,
): Promise<{ state: ListingState; version: number }> {
  const { store, writes, clock } = deps;
  const { at } = clock.now();
  const { actor, metadata } = commandContextOf(caller, [close.role], clock.clock);
  return transactionRetryingOnConflict(
    store,
    async (tx) => {
      const handled = await writes.decide(tx, listingId, { type: close.type, data: { reason, actor, at } }, metadata);
      await writes.afterDecision(tx, listingId, appendedEvents(handled), metadata);
      return { state: handled.state, version: handled.version };
    },
    3,
  );
}
