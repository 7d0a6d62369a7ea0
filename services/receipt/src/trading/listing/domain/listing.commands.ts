import { Command } from '@dw/kernel';
import { Actor } from '../../../common/domain/actor';
import { ReceiptState } from '../../../receipt/domain/receipt.state';
import type { MarketView, TraderView } from '../../common/trading-lookups';
import { QuoteRequest, TradingDate } from './market-rules';

interface Stamp {
  readonly actor: Actor;
  readonly at: string;
}

/** The receipts as the handler loaded them, by number (a number it found no stream for: an empty state). */
export type ReceiptStates = Readonly<Record<string, ReceiptState>>;

export type PostListing = Command<
  'PostListing',
  Stamp & {
    readonly listingId: string;
    readonly seller: TraderView | null;
    readonly market: MarketView | null;
    readonly today: TradingDate;
    readonly commodity: string;
    readonly receiptNumbers: readonly string[];
    readonly receipts: ReceiptStates;
    readonly mode: string;
    readonly minTake?: number | null;
    readonly quote: QuoteRequest;
  }
>;

/** By its seller. */
export type WithdrawListing = Command<'WithdrawListing', Stamp & { readonly reason: string }>;
/** By the exchange (标准仓单交易管理办法 第六十三条, 第六十七条). */
export type CancelListing = Command<'CancelListing', Stamp & { readonly reason: string }>;
/** By the close-of-day sweep (system). */
export type ExpireListing = Command<'ExpireListing', Stamp>;

export type TakeListing = Command<
  'TakeListing',
  Stamp & {
    readonly takeId: string;
    readonly buyer: TraderView | null;
    readonly market: MarketView | null;
    readonly today: TradingDate;
    readonly count: number;
    readonly receipts: ReceiptStates;
  }
>;

/** Billing paid the take (TakePaid) and the title moved in the same transaction. */
export type SettleTake = Command<'SettleTake', Stamp & { readonly takeId: string }>;
/** Billing refused the payment (TakePaymentRefused). */
export type ReleaseTake = Command<'ReleaseTake', Stamp & { readonly takeId: string; readonly reasonCode: string; readonly reason: string }>;
/** Billing paid the take but its title could not move. */
export type RecordTakeTitleStuck = Command<'RecordTakeTitleStuck', Stamp & { readonly takeId: string; readonly reasonCode: string; readonly reason: string }>;

export type ListingCommand = PostListing | WithdrawListing | CancelListing | ExpireListing | TakeListing | SettleTake | ReleaseTake | RecordTakeTitleStuck;
