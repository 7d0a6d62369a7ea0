import { fromBinary } from '@bufbuild/protobuf';
import { EventRegistry, ListingMode, ListingPostedSchema, TakeSettledSchema, receiptEventSchemas } from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { cnMainlandCalendar, foldEvents, type DomainEvent } from '@dw/kernel';
import { TopicNames, type BusinessCalendars } from '@dw/platform';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { receiptDecider } from '../../../receipt/domain/receipt.decider';
import type { ReceiptEvent } from '../../../receipt/domain/receipt.events';
import { TRADING_PLATFORM } from '../../../receipt/domain/receipt.trading';
import { receiptPublicEvents } from '../../../receipt/integration/receipt-events.mapper';
import { at, issued, seller } from '../../../receipt/domain/receipt.fixtures.spec-helper';
import { listingDecider } from '../domain/listing.decider';
import type { ListingEvent } from '../domain/listing.events';
import { buyerActor, posted as listingPosted } from '../domain/trading.fixtures.spec-helper';
import { listingPublicEvents } from './listing-events.mapper';

const calendars = { current: () => cnMainlandCalendar } as BusinessCalendars;
const outbox = new ReceiptOutbox(new EventRegistry().register(...receiptEventSchemas), TopicNames.withPrefix('ci'), calendars);
const pending = (event: DomainEvent, streamId: string): PendingEvent => ({
  eventId: '01900000-0000-7000-8000-000000000001',
  streamId,
  streamType: 'listing',
  type: event.type,
  data: event.data,
  schemaVersion: 1,
  metadata: { actor: seller, correlationId: 'c-1' },
  recordedAt: new Date(at),
});

const posted = listingPosted({
  receipts: [
    { receiptNumber: 'R-11', weightKg: 300_000 },
    { receiptNumber: 'R-12', weightKg: 300_000 },
  ],
  mode: 'whole',
  minTake: null,
  quote: { kind: 'basis', contract: 'rb2610', premiumFenPerTonne: -1_500, priceFenPerTonne: 350_500 },
});
const reserved: ListingEvent = {
  type: 'TakeReserved',
  data: {
    listingId: 'L-1',
    takeId: 'T-1',
    buyer: { partyId: 'party-huadong', accountNumber: 'SC-0002' },
    receipts: posted.data.receipts,
    weightKg: 600_000,
    priceFenPerTonne: 350_500,
    // 350 500 × 600 t = 210 300 000 fen.
    proceedsFen: 210_300_000,
    actor: buyerActor,
    at,
  },
};

describe('listing events in public (receipt.trading.v1) and the trading hold on receipt.receipt.v1', () => {
  it('publishes a whole listing keyed by its id with the contract’s minimum take of 1, and a settled take with the listing’s terms', () => {
    const publish = outbox.of(listingDecider, listingPublicEvents);
    const [message] = publish(listingDecider.initialState())([pending(posted, 'listing-L-1')]);
    expect([message!.topic, message!.key]).toEqual(['ci.receipt.trading.v1', 'L-1']);
    expect(fromBinary(ListingPostedSchema, message!.payload)).toMatchObject({ mode: ListingMode.WHOLE, minTake: 1, quote: { priceFenPerTonne: 350_500n } });
    const before = foldEvents(listingDecider, [posted, reserved]);
    const settled: ListingEvent = { type: 'TakeSettled', data: { listingId: 'L-1', takeId: 'T-1', actor: buyerActor, at } };
    const [done] = publish(before)([pending(settled, 'listing-L-1')]);
    expect(fromBinary(TakeSettledSchema, done!.payload)).toMatchObject({
      takeId: 'T-1',
      sellerPartyId: 'party-hengda',
      buyerPartyId: 'party-huadong',
      commodity: 'rebar',
      weightKg: 600_000n,
      proceedsFen: 210_300_000n,
      tradingDay: { value: '2026-04-01' },
    });
  });

  it('publishes no ReceiptHoldPlaced or ReceiptHoldReleased for a listing’s trading hold', () => {
    const hold: ReceiptEvent = {
      type: 'ReceiptHoldPlaced',
      data: {
        receiptNumber: 'R-1',
        hold: { holdId: 'listing-L-1', kind: 'trading', beneficiary: TRADING_PLATFORM, reason: 'listed', placedAt: at },
        actor: seller,
        at,
      },
    };
    const released: ReceiptEvent = {
      type: 'ReceiptHoldReleased',
      data: { receiptNumber: 'R-1', holdId: 'listing-L-1', kind: 'trading', reason: 'withdrawn', actor: seller, at },
    };
    const publish = outbox.of(receiptDecider, receiptPublicEvents);
    expect(publish(foldEvents(receiptDecider, [issued()]))([pending(hold, 'receipt-R-1')])).toEqual([]);
    expect(publish(foldEvents(receiptDecider, [issued(), hold]))([pending(released, 'receipt-R-1')])).toEqual([]);
  });
});
