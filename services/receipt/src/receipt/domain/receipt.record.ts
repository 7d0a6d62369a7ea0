import { LocalDate } from '@dw/kernel';
import { AppliedRule } from '../../receipt-rule/domain/receipt-rule.terms';
import { StorageCard } from '../../storage-card/domain/storage-card';

/** Who holds title: the storage card, the name on it and the party behind it. */
export interface Holder {
  readonly storageCard: string;
  readonly holderName: string;
  readonly partyId: string;
}

/** A whole lot behind a receipt, with where it lies and its pieces: the receipt names its goods (rule RCPT-WHOLE-LOTS). */
export interface BackingLot {
  readonly lotId: string;
  readonly location: string;
  readonly pieces: number;
  readonly weightKg: number;
  readonly productionDates: readonly LocalDate[];
}

/** Parents → children: where a receipt came from. */
export type Lineage =
  | { readonly origin: 'issuance'; readonly applicationId: string }
  | { readonly origin: 'split'; readonly parent: string }
  | { readonly origin: 'merge'; readonly parents: readonly string[] };

/**
 * Everything a standard warehouse receipt states (its status, storage fees paid-through date and
 * validity decide whether it may be traded: rules RCPT-HELD-STAYS-PUT, RCPT-FEES-PAID-FORWARD,
 * RCPT-EXPIRED-NOT-TRADED). Its weight is
 * exactly the sum of its lots' weights: receipts are backed by whole lots.
 */
export interface ReceiptRecord {
  readonly receiptNumber: string;
  readonly commodity: string;
  readonly brand: string;
  readonly grade: string;
  readonly warehouseId: string;
  readonly weightKg: number;
  readonly lots: readonly BackingLot[];
  /** Sorted, without repeats: the union of the lots' production dates. */
  readonly productionDates: readonly LocalDate[];
  readonly holder: Holder;
  readonly issueDate: LocalDate;
  /** Valid through this date inclusive; expired from the day after. */
  readonly validUntil: LocalDate;
  readonly storageFeesPaidThrough: LocalDate;
  readonly rule: AppliedRule;
  readonly lineage: Lineage;
}

export function holderOf(card: StorageCard): Holder {
  return { storageCard: card.cardNumber, holderName: card.holderName, partyId: card.ownerPartyId };
}

export function productionDatesOf(lots: readonly { readonly productionDates: readonly LocalDate[] }[]): LocalDate[] {
  return [...new Set(lots.flatMap((lot) => lot.productionDates))].sort();
}
