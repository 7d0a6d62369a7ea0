import { foldEvents } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { d } from '../../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { Actor } from '../../../common/domain/actor';
import { ReceiptEvent } from '../../../receipt/domain/receipt.events';
import { ListingCommand, ReceiptStates } from './listing.commands';
import { listingDecider } from './listing.decider';
import { ListingEvent, TakeReserved } from './listing.events';
import {
  at,
  buyerActor,
  buyerTrader,
  exchange,
  frozen,
  listedRecord,
  posted,
  rebarMarket,
  receiptStates,
  seller,
  sellerTrader,
  stranger,
  system,
  today,
} from './trading.fixtures.spec-helper';

const spec = deciderSpec(listingDecider);

const five = receiptStates(listedRecord(11), listedRecord(12), listedRecord(13), listedRecord(14), listedRecord(15));
const numbers = ['R-11', 'R-12', 'R-13', 'R-14', 'R-15'];

const post = (overrides: Partial<Extract<ListingCommand, { type: 'PostListing' }>['data']> = {}): ListingCommand => ({
  type: 'PostListing',
  data: {
    listingId: 'L-1',
    seller: sellerTrader,
    market: rebarMarket,
    today,
    commodity: 'rebar',
    receiptNumbers: numbers,
    receipts: five,
    mode: 'partial',
    minTake: 2,
    quote: { kind: 'full', priceFenPerTonne: 351_200 },
    actor: seller,
    at,
    ...overrides,
  },
});

/** The receipts as the take's handler loads them: each held for L-1. */
const heldFor = (n: number, ...more: ReceiptEvent[]): [ReturnType<typeof listedRecord>, ...ReceiptEvent[]] => heldRecord(listedRecord(n), ...more);
const heldRecord = (record: ReturnType<typeof listedRecord>, ...more: ReceiptEvent[]): [ReturnType<typeof listedRecord>, ...ReceiptEvent[]] => [
  record,
  {
    type: 'ReceiptHoldPlaced',
    data: {
      receiptNumber: record.receiptNumber,
      hold: {
        holdId: 'listing-L-1',
        kind: 'trading',
        beneficiary: { kind: 'exchange', partyId: 'trading-platform', name: '标准仓单交易平台' },
        reason: 'listed',
        placedAt: at,
      },
      actor: seller,
      at,
    },
  },
  ...more,
];
const listedStates: ReceiptStates = receiptStates(heldFor(11), heldFor(12), heldFor(13), heldFor(14), heldFor(15));

const take = (count: number, overrides: Partial<Extract<ListingCommand, { type: 'TakeListing' }>['data']> = {}): ListingCommand => ({
  type: 'TakeListing',
  data: { takeId: 'T-1', buyer: buyerTrader, market: rebarMarket, today, count, receipts: listedStates, actor: buyerActor, at, ...overrides },
});
const reserved = (takeId: string, receiptNumbers: string[]): TakeReserved => {
  const weightKg = receiptNumbers.length * 300_000;
  return {
    type: 'TakeReserved',
    data: {
      listingId: 'L-1',
      takeId,
      buyer: { partyId: 'party-huadong', accountNumber: 'SC-0002' },
      receipts: receiptNumbers.map((receiptNumber) => ({ receiptNumber, weightKg: 300_000 })),
      weightKg,
      priceFenPerTonne: 351_200,
      // 351 200 fen/t × 300 t per receipt = 105 360 000 fen per receipt.
      proceedsFen: receiptNumbers.length * 105_360_000,
      actor: buyerActor,
      at,
    },
  };
};
const system1: Actor = system;
const settle = (takeId = 'T-1'): ListingCommand => ({ type: 'SettleTake', data: { takeId, actor: system1, at } });
const release = (takeId = 'T-1'): ListingCommand => ({
  type: 'ReleaseTake',
  data: { takeId, reasonCode: 'BALANCE_SHORT', reason: 'balance short', actor: system1, at },
});
const closedBy = (reasonCode: 'withdrawn' | 'cancelled' | 'expired', unsold: string[], actor: Actor, reason: string, when = at): ListingEvent => ({
  type: 'ListingClosed',
  data: { listingId: 'L-1', unsold, reasonCode, reason, actor, at: when },
});

describe('listing decider: posting', () => {
  it('posts a partial listing of the seller’s eligible receipts at a full price on the tick within the band', () => {
    spec.given([]).when(post()).then([posted()]);
  });

  it('posts a whole listing of one receipt with a basis quote: the contract’s prior settlement plus the premium', () => {
    // rb2610 settled at 352 000 fen/t; a discount of 15 yuan → 352 000 − 1 500 = 350 500 fen/t.
    spec
      .given([])
      .when(post({ mode: 'whole', minTake: undefined, receiptNumbers: ['R-11'], quote: { kind: 'basis', contract: 'rb2610', premiumFenPerTonne: -1_500 } }))
      .then([
        posted({
          mode: 'whole',
          minTake: null,
          receipts: [{ receiptNumber: 'R-11', weightKg: 300_000 }],
          quote: { kind: 'basis', contract: 'rb2610', premiumFenPerTonne: -1_500, priceFenPerTonne: 350_500 },
        }),
      ]);
  });

  it('refuses a seller that is not an approved trader permitted the commodity, or acts for another party', () => {
    spec
      .given([])
      .when(post({ seller: null }))
      .thenRefusedWith('TRADE_NOT_A_TRADER');
    spec
      .given([])
      .when(post({ seller: { ...sellerTrader, status: 'suspended' } }))
      .thenRefusedWith('TRADE_TRADER_SUSPENDED');
    spec
      .given([])
      .when(post({ seller: { ...sellerTrader, commodities: ['wire'] } }))
      .thenRefusedWith('TRADE_COMMODITY_NOT_PERMITTED');
    // The trader looked up is not the caller's party: as if the caller were no trader.
    spec
      .given([])
      .when(post({ actor: stranger }))
      .thenRefusedWith('TRADE_NOT_A_TRADER');
    spec
      .given([])
      .when(post({ actor: exchange }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    spec.given([posted()]).when(post()).thenRefusedWith('LISTING_EXISTS');
  });

  it('refuses a listing while the market is closed: no trading day, not tradable, suspended, outside the sessions', () => {
    spec
      .given([])
      .when(post({ today: { ...today, isTradingDay: false } }))
      .thenRefusedWith('TRADE_NOT_TRADING_DAY');
    spec
      .given([])
      .when(post({ market: null }))
      .thenRefusedWith('TRADE_COMMODITY_NOT_TRADABLE');
    spec
      .given([])
      .when(post({ market: { ...rebarMarket, suspended: true } }))
      .thenRefusedWith('TRADE_MARKET_SUSPENDED');
    // 12:00 in Shanghai: between the sessions.
    spec
      .given([])
      .when(post({ at: '2026-04-01T04:00:00Z' }))
      .thenRefusedWith('TRADE_OUTSIDE_SESSION');
  });

  it('refuses receipts that are not the seller’s own eligible receipts of one kind of goods, naming the receipt', () => {
    const withFrozen = { ...five, ...receiptStates([listedRecord(12), frozen('R-12')]) };
    const error = refusalOf(() => listingDecider.decide(post({ receipts: withFrozen }), listingDecider.initialState()));
    expect([error.code, error.field]).toEqual(['RECEIPT_HELD', 'receiptNumbers[1]']);
    spec
      .given([])
      .when(post({ receipts: { ...five, ...receiptStates(listedRecord(13, { storageFeesPaidThrough: d('2026-03-31') })) } }))
      .thenRefusedWith('TRADE_RECEIPT_STORAGE_UNPAID');
    spec
      .given([])
      .when(post({ receipts: { ...five, ...receiptStates(listedRecord(13, { holder: { ...listedRecord(13).holder, partyId: 'party-other' } })) } }))
      .thenRefusedWith('RECEIPT_NOT_FOUND');
    spec
      .given([])
      .when(post({ receiptNumbers: [...numbers, 'R-99'] }))
      .thenRefusedWith('RECEIPT_NOT_FOUND');
    spec
      .given([])
      .when(post({ receipts: { ...five, ...receiptStates(listedRecord(14, { brand: 'Yonggang' })) } }))
      .thenRefusedWith('TRADE_LISTING_MIXED_GOODS', { differs: 'brand' });
    spec
      .given([])
      .when(post({ receipts: { ...five, ...receiptStates(listedRecord(14, { grade: 'HRB500E' })) } }))
      .thenRefusedWith('TRADE_LISTING_MIXED_GOODS', { differs: 'grade' });
    spec
      .given([])
      .when(post({ receipts: { ...five, ...receiptStates(listedRecord(14, { warehouseId: 'WH-SH' })) } }))
      .thenRefusedWith('TRADE_LISTING_MIXED_GOODS', { differs: 'warehouseId' });
    spec
      .given([])
      .when(post({ receipts: { ...five, ...receiptStates(listedRecord(11, { commodity: 'wire' })) } }))
      .thenRefusedWith('TRADE_LISTING_MIXED_GOODS', { differs: 'commodity' });
    spec
      .given([])
      .when(post({ receiptNumbers: ['R-11', 'R-12', 'R-11'] }))
      .thenRefusedWith('LIST_HAS_REPEATS');
    spec
      .given([])
      .when(post({ receiptNumbers: [] }))
      .thenRefusedWith('TRADE_LISTING_RECEIPT_COUNT');
    spec
      .given([])
      .when(post({ receiptNumbers: Array.from({ length: 201 }, (_, i) => `R-${i}`) }))
      .thenRefusedWith('TRADE_LISTING_RECEIPT_COUNT', { max: 200 });
  });

  it('refuses a partial listing of one receipt, and a minimum take outside 1 … count − 1', () => {
    spec
      .given([])
      .when(post({ receiptNumbers: ['R-11'] }))
      .thenRefusedWith('TRADE_PARTIAL_NEEDS_SEVERAL');
    spec
      .given([])
      .when(post({ minTake: 5 }))
      .thenRefusedWith('TRADE_MIN_TAKE_INVALID', { count: 5 });
    spec
      .given([])
      .when(post({ minTake: 0 }))
      .thenRefusedWith('TRADE_MIN_TAKE_INVALID');
    spec
      .given([])
      .when(post({ minTake: null }))
      .thenRefusedWith('TRADE_MIN_TAKE_INVALID');
    spec
      .given([])
      .when(post({ minTake: 1.5 }))
      .thenRefusedWith('TRADE_MIN_TAKE_INVALID');
    spec
      .given([])
      .when(post({ mode: 'batch' }))
      .thenRefusedWith('VALUE_NOT_ALLOWED');
    spec
      .given([])
      .when(post({ minTake: 4 }))
      .then([posted({ minTake: 4 })]);
  });

  it('refuses a quote off the tick, outside the band, on an unknown contract, or with no base price published', () => {
    spec
      .given([])
      .when(post({ quote: { kind: 'full', priceFenPerTonne: 351_250 } }))
      .thenRefusedWith('TRADE_PRICE_OFF_TICK');
    spec
      .given([])
      .when(post({ quote: { kind: 'full', priceFenPerTonne: 368_800 } }))
      .thenRefusedWith('TRADE_PRICE_OUTSIDE_BAND');
    spec
      .given([])
      .when(post({ quote: { kind: 'basis', contract: 'rb2701', premiumFenPerTonne: 0 } }))
      .thenRefusedWith('TRADE_BASIS_CONTRACT_UNKNOWN');
    spec
      .given([])
      .when(post({ market: { ...rebarMarket, basePriceFenPerTonne: null } }))
      .thenRefusedWith('TRADE_NO_BASE_PRICE');
  });
});

describe('listing decider: closing', () => {
  it('the seller withdraws its open listing: the receipts not reserved are unsold', () => {
    spec
      .given([posted(), reserved('T-1', ['R-11', 'R-12'])])
      .when({ type: 'WithdrawListing', data: { reason: 'sold elsewhere', actor: seller, at } })
      .then([closedBy('withdrawn', ['R-13', 'R-14', 'R-15'], seller, 'sold elsewhere')]);
  });

  it('another party’s withdrawal answers as a missing listing; a closed listing is not closed again', () => {
    spec
      .given([posted()])
      .when({ type: 'WithdrawListing', data: { reason: 'r', actor: stranger, at } })
      .thenRefusedWith('LISTING_NOT_FOUND');
    spec
      .given([])
      .when({ type: 'WithdrawListing', data: { reason: 'r', actor: seller, at } })
      .thenRefusedWith('LISTING_NOT_FOUND');
    spec
      .given([posted(), closedBy('withdrawn', numbers, seller, 'r')])
      .when({ type: 'WithdrawListing', data: { reason: 'again', actor: seller, at } })
      .thenRefusedWith('TRADE_LISTING_CLOSED', { reasonCode: 'withdrawn' });
  });

  it('the exchange cancels a listing; nobody else does', () => {
    spec
      .given([posted()])
      .when({ type: 'CancelListing', data: { reason: 'wash trading', actor: exchange, at } })
      .then([closedBy('cancelled', numbers, exchange, 'wash trading')]);
    spec
      .given([posted()])
      .when({ type: 'CancelListing', data: { reason: 'r', actor: seller, at } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });

  it('an open listing expires at the last close of its trading day, not before, and once', () => {
    // The last session closes at 15:00 Shanghai = 07:00 UTC.
    const atClose = '2026-04-01T07:00:00Z';
    spec
      .given([posted()])
      .when({ type: 'ExpireListing', data: { actor: system, at: atClose } })
      .then([closedBy('expired', numbers, system, 'not taken by the close of 2026-04-01', atClose)]);
    spec
      .given([posted()])
      .when({ type: 'ExpireListing', data: { actor: system, at: '2026-04-01T06:59:59Z' } })
      .thenRefusedWith('TRADE_LISTING_STILL_TRADING');
    spec
      .given([posted(), closedBy('expired', numbers, system, 'x', atClose)])
      .when({ type: 'ExpireListing', data: { actor: system, at: atClose } })
      .then([]);
  });
});

describe('listing decider: takes', () => {
  it('reserves the first receipts in the listing’s order with proceeds = price × weight, half up', () => {
    spec
      .given([posted()])
      .when(take(2))
      .then([reserved('T-1', ['R-11', 'R-12'])]);
    // After are reserved, the next take starts at R-13.
    spec
      .given([posted(), reserved('T-1', ['R-11', 'R-12'])])
      .when(take(3, { takeId: 'T-2' }))
      .then([reserved('T-2', ['R-13', 'R-14', 'R-15'])]);
    // 351 201 fen/t (a 1-fen tick) × 300.5 t = 105 535 900.5 → 105 535 901 fen.
    const odd = posted({
      quote: { kind: 'full', contract: '', premiumFenPerTonne: 0, priceFenPerTonne: 351_201 },
      receipts: [
        { receiptNumber: 'R-11', weightKg: 300_500 },
        { receiptNumber: 'R-12', weightKg: 300_000 },
      ],
      minTake: 1,
    });
    const [event] = listingDecider.decide(take(1), foldEvents(listingDecider, [odd])) as TakeReserved[];
    expect([event!.data.weightKg, event!.data.proceedsFen]).toEqual([300_500, 105_535_901]);
  });

  it('a whole listing is taken all at once; a partial one from the minimum to what is left, the last take buying a remainder below the minimum', () => {
    const whole = posted({ mode: 'whole', minTake: null });
    spec.given([whole]).when(take(4)).thenRefusedWith('TRADE_TAKE_COUNT_INVALID', { least: 5, most: 5 });
    spec
      .given([whole])
      .when(take(5))
      .then([reserved('T-1', numbers)]);
    spec.given([posted()]).when(take(1)).thenRefusedWith('TRADE_TAKE_COUNT_INVALID', { least: 2, most: 5 });
    spec.given([posted()]).when(take(6)).thenRefusedWith('TRADE_TAKE_COUNT_INVALID', { least: 2, most: 5 });
    spec.given([posted()]).when(take(0)).thenRefusedWith('TRADE_TAKE_COUNT_INVALID');
    spec.given([posted()]).when(take(2.5)).thenRefusedWith('TRADE_TAKE_COUNT_INVALID');
    // Minimum 2, four taken: one is left, and only a take of exactly that one clears it.
    const fourGone = [posted(), reserved('T-1', ['R-11', 'R-12']), reserved('T-2', ['R-13', 'R-14'])];
    spec
      .given(fourGone)
      .when(take(1, { takeId: 'T-3' }))
      .then([reserved('T-3', ['R-15'])]);
    spec
      .given(fourGone)
      .when(take(2, { takeId: 'T-3' }))
      .thenRefusedWith('TRADE_TAKE_COUNT_INVALID', { least: 1, most: 1 });
    spec
      .given([...fourGone, reserved('T-3', ['R-15'])])
      .when(take(1, { takeId: 'T-4' }))
      .thenRefusedWith('TRADE_LISTING_NOTHING_LEFT');
  });

  it('refuses a buyer that is no approved, permitted trader, the seller itself, or acting for another party', () => {
    spec
      .given([posted()])
      .when(take(2, { buyer: null }))
      .thenRefusedWith('TRADE_NOT_A_TRADER');
    spec
      .given([posted()])
      .when(take(2, { buyer: { ...buyerTrader, status: 'suspended' } }))
      .thenRefusedWith('TRADE_TRADER_SUSPENDED');
    spec
      .given([posted()])
      .when(take(2, { buyer: { ...buyerTrader, commodities: ['wire'] } }))
      .thenRefusedWith('TRADE_COMMODITY_NOT_PERMITTED');
    spec
      .given([posted()])
      .when(take(2, { buyer: sellerTrader, actor: seller }))
      .thenRefusedWith('TRADE_TAKE_OWN_LISTING');
    spec
      .given([posted()])
      .when(take(2, { actor: stranger }))
      .thenRefusedWith('TRADE_NOT_A_TRADER');
    spec.given([]).when(take(2)).thenRefusedWith('LISTING_NOT_FOUND');
  });

  it('refuses a take of a closed listing, on another day, or while the market is closed', () => {
    spec
      .given([posted(), closedBy('withdrawn', numbers, seller, 'r')])
      .when(take(2))
      .thenRefusedWith('TRADE_LISTING_CLOSED');
    // Thursday 04-02 at 10:00: yesterday's listing was judged against yesterday's band.
    spec
      .given([posted()])
      .when(take(2, { today: { date: d('2026-04-02'), isTradingDay: true }, at: '2026-04-02T02:00:00Z' }))
      .thenRefusedWith('TRADE_LISTING_CLOSED', { reasonCode: 'expired' });
    spec
      .given([posted()])
      .when(take(2, { market: { ...rebarMarket, suspended: true } }))
      .thenRefusedWith('TRADE_MARKET_SUSPENDED');
    spec
      .given([posted()])
      .when(take(2, { at: '2026-04-01T08:00:00Z' }))
      .thenRefusedWith('TRADE_OUTSIDE_SESSION');
  });

  it('checks each receipt taken again: one frozen since the listing refuses the take', () => {
    const receipts = { ...listedStates, ...receiptStates(heldFor(12, frozen('R-12'))) };
    const error = refusalOf(() => listingDecider.decide(take(2, { receipts }), foldEvents(listingDecider, [posted()])));
    expect([error.code, error.field]).toEqual(['RECEIPT_HELD', 'count']);
    // Storage paid only through 03-31 (the listing's own hold is no obstacle, the fees are).
    spec
      .given([posted()])
      .when(take(2, { receipts: { ...listedStates, ...receiptStates(heldRecord(listedRecord(11, { storageFeesPaidThrough: d('2026-03-31') }))) } }))
      .thenRefusedWith('TRADE_RECEIPT_STORAGE_UNPAID');
  });

  it('settles and releases a take once: replays change nothing; a released take’s receipts return to the open listing in order', () => {
    const given = [posted(), reserved('T-1', ['R-11', 'R-12'])];
    spec
      .given(given)
      .when(settle())
      .then([{ type: 'TakeSettled', data: { listingId: 'L-1', takeId: 'T-1', actor: system, at } }]);
    spec
      .given([...given, { type: 'TakeSettled', data: { listingId: 'L-1', takeId: 'T-1', actor: system, at } }])
      .when(settle())
      .then([]);
    spec
      .given([...given, { type: 'TakeSettled', data: { listingId: 'L-1', takeId: 'T-1', actor: system, at } }])
      .when(release())
      .then([]);
    const released: ListingEvent = {
      type: 'TakeReleased',
      data: {
        listingId: 'L-1',
        takeId: 'T-1',
        receiptNumbers: ['R-11', 'R-12'],
        backOnListing: true,
        reasonCode: 'BALANCE_SHORT',
        reason: 'balance short',
        actor: system,
        at,
      },
    };
    spec.given(given).when(release()).then([released]);
    spec
      .given([...given, released])
      .when(release())
      .then([]);
    // R-13 reserved meanwhile: after the release the listing offers in its order.
    const state = foldEvents(listingDecider, [...given, reserved('T-2', ['R-13', 'R-14']), released]);
    expect(state.available).toEqual(['R-11', 'R-12', 'R-15']);
    spec.given(given).when(settle('T-9')).thenRefusedWith('TAKE_NOT_FOUND');
    spec
      .given(given)
      .when({ type: 'SettleTake', data: { takeId: 'T-1', actor: buyerActor, at } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });

  it('a take released after its listing closed does not return to it; a paid take whose title cannot move is recorded once', () => {
    spec
      .given([posted(), reserved('T-1', ['R-11', 'R-12']), closedBy('withdrawn', ['R-13', 'R-14', 'R-15'], seller, 'r')])
      .when(release())
      .then([
        {
          type: 'TakeReleased',
          data: {
            listingId: 'L-1',
            takeId: 'T-1',
            receiptNumbers: ['R-11', 'R-12'],
            backOnListing: false,
            reasonCode: 'BALANCE_SHORT',
            reason: 'balance short',
            actor: system,
            at,
          },
        },
      ]);
    const stuck: ListingCommand = { type: 'RecordTakeTitleStuck', data: { takeId: 'T-1', reasonCode: 'RECEIPT_HELD', reason: 'frozen', actor: system, at } };
    const stuckEvent: ListingEvent = {
      type: 'TakePaidTitleStuck',
      data: { listingId: 'L-1', takeId: 'T-1', reasonCode: 'RECEIPT_HELD', reason: 'frozen', actor: system, at },
    };
    spec
      .given([posted(), reserved('T-1', ['R-11', 'R-12'])])
      .when(stuck)
      .then([stuckEvent]);
    spec
      .given([posted(), reserved('T-1', ['R-11', 'R-12']), stuckEvent])
      .when(stuck)
      .then([]);
    // A stuck take keeps its receipts reserved: neither settled by a replay nor released.
    spec
      .given([posted(), reserved('T-1', ['R-11', 'R-12']), stuckEvent])
      .when(release())
      .then([]);
  });
});
