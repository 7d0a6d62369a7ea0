import { Inject, Injectable } from '@nestjs/common';
import { type EventMetadata, type EventStoreTransaction, handleCommandIn, loadAggregate } from '@dw/event-store';
import type { Actor } from '../../../common/domain/actor';
import { streams } from '../../../common/events/streams';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { receiptDecider } from '../../../receipt/domain/receipt.decider';
import type { ReceiptState } from '../../../receipt/domain/receipt.state';
import { receiptPublicEvents } from '../../../receipt/integration/receipt-events.mapper';
import type { ListingCommand, ReceiptStates } from '../domain/listing.commands';
import { listingDecider } from '../domain/listing.decider';
import type { ListingEvent } from '../domain/listing.events';
import type { ListingState } from '../domain/listing.state';
import { listingPublicEvents } from '../integration/listing-events.mapper';
import { listingStream } from '../listing.streams';

/**
 * The writes every listing use case shares, inside the caller's transaction: the listing's
 * decision with its public messages, the receipts it reads, and the receipts' trading holds
 * lifted when receipts leave trading unsold (a close, a take released after the close).
 */
@Injectable()
export class ListingWrites {
  constructor(@Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox) {}

  async decide(tx: EventStoreTransaction, listingId: string, command: ListingCommand, metadata: EventMetadata) {
    return handleCommandIn(tx, {
      ...listingStream(listingId),
      decider: listingDecider,
      command,
      metadata,
      outboxFor: this.outbox.of(listingDecider, listingPublicEvents),
    });
  }

  async receiptStates(tx: EventStoreTransaction, receiptNumbers: readonly string[]): Promise<ReceiptStates> {
    const states: Record<string, ReceiptState> = {};
    for (const number of new Set(receiptNumbers)) {
      states[number] = (await loadAggregate(tx, streams.receipt(number).streamId, receiptDecider)).state;
    }
    return states;
  }

  async holdReceipts(tx: EventStoreTransaction, event: Extract<ListingEvent, { type: 'ListingPosted' }>, metadata: EventMetadata): Promise<void> {
    const { listingId, seller, tradingDay, actor, at } = event.data;
    for (const receipt of event.data.receipts) {
      await handleCommandIn(tx, {
        ...streams.receipt(receipt.receiptNumber),
        decider: receiptDecider,
        command: { type: 'HoldForListing', data: { listingId, seller, tradingDay, actor, at } },
        metadata,
        outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      });
    }
  }

  /** The receipts leave trading: each one's listing hold is lifted (idempotent per receipt). */
  async liftHolds(
    tx: EventStoreTransaction,
    listingId: string,
    receiptNumbers: readonly string[],
    reason: string,
    actor: Actor,
    at: string,
    metadata: EventMetadata,
  ) {
    for (const receiptNumber of receiptNumbers) {
      await handleCommandIn(tx, {
        ...streams.receipt(receiptNumber),
        decider: receiptDecider,
        command: { type: 'LiftListingHold', data: { listingId, reason, actor, at } },
        metadata,
        outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      });
    }
  }

  /** After a listing decision: what its events take out of trading, lifted in the same transaction. */
  async afterDecision(tx: EventStoreTransaction, listingId: string, events: readonly ListingEvent[], metadata: EventMetadata): Promise<void> {
    // rule TRADE-HOLD-WITH-LISTING
    for (const event of events) {
      if (event.type === 'ListingPosted') await this.holdReceipts(tx, event, metadata);
      if (event.type === 'ListingClosed') {
        await this.liftHolds(tx, listingId, event.data.unsold, `listing ${listingId} ${event.data.reasonCode}`, event.data.actor, event.data.at, metadata);
      }
      if (event.type === 'TakeReleased' && !event.data.backOnListing) {
        await this.liftHolds(
          tx,
          listingId,
          event.data.receiptNumbers,
          `take ${event.data.takeId} released after listing ${listingId} closed`,
          event.data.actor,
          event.data.at,
          metadata,
        );
      }
    }
  }
}

/** The events a handled listing command appended (none when it decided nothing). */
export function appendedEvents(handled: { appended: { events: readonly { type: string; data: unknown }[] } | null }): ListingEvent[] {
  return (handled.appended?.events ?? []).map((event) => ({ type: event.type, data: event.data }) as ListingEvent);
}

export type { ListingState };
