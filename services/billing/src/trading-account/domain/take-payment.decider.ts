import {
  type Command,
  type Decider,
  type DomainEvent,
  type LocalDate,
  localDate,
  requireInstant,
  requirePositiveInteger,
  requireText,
  unhandledCommand,
} from '@dw/kernel';
import type { TradingAccountState } from './trading-account.state';
import { invoiceDepositOf, tradingFeeOf } from './trading-money';

/** A take as receipt.trading.v1 TakeReserved states it (proceeds computed there once; never recomputed here). */
export interface ReservedTake {
  readonly takeId: string;
  readonly listingId: string;
  readonly tradingDay: string;
  readonly buyerPartyId: string;
  readonly sellerPartyId: string;
  readonly commodity: string;
  readonly weightKg: number;
  readonly proceedsFen: number;
}

/** Decide a take's payment on both accounts and the fee rate in force (null: none set). */
export type PayTake = Command<
  'PayTake',
  {
    readonly take: ReservedTake;
    readonly buyer: TradingAccountState;
    readonly seller: TradingAccountState;
    readonly feeRateFenPerTonne: number | null;
    readonly at: string;
  }
>;

export interface TakeFigures {
  readonly takeId: string;
  readonly listingId: string;
  readonly tradingDay: LocalDate;
  readonly buyerPartyId: string;
  readonly sellerPartyId: string;
  readonly commodity: string;
  readonly weightKg: number;
  readonly proceedsFen: number;
  readonly buyerTradingFeeFen: number;
  readonly sellerTradingFeeFen: number;
  readonly invoiceDepositFen: number;
}
export type TakePaymentMade = DomainEvent<'TakePaymentMade', TakeFigures & { readonly at: string }>;
export const TAKE_REFUSAL_CODES = [
  'TRADING_ACCOUNT_UNKNOWN',
  'TRADING_ACCOUNT_CLOSED',
  'TRADING_ACCOUNT_FROZEN',
  'SELLER_TRADING_ACCOUNT_UNAVAILABLE',
  'TRADING_FEE_RATE_NOT_SET',
  'TRADING_BALANCE_SHORT',
] as const;
export type TakeRefusalCode = (typeof TAKE_REFUSAL_CODES)[number];
export type TakePaymentDeclined = DomainEvent<
  'TakePaymentDeclined',
  {
    readonly takeId: string;
    readonly listingId: string;
    readonly buyerPartyId: string;
    readonly reasonCode: TakeRefusalCode;
    readonly reason: string;
    readonly at: string;
  }
>;
export type TakePaymentEvent = TakePaymentMade | TakePaymentDeclined;

/** One stream per take (`take-payment-<takeId>`): its payment is decided once, whatever is replayed. */
export interface TakePaymentState {
  readonly outcome: 'none' | 'paid' | 'refused';
  readonly figures: TakeFigures | null;
}

export const takePaymentDecider: Decider<PayTake, TakePaymentState, TakePaymentEvent> = {
  initialState: () => ({ outcome: 'none', figures: null }),
  evolve(state, event) {
    switch (event.type) {
      case 'TakePaymentMade': {
        const { at: _at, ...figures } = event.data;
        return { outcome: 'paid', figures };
      }
      case 'TakePaymentDeclined':
        return { ...state, outcome: 'refused' };
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'PayTake':
        return payTake(command, state);
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};

/**
 * 全款交易 (第二十二条), 实时收付 (第三十二条): the buyer pays the proceeds and its trading fee
 * (第四十条) at once; the seller receives the proceeds less its fee, with 20% of the proceeds
 * withheld as its invoice deposit (第四十三条). Refused, with nothing moved, when the buyer's
 * account is unknown, closed or suspended, the seller's cannot receive, no fee rate is set, or the
 * buyer's balance does not cover proceeds + fee.
 */
function payTake(command: PayTake, state: TakePaymentState): TakePaymentEvent[] {
  // rule TRADE-TAKE-PAYMENT
  if (state.outcome !== 'none') return [];
  const { take, buyer, seller, feeRateFenPerTonne } = command.data;
  const at = requireInstant(command.data.at, 'at');
  const takeId = requireText(take.takeId, 'takeId');
  const proceedsFen = requirePositiveInteger(take.proceedsFen, 'proceedsFen');
  const weightKg = requirePositiveInteger(take.weightKg, 'weightKg');
  const tradingDay = localDate(take.tradingDay, 'tradingDay');
  const declined = (reasonCode: TakeRefusalCode, reason: string): TakePaymentEvent[] => [
    { type: 'TakePaymentDeclined', data: { takeId, listingId: take.listingId, buyerPartyId: take.buyerPartyId, reasonCode, reason, at } },
  ];
  if (buyer.status === 'none') return declined('TRADING_ACCOUNT_UNKNOWN', `${take.buyerPartyId} has no trading account`);
  if (buyer.status === 'closed') return declined('TRADING_ACCOUNT_CLOSED', `trading account ${buyer.accountNumber} is closed`);
  if (buyer.tradingSuspended) return declined('TRADING_ACCOUNT_FROZEN', `trading account ${buyer.accountNumber} is suspended from trading`);
  if (seller.status !== 'open') return declined('SELLER_TRADING_ACCOUNT_UNAVAILABLE', `the seller ${take.sellerPartyId} has no open trading account`);
  if (feeRateFenPerTonne === null) return declined('TRADING_FEE_RATE_NOT_SET', `the exchange has set no trading fee for ${take.commodity} on ${tradingDay}`);
  const buyerTradingFeeFen = tradingFeeOf(feeRateFenPerTonne, weightKg);
  const sellerTradingFeeFen = tradingFeeOf(feeRateFenPerTonne, weightKg);
  if (buyer.balanceFen < proceedsFen + buyerTradingFeeFen) {
    return declined('TRADING_BALANCE_SHORT', `the balance ${buyer.balanceFen} fen does not cover ${proceedsFen} + ${buyerTradingFeeFen} fen`);
  }
  const figures: TakeFigures = {
    takeId,
    listingId: take.listingId,
    tradingDay,
    buyerPartyId: take.buyerPartyId,
    sellerPartyId: take.sellerPartyId,
    commodity: take.commodity,
    weightKg,
    proceedsFen,
    buyerTradingFeeFen,
    sellerTradingFeeFen,
    invoiceDepositFen: invoiceDepositOf(proceedsFen),
  };
  return [{ type: 'TakePaymentMade', data: { ...figures, at } }];
}
