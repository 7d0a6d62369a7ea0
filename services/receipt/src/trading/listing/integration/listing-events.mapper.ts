import { create } from '@bufbuild/protobuf';
import {
  ListedReceiptSchema,
  ListingClosedSchema,
  ListingMode,
  ListingPostedSchema,
  ListingQuoteSchema,
  TakeReleasedSchema,
  TakeReservedSchema,
  TakeSettledSchema,
  receiptTradingTopic,
  toActor,
  toTimestamp,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { pb } from '../../../common/integration/proto-values';
import { publicEvent, type PublicEvent } from '../../../common/integration/receipt-outbox';
import type { ListedReceipt, ListingEvent } from '../domain/listing.events';
import type { ListingState } from '../domain/listing.state';

const MODES = { whole: ListingMode.WHOLE, partial: ListingMode.PARTIAL } as const;

const listed = (receipts: readonly ListedReceipt[]) =>
  receipts.map((receipt) => create(ListedReceiptSchema, { receiptNumber: receipt.receiptNumber, weightKg: BigInt(receipt.weightKg) }));

/**
 * The listing's public facts on receipt.trading.v1, keyed by listing id so one listing's takes
 * arrive in order. A take's messages carry the listing's terms from the state before the event.
 * TakePaidTitleStuck is internal: the exchange follows it on the listing's take (GET), not on the topic.
 */
export function listingPublicEvents(pending: PendingEvent, before: ListingState): readonly PublicEvent[] {
  const event = { type: pending.type, data: pending.data } as ListingEvent;
  if (event.type === 'ListingPosted') {
    const data = event.data;
    return [
      publicEvent(
        receiptTradingTopic,
        ListingPostedSchema,
        create(ListingPostedSchema, {
          listingId: data.listingId,
          sellerPartyId: data.seller.partyId,
          sellerAccountNumber: data.seller.accountNumber,
          commodity: data.commodity,
          warehouse: data.warehouse,
          brand: data.brand,
          grade: data.grade,
          receipts: listed(data.receipts),
          mode: MODES[data.mode],
          // The contract's convention: 1 for a whole listing (its one take buys everything).
          minTake: data.minTake ?? 1,
          quote: create(ListingQuoteSchema, {
            kind: data.quote.kind,
            contract: data.quote.contract,
            premiumFenPerTonne: BigInt(data.quote.premiumFenPerTonne),
            priceFenPerTonne: BigInt(data.quote.priceFenPerTonne),
          }),
          tradingDay: pb.date(data.tradingDay),
          postedBy: toActor(data.actor),
          postedAt: toTimestamp(data.at),
        }),
        data.listingId,
      ),
    ];
  }
  const terms = before.terms;
  if (!terms) return [];
  switch (event.type) {
    case 'ListingClosed':
      return [
        publicEvent(
          receiptTradingTopic,
          ListingClosedSchema,
          create(ListingClosedSchema, {
            listingId: terms.listingId,
            sellerPartyId: terms.seller.partyId,
            unsoldReceiptNumbers: [...event.data.unsold],
            reasonCode: event.data.reasonCode,
            reason: event.data.reason,
            closedBy: toActor(event.data.actor),
            closedAt: toTimestamp(event.data.at),
          }),
          terms.listingId,
        ),
      ];
    case 'TakeReserved': {
      const data = event.data;
      return [
        publicEvent(
          receiptTradingTopic,
          TakeReservedSchema,
          create(TakeReservedSchema, {
            takeId: data.takeId,
            listingId: terms.listingId,
            tradingDay: pb.date(terms.tradingDay),
            buyerPartyId: data.buyer.partyId,
            buyerAccountNumber: data.buyer.accountNumber,
            sellerPartyId: terms.seller.partyId,
            sellerAccountNumber: terms.seller.accountNumber,
            commodity: terms.commodity,
            receipts: listed(data.receipts),
            weightKg: BigInt(data.weightKg),
            priceFenPerTonne: BigInt(data.priceFenPerTonne),
            proceedsFen: BigInt(data.proceedsFen),
            takenBy: toActor(data.actor),
            reservedAt: toTimestamp(data.at),
          }),
          terms.listingId,
        ),
      ];
    }
    case 'TakeSettled': {
      const take = before.takes[event.data.takeId];
      if (!take) return [];
      return [
        publicEvent(
          receiptTradingTopic,
          TakeSettledSchema,
          create(TakeSettledSchema, {
            takeId: take.takeId,
            listingId: terms.listingId,
            tradingDay: pb.date(terms.tradingDay),
            buyerPartyId: take.buyer.partyId,
            sellerPartyId: terms.seller.partyId,
            commodity: terms.commodity,
            receipts: listed(take.receipts),
            weightKg: BigInt(take.weightKg),
            priceFenPerTonne: BigInt(take.priceFenPerTonne),
            proceedsFen: BigInt(take.proceedsFen),
            settledAt: toTimestamp(event.data.at),
          }),
          terms.listingId,
        ),
      ];
    }
    case 'TakeReleased': {
      const take = before.takes[event.data.takeId];
      return [
        publicEvent(
          receiptTradingTopic,
          TakeReleasedSchema,
          create(TakeReleasedSchema, {
            takeId: event.data.takeId,
            listingId: terms.listingId,
            buyerPartyId: take?.buyer.partyId ?? '',
            receiptNumbers: [...event.data.receiptNumbers],
            reasonCode: event.data.reasonCode,
            reason: event.data.reason,
            releasedAt: toTimestamp(event.data.at),
          }),
          terms.listingId,
        ),
      ];
    }
    case 'TakePaidTitleStuck':
      return [];
  }
}
