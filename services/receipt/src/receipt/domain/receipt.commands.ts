import { Command, LocalDate } from '@dw/kernel';
import { TradingSeller } from './receipt.trading';
import { Actor } from '../../common/domain/actor';
import { StorageCard } from '../../storage-card/domain/storage-card';
import { Beneficiary, HoldKind } from './receipt.hold';
import { ReceiptRecord } from './receipt.record';
import { ReceiptState } from './receipt.state';
import { CancellationPurpose } from './receipt.events';
import { ShortfallOutcome } from './receipt.shortfall';

interface Stamp {
  readonly actor: Actor;
  readonly at: string;
}

/** What the person asking for a transfer typed in, checked against the record (rule RCPT-TRANSFER-MATCH). */
export interface EnteredTitle {
  readonly holderName: string;
  readonly storageCard: string;
  readonly commodity: string;
}

/**
 * Internal step, not an HTTP command: the record comes from an already authorised decision
 * (IssuanceApproved, ReceiptSplit) and is issued by that decision's handler.
 */
export type IssueReceipt = Command<'IssueReceipt', Stamp & { readonly record: ReceiptRecord }>;

/** `buyerCard`: the receiving card as loaded by the handler from its stream. */
export type TransferTitle = Command<
  'TransferTitle',
  Stamp & { readonly transferId: string; readonly entered: EnteredTitle; readonly buyerCard: StorageCard | null }
>;

export type PlaceHold = Command<
  'PlaceHold',
  Stamp & { readonly holdId: string; readonly kind: HoldKind; readonly beneficiary: Beneficiary; readonly reason: string }
>;
export type ReleaseHold = Command<'ReleaseHold', Stamp & { readonly holdId: string; readonly reason: string }>;

export interface SplitChildRequest {
  readonly receiptNumber: string;
  readonly lotIds: readonly string[];
  /** As entered; must equal the weight of the child's lots (error-proofing, like transfers). */
  readonly weightKg: number;
}
export type SplitReceipt = Command<'SplitReceipt', Stamp & { readonly children: readonly SplitChildRequest[] }>;

/**
 * Decided on the new receipt's (empty) stream with the parents' states as loaded by the
 * handler; each parent then gets RetireIntoMerge in the same transaction.
 */
export type MergeReceipts = Command<'MergeReceipts', Stamp & { readonly receiptNumber: string; readonly parents: readonly ReceiptState[] }>;
export type RetireIntoMerge = Command<'RetireIntoMerge', Stamp & { readonly mergedInto: string }>;

/** The holder's application (注销申请): to pick the goods up, or to convert them to a spot bill of lading. */
export type ApplyForCancellation = Command<'ApplyForCancellation', Stamp & { readonly purpose: CancellationPurpose }>;
/** The holder takes its pending application back. */
export type WithdrawCancellation = Command<'WithdrawCancellation', Stamp>;
/** The warehouse processes the pending application: the receipt leaves circulation. */
export type ProcessCancellation = Command<'ProcessCancellation', Stamp>;
/** The warehouse turns the pending application down, saying why. */
export type RejectCancellation = Command<'RejectCancellation', Stamp & { readonly reason: string }>;

/** From the scheduled expiry job: `asOf` is the Shanghai date it runs for. */
export type FlagExpired = Command<'FlagExpired', Stamp & { readonly asOf: string }>;

/** From billing, when the holder's storage fees are paid further ahead. */
/**
 * `paidBy`: the party whose storage billing says is paid through the date
 * (billing.paid-through.v1); it moves the receipt's date only while that party holds it.
 */
export type RecordStorageFeesPaid = Command<'RecordStorageFeesPaid', Stamp & { readonly paidThrough: string; readonly paidBy?: string }>;

/**
 * From inventory's StockShortfallDetected, by its handler (system): the shortfall as inventory
 * reported it, on the receipt whose goods they were.
 */
export type RecordGoodsShortfall = Command<
  'RecordGoodsShortfall',
  Stamp & {
    readonly lotId: string;
    readonly stocktakeId: string;
    readonly varianceId: string;
    readonly deltaPieces: number;
    readonly deltaKg: number;
    readonly approver: string;
    readonly approvalReason: string;
    readonly detectedAt: string;
    readonly pledgedTo: readonly string[];
  }
>;

/** A manager records how the warehouse answered for the shortfall of one variance. */
export type ResolveGoodsShortfall = Command<
  'ResolveGoodsShortfall',
  Stamp & { readonly varianceId: string; readonly outcome: ShortfallOutcome; readonly reference: string; readonly reason: string }
>;

/**
 * Internal steps of the trading platform (no role check: the listing's handler sends them in the
 * transaction of the listing decision that authorised them, see receipt.trading.ts):
 * - HoldForListing: the receipt goes into trading with a posted listing;
 * - LiftListingHold: the listing closed with the receipt unsold, or the take reserving it was released;
 * - TransferOnTake: a paid take moves the title to the buyer's card and lifts the hold at once.
 */
export type HoldForListing = Command<'HoldForListing', Stamp & { readonly listingId: string; readonly seller: TradingSeller; readonly tradingDay: LocalDate }>;
export type LiftListingHold = Command<'LiftListingHold', Stamp & { readonly listingId: string; readonly reason: string }>;
export type TransferOnTake = Command<'TransferOnTake', Stamp & { readonly listingId: string; readonly takeId: string; readonly buyerCard: StorageCard | null }>;

export type ReceiptCommand =
  | IssueReceipt
  | TransferTitle
  | PlaceHold
  | ReleaseHold
  | SplitReceipt
  | MergeReceipts
  | RetireIntoMerge
  | ApplyForCancellation
  | WithdrawCancellation
  | ProcessCancellation
  | RejectCancellation
  | FlagExpired
  | RecordStorageFeesPaid
  | RecordGoodsShortfall
  | ResolveGoodsShortfall
  | HoldForListing
  | LiftListingHold
  | TransferOnTake;
