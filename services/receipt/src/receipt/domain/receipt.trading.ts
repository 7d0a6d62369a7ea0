import { LocalDate, refuse } from '@dw/kernel';
import { Beneficiary, Hold } from './receipt.hold';
import {
  LiveReceipt,
  ReceiptState,
  noSuchReceipt,
  requireGoodsInStore,
  requireLive,
  requireNoPendingCancellation,
  requireNotExpired,
  requireNotHeld,
} from './receipt.state';

/**
 * The receipt trading platform is the exchange's (标准仓单交易管理办法 第二条): a listing's hold is
 * held for it, and it settles a take on the exchange's authority (第三十二条).
 */
export const TRADING_PLATFORM: Beneficiary = { kind: 'exchange', partyId: 'trading-platform', name: '标准仓单交易平台' };

/** The seller as a listing names it: its party and its trading account (= its storage card, 第十条). */
export interface TradingSeller {
  readonly partyId: string;
  readonly accountNumber: string;
}

/** One hold per listing and receipt: its id is derived from the listing's, so a replay finds it. */
export function listingHoldId(listingId: string): string {
  return `listing-${listingId}`;
}

export function listingHoldOf(state: { readonly holds: readonly Hold[] }, listingId: string): Hold | undefined {
  return state.holds.find((hold) => hold.kind === 'trading' && hold.holdId === listingHoldId(listingId));
}

/**
 * Whether a receipt may be listed (or, with `listingId`, still be taken on that listing) on
 * `tradingDay` (标准仓单交易管理办法 第十九条): held by the seller's own account; status normal, that
 * is live and not expired, under no hold but the listing's own, no cancellation application
 * pending, its goods not short; storage fees paid through the trading day or later; valid at
 * least through the trading day (a receipt valid through yesterday is expired even before the
 * expiry sweep flags it). Another party's receipt answers as a missing one (RCPT-HOLDER-ACTS).
 */
export function requireTradable(state: ReceiptState, seller: TradingSeller, tradingDay: LocalDate, listingId?: string): LiveReceipt {
  // rule TRADE-RECEIPT-ELIGIBLE
  if (!state.record || state.record.holder.partyId !== seller.partyId) throw noSuchReceipt();
  const receipt = requireLive(state);
  const { receiptNumber, holder, storageFeesPaidThrough, validUntil } = receipt.record;
  if (holder.storageCard !== seller.accountNumber) {
    throw refuse.conflict('TRADE_RECEIPT_NOT_IN_ACCOUNT', `receipt ${receiptNumber} is not held on the seller's trading account`, {
      receiptNumber,
      accountNumber: seller.accountNumber,
    });
  }
  requireNotExpired(receipt);
  const own = listingId === undefined ? undefined : listingHoldOf(receipt, listingId);
  requireNotHeld({ ...receipt, holds: receipt.holds.filter((hold) => hold !== own) });
  requireNoPendingCancellation(receipt);
  requireGoodsInStore(receipt);
  if (storageFeesPaidThrough < tradingDay) {
    throw refuse.conflict(
      'TRADE_RECEIPT_STORAGE_UNPAID',
      `storage fees of receipt ${receiptNumber} are paid through ${storageFeesPaidThrough}, before ${tradingDay}`,
      {
        receiptNumber,
        paidThrough: storageFeesPaidThrough,
        tradingDay,
      },
    );
  }
  if (validUntil < tradingDay) {
    throw refuse.conflict('TRADE_RECEIPT_VALIDITY_ENDED', `receipt ${receiptNumber} was valid through ${validUntil}, before ${tradingDay}`, {
      receiptNumber,
      validUntil,
      tradingDay,
    });
  }
  return receipt;
}
