import { DomainEvent, LocalDate } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { Hold, HoldKind } from './receipt.hold';
import { BackingLot, Holder, ReceiptRecord } from './receipt.record';
import { GoodsShortfall, ShortfallOutcome } from './receipt.shortfall';

interface Stamp {
  readonly receiptNumber: string;
  readonly actor: Actor;
  readonly at: string;
}

/** A receipt comes into being: from an issuance, or as a split child or merged receipt (see record.lineage). */
export type ReceiptIssued = DomainEvent<'ReceiptIssued', { readonly record: ReceiptRecord; readonly actor: Actor; readonly at: string }>;

export type TitleTransferred = DomainEvent<
  'TitleTransferred',
  Stamp & {
    readonly transferId: string;
    readonly from: Holder;
    readonly to: Holder;
    readonly commodity: string;
    readonly weightKg: number;
  }
>;

export type ReceiptHoldPlaced = DomainEvent<'ReceiptHoldPlaced', Stamp & { readonly hold: Hold }>;
export type ReceiptHoldReleased = DomainEvent<'ReceiptHoldReleased', Stamp & { readonly holdId: string; readonly kind: HoldKind; readonly reason: string }>;

/** The parent leaves circulation; its children are issued from these records. */
export type ReceiptSplit = DomainEvent<'ReceiptSplit', Stamp & { readonly children: readonly ReceiptRecord[] }>;
/** The parent leaves circulation into the merged receipt. */
export type ReceiptMerged = DomainEvent<'ReceiptMerged', Stamp & { readonly mergedInto: string }>;

export type CancellationPurpose = 'pickup' | 'spot-conversion';

/**
 * The holder applied for cancellation (注销申请). The receipt stays in circulation and the
 * holder's until the warehouse processes, rejects or the holder withdraws the application, but
 * in the meantime it does not move (rule RCPT-CANCELLATION-PENDING-STAYS-PUT).
 */
export type ReceiptCancellationApplied = DomainEvent<'ReceiptCancellationApplied', Stamp & { readonly purpose: CancellationPurpose }>;
/** The holder withdrew its pending application: the receipt is free again. */
export type ReceiptCancellationWithdrawn = DomainEvent<'ReceiptCancellationWithdrawn', Stamp & { readonly purpose: CancellationPurpose }>;
/** The warehouse turned the pending application down: the receipt is free again. */
export type ReceiptCancellationRejected = DomainEvent<
  'ReceiptCancellationRejected',
  Stamp & { readonly purpose: CancellationPurpose; readonly reason: string }
>;

/**
 * 注销, as the warehouse processes the holder's application: the receipt leaves circulation and its goods become an outbound entitlement of the
 * holder; the order service opens the outbound order from this event.
 */
export type ReceiptCancelled = DomainEvent<
  'ReceiptCancelled',
  Stamp & {
    readonly purpose: CancellationPurpose;
    readonly entitlement: {
      readonly holder: Holder;
      readonly warehouseId: string;
      readonly commodity: string;
      readonly brand: string;
      readonly grade: string;
      readonly lots: readonly BackingLot[];
      readonly weightKg: number;
    };
  }
>;

export type ReceiptExpired = DomainEvent<'ReceiptExpired', Stamp & { readonly asOf: LocalDate; readonly validUntil: LocalDate }>;

export type StorageFeesPaidThroughAdvanced = DomainEvent<
  'StorageFeesPaidThroughAdvanced',
  Stamp & { readonly paidThrough: LocalDate; readonly previous: LocalDate }
>;

/**
 * A stocktake found less of the receipt's goods than it states (rule RCPT-SHORT-GOODS-STAYS-PUT):
 * the shortfall is open (`resolution: null`) and the receipt's title does not move until it is
 * resolved.
 */
export type GoodsShortfallRecorded = DomainEvent<'GoodsShortfallRecorded', Stamp & { readonly shortfall: GoodsShortfall }>;

/** A manager recorded how the warehouse answered for the shortfall (rule RCPT-SHORTFALL-RESOLVED-BY-MANAGER). */
export type GoodsShortfallResolved = DomainEvent<
  'GoodsShortfallResolved',
  Stamp & { readonly varianceId: string; readonly outcome: ShortfallOutcome; readonly reference: string; readonly reason: string }
>;

export type ReceiptEvent =
  | ReceiptIssued
  | TitleTransferred
  | ReceiptHoldPlaced
  | ReceiptHoldReleased
  | ReceiptSplit
  | ReceiptMerged
  | ReceiptCancellationApplied
  | ReceiptCancellationWithdrawn
  | ReceiptCancellationRejected
  | ReceiptCancelled
  | ReceiptExpired
  | StorageFeesPaidThroughAdvanced
  | GoodsShortfallRecorded
  | GoodsShortfallResolved;
