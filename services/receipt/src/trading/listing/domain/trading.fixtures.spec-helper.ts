import { foldEvents } from '@dw/kernel';
import { d } from '../../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { receiptDecider } from '../../../receipt/domain/receipt.decider';
import { ReceiptEvent } from '../../../receipt/domain/receipt.events';
import { at, issued, lotLine, recordR2, seller } from '../../../receipt/domain/receipt.fixtures.spec-helper';
import { ReceiptRecord } from '../../../receipt/domain/receipt.record';
import { ReceiptState } from '../../../receipt/domain/receipt.state';
import type { MarketView, TraderView } from '../../common/trading-lookups';
import { ReceiptStates } from './listing.commands';
import { ListingPosted } from './listing.events';
import { TradingDate } from './market-rules';

export { at, buyerActor, exchange, frozen, seller, stranger, system } from '../../../receipt/domain/receipt.fixtures.spec-helper';

/** Wednesday 2026-04-01, a trading day; `at` is 10:00 in Shanghai, inside the morning session. */
export const tradingDay = d('2026-04-01');
export const today: TradingDate = { date: tradingDay, isTradingDay: true };

export const sellerTrader: TraderView = { partyId: 'party-hengda', accountNumber: 'SC-0001', status: 'approved', commodities: ['rebar', 'wire'] };
export const buyerTrader: TraderView = { partyId: 'party-huadong', accountNumber: 'SC-0002', status: 'approved', commodities: ['rebar'] };

/** Rebar's settings on the platform, as the exchange sets them: 1 yuan/t tick, day sessions, rb2605 as reference contract, ±5%. */
export const REBAR_MARKET = {
  tradable: true,
  tickFenPerTonne: 100,
  sessions: [
    { opens: '09:00', closes: '11:30' },
    { opens: '13:30', closes: '15:00' },
  ],
  referenceContract: 'rb2605',
  maxUpBasisPoints: 500,
  maxDownBasisPoints: 500,
};

/**
 * Rebar on 2026-04-01 with those settings: tick 1 yuan = 100 fen/t; base = rb2605's settlement of
 * 03-31, 3 512 yuan/t = 351 200 fen/t; band ±5% (500 bp); rb2610 settled at 3 520 yuan/t.
 */
export const rebarMarket: MarketView = {
  commodity: 'rebar',
  tradingDay,
  ...REBAR_MARKET,
  suspended: false,
  basePriceFenPerTonne: 351_200,
  priorSettlementFenPerTonne: { rb2605: 351_200, rb2610: 352_000 },
};

/** Receipts R-11.. of 300 000 kg each on the seller's card SC-0001, fees paid through 04-15, valid through 06-08. */
export const listedRecord = (n: number, overrides: Partial<ReceiptRecord> = {}): ReceiptRecord => ({
  ...recordR2,
  receiptNumber: `R-${n}`,
  lots: [lotLine(`LOT-${n}`, 300_000, '2026-03-10')],
  ...overrides,
});

export function receiptStates(...records: (ReceiptRecord | [ReceiptRecord, ...ReceiptEvent[]])[]): ReceiptStates {
  const states: Record<string, ReceiptState> = {};
  for (const entry of records) {
    const [record, ...events] = Array.isArray(entry) ? entry : [entry];
    states[record.receiptNumber] = foldEvents(receiptDecider, [issued(record), ...events]);
  }
  return states;
}

/** The seller's listing L-1 of R-11..R-15 (300 000 kg each), partial with a minimum take of 2, at 3 512 yuan/t flat, on the trading day. */
export const posted = (overrides: Partial<ListingPosted['data']> = {}): ListingPosted => ({
  type: 'ListingPosted',
  data: {
    listingId: 'L-1',
    seller: { partyId: 'party-hengda', accountNumber: 'SC-0001' },
    commodity: 'rebar',
    warehouse: 'WH-WX',
    brand: 'Shagang',
    grade: 'HRB400E',
    receipts: ['R-11', 'R-12', 'R-13', 'R-14', 'R-15'].map((receiptNumber) => ({ receiptNumber, weightKg: 300_000 })),
    mode: 'partial',
    minTake: 2,
    quote: { kind: 'full', contract: '', premiumFenPerTonne: 0, priceFenPerTonne: 351_200 },
    tradingDay,
    closesAt: '15:00',
    actor: seller,
    at,
    ...overrides,
  },
});
