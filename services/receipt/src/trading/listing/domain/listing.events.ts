import { DomainEvent, LocalDate } from '@dw/kernel';
import { Actor } from '../../../common/domain/actor';
import { TradingSeller } from '../../../receipt/domain/receipt.trading';
import { Quote } from './market-rules';

export type ListingMode = 'whole' | 'partial';
export const LISTING_MODES: readonly ListingMode[] = ['whole', 'partial'];

export interface ListedReceipt {
  readonly receiptNumber: string;
  readonly weightKg: number;
}

/** A trader in a take: its party and trading account (= storage card, 标准仓单交易管理办法 第十条). */
export type TradingParty = TradingSeller;

/** Why a listing ended with receipts unsold (ListingClosed.reason_code). */
export type ListingCloseReason = 'withdrawn' | 'cancelled' | 'expired';

export type ListingPosted = DomainEvent<
  'ListingPosted',
  {
    readonly listingId: string;
    readonly seller: TradingParty;
    readonly commodity: string;
    readonly warehouse: string;
    readonly brand: string;
    readonly grade: string;
    /** In the order a take picks them. */
    readonly receipts: readonly ListedReceipt[];
    readonly mode: ListingMode;
    /** A partial listing's least take; null for a whole listing (one take of everything). */
    readonly minTake: number | null;
    readonly quote: Quote;
    readonly tradingDay: LocalDate;
    /** The last session's close on the trading day (Shanghai 'HH:MM'): an open listing expires then. */
    readonly closesAt: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;

export type ListingClosed = DomainEvent<
  'ListingClosed',
  {
    readonly listingId: string;
    readonly unsold: readonly string[];
    readonly reasonCode: ListingCloseReason;
    readonly reason: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;

export type TakeReserved = DomainEvent<
  'TakeReserved',
  {
    readonly listingId: string;
    readonly takeId: string;
    readonly buyer: TradingParty;
    readonly receipts: readonly ListedReceipt[];
    readonly weightKg: number;
    readonly priceFenPerTonne: number;
    readonly proceedsFen: number;
    readonly actor: Actor;
    readonly at: string;
  }
>;

export type TakeSettled = DomainEvent<'TakeSettled', { readonly listingId: string; readonly takeId: string; readonly actor: Actor; readonly at: string }>;

/** The take's receipts are no longer reserved: back on the listing while it is open, else out of trading. */
export type TakeReleased = DomainEvent<
  'TakeReleased',
  {
    readonly listingId: string;
    readonly takeId: string;
    readonly receiptNumbers: readonly string[];
    readonly backOnListing: boolean;
    readonly reasonCode: string;
    readonly reason: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;

/**
 * Billing paid the take but its title could not move (a court froze a receipt meanwhile, the
 * buyer's card was suspended, the take had been released): the listing keeps the receipts
 * reserved and records the fault for the exchange to resolve; not a public fact of its own.
 */
export type TakePaidTitleStuck = DomainEvent<
  'TakePaidTitleStuck',
  { readonly listingId: string; readonly takeId: string; readonly reasonCode: string; readonly reason: string; readonly actor: Actor; readonly at: string }
>;

export type ListingEvent = ListingPosted | ListingClosed | TakeReserved | TakeSettled | TakeReleased | TakePaidTitleStuck;
