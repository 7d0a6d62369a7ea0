import { Inject, Injectable } from '@nestjs/common';
import { EventStore, loadAggregate, transactionRetryingOnConflict } from '@dw/event-store';
import type { IdGenerator } from '@dw/kernel';
import { ID_GENERATOR } from '@dw/platform';
import { commandContextOf, type Caller } from '../../../../common/http/caller';
import { TradingLookups } from '../../../common/trading-lookups';
import { listingDecider, listingNotFound } from '../../domain/listing.decider';
import type { Take } from '../../domain/listing.state';
import { listingStream } from '../../listing.streams';
import { ListingWrites } from '../listing-writes';
import { TradingClock } from '../trading-clock';

/**
 * Concurrent takes of one listing each decide on the listing as it stands: a take that loses the
 * race on the listing's version is decided again on the fresh listing (at most this many times),
 * so each sees what the others reserved and no receipt is reserved twice.
 */
export const TAKE_RETRIES_ON_CONFLICT = 100;

/**
 * 摘牌: the listing decides the take and reserves its receipts (TakeReserved, for billing to pay);
 * the receipts stay held for the listing until the payment settles or is refused.
 */
@Injectable()
export class TakeListingCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ListingWrites) private readonly writes: ListingWrites,
    @Inject(TradingLookups) private readonly lookups: TradingLookups,
    @Inject(TradingClock) private readonly clock: TradingClock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute(
    listingId: string,
    count: number,
    caller: Caller,
  ): Promise<{ take: Take; listingId: string; commodity: string; tradingDay: string; sellerPartyId: string }> {
    // rule TRADE-TAKE-COUNT
    const { actor, metadata } = commandContextOf(caller, ['depositor'], this.clock.clock);
    const takeId = this.ids.next();
    const buyer = actor.partyId ? await this.lookups.trader(actor.partyId) : null;
    const { at, today } = this.clock.now();
    // The lookups read through connections of their own: never from inside the take's
    // transaction, where fifty concurrent takes holding every pooled connection would wait on
    // each other for one. A listing's commodity never changes, so it is read first.
    const { state: listing } = await this.store.transaction((tx) => loadAggregate(tx, listingStream(listingId).streamId, listingDecider));
    if (!listing.terms) throw listingNotFound();
    const market = await this.lookups.market(listing.terms.commodity, today.date);
    const receiptNumbers = listing.terms.receipts.map((receipt) => receipt.receiptNumber);
    return transactionRetryingOnConflict(
      this.store,
      async (tx) => {
        const receipts = await this.writes.receiptStates(tx, receiptNumbers);
        const command = { type: 'TakeListing' as const, data: { takeId, buyer, market, today, count, receipts, actor: { ...actor }, at } };
        const handled = await this.writes.decide(tx, listingId, command, { ...metadata });
        const terms = handled.state.terms!;
        return { take: handled.state.takes[takeId]!, listingId, commodity: terms.commodity, tradingDay: terms.tradingDay, sellerPartyId: terms.seller.partyId };
      },
      TAKE_RETRIES_ON_CONFLICT,
    );
  }
}
