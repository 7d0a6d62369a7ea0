import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@dw/event-store';
import type { IdGenerator } from '@dw/kernel';
import { ID_GENERATOR } from '@dw/platform';
import { commandContextOf, type Caller } from '../../../../common/http/caller';
import { TradingLookups } from '../../../common/trading-lookups';
import type { ListingState } from '../../domain/listing.state';
import { ListingWrites, appendedEvents } from '../listing-writes';
import { TradingClock } from '../trading-clock';
import type { PostListingRequestDto } from './post-listing.request.dto';

/**
 * 挂牌: in one transaction the receipts are read, the listing decided and appended, and every
 * receipt held for it on its own stream at the version it was read at (HoldForListing checks it
 * again), so a receipt moved, pledged or listed elsewhere meanwhile fails the whole listing (409).
 */
@Injectable()
export class PostListingCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ListingWrites) private readonly writes: ListingWrites,
    @Inject(TradingLookups) private readonly lookups: TradingLookups,
    @Inject(TradingClock) private readonly clock: TradingClock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute(body: PostListingRequestDto, caller: Caller): Promise<{ state: ListingState; version: number }> {
    const { at, today } = this.clock.now();
    const { actor, metadata } = commandContextOf(caller, ['depositor'], this.clock.clock);
    const listingId = this.ids.next();
    const seller = actor.partyId ? await this.lookups.trader(actor.partyId) : null;
    const market = await this.lookups.market(body.commodity, today.date);
    return this.store.transaction(async (tx) => {
      const receipts = await this.writes.receiptStates(tx, body.receiptNumbers);
      const command = {
        type: 'PostListing' as const,
        data: {
          listingId,
          seller,
          market,
          today,
          commodity: body.commodity,
          receiptNumbers: body.receiptNumbers,
          receipts,
          mode: body.mode,
          minTake: body.minTake ?? null,
          quote: body.quote,
          actor,
          at,
        },
      };
      const handled = await this.writes.decide(tx, listingId, command, metadata);
      await this.writes.afterDecision(tx, listingId, appendedEvents(handled), metadata);
      return { state: handled.state, version: handled.version };
    });
  }
}
