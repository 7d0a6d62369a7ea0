import { ListedReceipt, ListingCloseReason, ListingPosted, TradingParty } from './listing.events';

export type TakeStatus = 'reserved' | 'settled' | 'released' | 'stuck';

export interface Take {
  readonly takeId: string;
  readonly buyer: TradingParty;
  readonly receipts: readonly ListedReceipt[];
  readonly weightKg: number;
  readonly priceFenPerTonne: number;
  readonly proceedsFen: number;
  readonly status: TakeStatus;
  readonly reasonCode: string | null;
  readonly reason: string | null;
  readonly reservedAt: string;
  readonly resolvedAt: string | null;
}

export interface ListingState {
  readonly status: 'none' | 'open' | 'closed';
  readonly terms: ListingPosted['data'] | null;
  /** Receipts a take may still buy, in the listing's order. */
  readonly available: readonly string[];
  readonly takes: Readonly<Record<string, Take>>;
  readonly closed: { readonly reasonCode: ListingCloseReason; readonly reason: string; readonly at: string } | null;
}

export const initialListingState = (): ListingState => ({ status: 'none', terms: null, available: [], takes: {}, closed: null });

/** The receipts of the listing in its own order, among `numbers`. */
export function inListingOrder(terms: ListingPosted['data'], numbers: ReadonlySet<string>): string[] {
  return terms.receipts.map((receipt) => receipt.receiptNumber).filter((number) => numbers.has(number));
}
