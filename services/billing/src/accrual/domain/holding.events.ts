import { DomainEvent, LocalDate } from '@dw/kernel';
import { StorageKind } from '../../rate-card/domain/rate-card.terms';

/** What billing charges storage on: a receipt (while in circulation) or a lot no receipt backs. */
export interface HeldThing {
  readonly kind: 'receipt' | 'lot';
  /** The receipt number or the lot id. */
  readonly id: string;
}

/** The goods of a holding as the other services' events state them: actual weight, commodity code, where they lie. */
export interface HeldGoods {
  readonly commodity: string;
  readonly storageKind: StorageKind;
  readonly weightKg: number;
}

/** The fee items billing charges (billing.fee.v1 `item`). */
export const FEE_ITEMS = ['storage', 'transfer', 'load_in', 'load_out', 'over_short', 'late_fee', 'compensation'] as const;
export type FeeItem = (typeof FEE_ITEMS)[number];

/** A holder's span began: a receipt issued to its first holder, or a lot received for its owner. */
export type HoldingOpened = DomainEvent<
  'HoldingOpened',
  { readonly thing: HeldThing; readonly goods: HeldGoods; readonly holderPartyId: string; readonly on: LocalDate; readonly cause: string; readonly at: string }
>;

/**
 * Who holds the thing changed on a Shanghai date (a transfer's buyer), or it left billing's
 * charge (holderPartyId null: cancelled, split, merged, shipped out). `cause` names the fact.
 */
export type HolderChanged = DomainEvent<
  'HolderChanged',
  { readonly thing: HeldThing; readonly holderPartyId: string | null; readonly on: LocalDate; readonly cause: string; readonly at: string }
>;

/** Storage is charged for every day charged on or before `through` (a day close ran for it). */
export type StorageClosedThrough = DomainEvent<'StorageClosedThrough', { readonly thing: HeldThing; readonly through: LocalDate; readonly at: string }>;

/** One fee charged to one party (billing.fee.v1 FeeAccrued). */
export interface Fee {
  readonly feeId: string;
  readonly partyId: string;
  readonly item: FeeItem;
  readonly receiptNumber: string | null;
  readonly lotId: string | null;
  readonly serviceDate: LocalDate;
  readonly chargedOn: LocalDate;
  readonly weightKg: number;
  readonly rateFen: number;
  readonly amountFen: number;
  /** Whose rate priced it: a rate card (contract or default, at `rateVersion`), or the exchange's settlement price (over/short; version 0). */
  readonly rateSource: 'contract' | 'default' | 'settlement_price';
  readonly rateVersion: number;
}

export type FeeAccrued = DomainEvent<'FeeAccrued', Fee & { readonly accruedAt: string }>;

/** An earlier FeeAccrued cancelled in full (billing.fee.v1 FeeReversed); a corrected FeeAccrued with a new fee id follows when one is owed. */
export type FeeReversed = DomainEvent<
  'FeeReversed',
  { readonly feeId: string; readonly partyId: string; readonly amountFen: number; readonly reason: string; readonly reversedAt: string }
>;

export type HoldingEvent = HoldingOpened | HolderChanged | StorageClosedThrough | FeeAccrued | FeeReversed;
