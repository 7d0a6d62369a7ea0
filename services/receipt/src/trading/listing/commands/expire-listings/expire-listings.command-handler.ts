import { Inject, Injectable } from '@nestjs/common';
import { Database, type EventMetadata, EventStore, transactionRetryingOnConflict } from '@dw/event-store';
import { DomainError } from '@dw/kernel';
import type { Actor } from '../../../../common/domain/actor';
import { ListingWrites, appendedEvents } from '../listing-writes';
import { TradingClock } from '../trading-clock';

/** The sweep acts as the system; who triggered it (the schedule or an ops person) is in the events' metadata. */
export const LISTING_EXPIRY_ACTOR: Actor = { subject: 'listing-expiry-sweep', role: 'system' };

export interface ExpireListingsResult {
  /** Listings this run closed as expired. */
  readonly expired: readonly string[];
}

/**
 * Closes every listing still open after the last session of its trading day (rule
 * TRADE-LISTING-DAY), lifting its unsold receipts' holds in the same transaction, so that the next
 * day's quotes are listed afresh and judged against the next day's band. Idempotent: an expired
 * listing decides nothing; a listing whose day is not over yet is left alone. One transaction per
 * listing, retried when a take or a settlement wins the race for its version.
 */
@Injectable()
export class ExpireListingsCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    @Inject(ListingWrites) private readonly writes: ListingWrites,
    @Inject(TradingClock) private readonly clock: TradingClock,
  ) {}

  async sweep(trigger: EventMetadata): Promise<ExpireListingsResult> {
    const { today } = this.clock.now();
    const { rows } = await this.db.query<{ listing_id: string }>(
      `SELECT listing_id FROM trading_listings WHERE status = 'open' AND trading_day <= $1 ORDER BY trading_day, posted_at, listing_id`,
      [today.date],
    );
    const expired: string[] = [];
    for (const { listing_id: listingId } of rows) {
      if (await this.expire(listingId, trigger)) expired.push(listingId);
    }
    return { expired };
  }

  private async expire(listingId: string, trigger: EventMetadata): Promise<boolean> {
    try {
      return await transactionRetryingOnConflict(
        this.store,
        async (tx) => {
          const { at } = this.clock.now();
          const handled = await this.writes.decide(tx, listingId, { type: 'ExpireListing', data: { actor: { ...LISTING_EXPIRY_ACTOR }, at } }, trigger);
          await this.writes.afterDecision(tx, listingId, appendedEvents(handled), trigger);
          return handled.appended !== null;
        },
        5,
      );
    } catch (error) {
      // Its day's sessions are not over yet: the next run closes it.
      if (error instanceof DomainError && error.code === 'TRADE_LISTING_STILL_TRADING') return false;
      throw error;
    }
  }
}
