import { refuse } from '@dw/kernel';
import { Actor, requireRole } from '../../common/domain/actor';
import { CancellationPurpose } from './receipt.events';
import { Hold } from './receipt.hold';
import { ReceiptRecord } from './receipt.record';
import { GoodsShortfall, openShortfallsOf } from './receipt.shortfall';

/**
 * - outstanding: in circulation and within validity;
 * - expired: still in circulation (its lots still back it, it can be cancelled) but past
 *   validity, so it can no longer be transferred, pledged or delivered;
 * - cancelled / split / merged: left circulation (cancelled to goods, or superseded by children).
 * "Live" means outstanding or expired: the receipt holds title and its lots back it.
 * A live receipt may carry a pending cancellation application (`cancellationApplication`); it
 * keeps its status meanwhile, so it still expires on time and the application is judged against
 * the receipt as it is when the warehouse processes it.
 */
export type ReceiptStatus = 'outstanding' | 'expired' | 'cancelled' | 'split' | 'merged';

export interface ReceiptState {
  readonly status: ReceiptStatus | 'none';
  readonly record: ReceiptRecord | null;
  readonly holds: readonly Hold[];
  /** Receipts that replaced this one (split children or the merged receipt). */
  readonly successors: readonly string[];
  readonly cancellationApplication: CancellationApplication | null;
  /** Goods found missing behind it, open and resolved, in the order recorded (see requireGoodsInStore). */
  readonly shortfalls: readonly GoodsShortfall[];
}

/** The holder's pending application for cancellation (注销申请), until processed, rejected or withdrawn. */
export interface CancellationApplication {
  readonly purpose: CancellationPurpose;
  readonly appliedAt: string;
  readonly appliedBy: Actor;
}

export interface LiveReceipt {
  readonly status: 'outstanding' | 'expired';
  readonly record: ReceiptRecord;
  readonly holds: readonly Hold[];
  readonly cancellationApplication: CancellationApplication | null;
  readonly shortfalls: readonly GoodsShortfall[];
}

export const initialReceiptState = (): ReceiptState => ({
  status: 'none',
  record: null,
  holds: [],
  successors: [],
  cancellationApplication: null,
  shortfalls: [],
});

export function isLive(state: ReceiptState): state is ReceiptState & LiveReceipt {
  return state.record !== null && (state.status === 'outstanding' || state.status === 'expired');
}

/** Refuses a receipt that does not exist or has left circulation. */
export function requireLive(state: ReceiptState): LiveReceipt {
  if (isLive(state)) return state;
  if (!state.record) throw noSuchReceipt();
  const receiptNumber = state.record.receiptNumber;
  if (state.status === 'cancelled') {
    throw refuse.conflict('RECEIPT_CANCELLED', `receipt ${receiptNumber} was cancelled`, { receiptNumber });
  }
  throw refuse.conflict('RECEIPT_SUPERSEDED', `receipt ${receiptNumber} was ${state.status} into ${state.successors.join(', ')}`, {
    receiptNumber,
    status: state.status,
    successors: state.successors,
  });
}

export function requireNotHeld(receipt: LiveReceipt): void {
  // rule RCPT-HELD-STAYS-PUT
  if (receipt.holds.length > 0) {
    throw refuse.conflict('RECEIPT_HELD', `receipt ${receipt.record.receiptNumber} is held (${receipt.holds.map((h) => h.kind).join(', ')})`, {
      receiptNumber: receipt.record.receiptNumber,
      holds: receipt.holds.map(({ holdId, kind }) => ({ holdId, kind })),
    });
  }
}

/**
 * A receipt the holder applied to cancel waits for the warehouse: it is not transferred,
 * pledged, split, merged, held for delivery or applied for again (`CANCELLATION_PENDING`)
 * until the application is processed, rejected or withdrawn. An authority's freeze is not
 * refused by this (see placeHold).
 */
export function requireNoPendingCancellation(receipt: LiveReceipt): void {
  // rule RCPT-CANCELLATION-PENDING-STAYS-PUT
  const application = receipt.cancellationApplication;
  if (application) {
    throw refuse.conflict('CANCELLATION_PENDING', `receipt ${receipt.record.receiptNumber} has a pending cancellation application`, {
      receiptNumber: receipt.record.receiptNumber,
      purpose: application.purpose,
      appliedAt: application.appliedAt,
    });
  }
}

/**
 * A receipt is a claim on goods in the warehouse's custody (指定钢材厂库交割办法 第四条). While a
 * stocktake shortfall behind it is open it stands on less goods than it states, so its title does
 * not move: no transfer, pledge, split, merge, delivery hold, cancellation application or
 * processing (`RECEIPT_GOODS_SHORT`) until the warehouse has made the goods good or settled with
 * the holder. Releasing a hold and an authority's freeze stay allowed: they protect the parties,
 * they move no title.
 */
export function requireGoodsInStore(receipt: LiveReceipt): void {
  // rule RCPT-SHORT-GOODS-STAYS-PUT
  const open = openShortfallsOf(receipt.shortfalls);
  if (open.length > 0) {
    throw refuse.conflict('RECEIPT_GOODS_SHORT', `receipt ${receipt.record.receiptNumber} stands on less goods than it states (stocktake shortfall)`, {
      receiptNumber: receipt.record.receiptNumber,
      shortfalls: open.map(({ varianceId, lotId, deltaPieces, deltaKg }) => ({ varianceId, lotId, deltaPieces, deltaKg })),
    });
  }
}

export function requireNotExpired(receipt: LiveReceipt): void {
  // rule RCPT-EXPIRED-NOT-TRADED
  if (receipt.status === 'expired') {
    throw refuse.conflict('RECEIPT_EXPIRED', `receipt ${receipt.record.receiptNumber} expired after ${receipt.record.validUntil}`, {
      receiptNumber: receipt.record.receiptNumber,
      validUntil: receipt.record.validUntil,
    });
  }
}

/** The refusal for a receipt that does not exist, and for another party's (see requireLiveHeldBy). */
export const noSuchReceipt = () => refuse.notFound('RECEIPT_NOT_FOUND', 'no such receipt');

/**
 * Split, merge, cancel, pledge and transfer are the holder's own acts. Another party's receipt
 * answers exactly as a missing one, before any check of its state: receipt numbers are
 * sequential, and a different answer (a 403, or a 409 "cancelled") would let a depositor map
 * every receipt and learn whose it is.
 */
export function requireLiveHeldBy(state: ReceiptState, actor: Actor, action: string): LiveReceipt {
  // rule RCPT-HOLDER-ACTS
  requireRole(actor, ['depositor'], action);
  if (state.record === null || actor.partyId === undefined || state.record.holder.partyId !== actor.partyId) throw noSuchReceipt();
  return requireLive(state);
}
