import type { BusinessCalendar, Command } from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import type { BankSettlementAccount } from './trading-account.events';

interface Stamp {
  readonly at: string;
}
interface Dated extends Stamp {
  readonly calendar: BusinessCalendar;
}

/** From receipt.trader.v1: the exchange approved the trader; its account number is its storage card number (第十条). */
export type OpenTradingAccount = Command<
  'OpenTradingAccount',
  Stamp & { readonly partyId: string; readonly accountNumber: string; readonly name: string; readonly bankAccount: BankSettlementAccount }
>;
export type ChangeTradingBankAccount = Command<'ChangeTradingBankAccount', Stamp & { readonly bankAccount: BankSettlementAccount }>;
export type CloseTradingAccount = Command<'CloseTradingAccount', Stamp & { readonly reason: string }>;
export type SuspendTrading = Command<'SuspendTrading', Stamp & { readonly reason: string }>;
export type ReinstateTrading = Command<'ReinstateTrading', Stamp>;
/** The depository bank says money from the trader's bank settlement account arrived (第三十一条, 第三十五条). */
export type BookTradingDeposit = Command<
  'BookTradingDeposit',
  Dated & {
    readonly depositId: string;
    readonly bankId: string;
    readonly bankTransactionId: string;
    readonly payerAccountNumber: string;
    readonly amountFen: number;
    readonly valueDate: string;
  }
>;
/** The buyer's side of a paid take (the take payment decided it may be paid). */
export type DebitTakePayment = Command<
  'DebitTakePayment',
  Dated & {
    readonly takeId: string;
    readonly listingId: string;
    readonly sellerPartyId: string;
    readonly proceedsFen: number;
    readonly tradingFeeFen: number;
    readonly tradeDay: string;
  }
>;
/** The seller's side of a paid take. */
export type CreditTakeProceeds = Command<
  'CreditTakeProceeds',
  Dated & {
    readonly takeId: string;
    readonly listingId: string;
    readonly buyerPartyId: string;
    readonly proceedsFen: number;
    readonly tradingFeeFen: number;
    readonly invoiceDepositFen: number;
    readonly tradeDay: string;
  }
>;
/** The seller's VAT invoice of a sale arrived, recorded by the exchange or by the seller (第四十六条). */
export type RecordTradingInvoice = Command<'RecordTradingInvoice', Dated & { readonly takeId: string; readonly invoiceNumber: string; readonly actor: Actor }>;
/** The exchange verified the invoice (第四十七条): the deposit is released less the late penalty (第四十八条). */
export type VerifyTradingInvoice = Command<'VerifyTradingInvoice', Dated & { readonly takeId: string; readonly actor: Actor }>;
/** More than 30 days after the due day without an invoice: it counts as none (第四十八条); run by the day's settlement. */
export type ForfeitInvoiceDeposits = Command<'ForfeitInvoiceDeposits', Dated & { readonly actor: Actor }>;
export type FreezeWithdrawals = Command<'FreezeWithdrawals', Stamp & { readonly reason: string; readonly actor: Actor }>;
export type UnfreezeWithdrawals = Command<'UnfreezeWithdrawals', Stamp & { readonly reason: string; readonly actor: Actor }>;
export type RequestTradingWithdrawal = Command<
  'RequestTradingWithdrawal',
  Dated & { readonly withdrawalId: string; readonly amountFen: number; readonly actor: Actor }
>;
export type ConfirmTradingWithdrawal = Command<
  'ConfirmTradingWithdrawal',
  Stamp & { readonly withdrawalId: string; readonly bankId: string; readonly bankTransactionId: string; readonly valueDate: string; readonly actor: Actor }
>;
export type ReturnTradingWithdrawal = Command<
  'ReturnTradingWithdrawal',
  Dated & { readonly withdrawalId: string; readonly reason: string; readonly actor: Actor }
>;
/** The exchange records a fee it collects for the warehouse at the day's close (第四十一条), payable that day (第三十六条). */
export type RecordCollectedFee = Command<
  'RecordCollectedFee',
  Dated & { readonly feeId: string; readonly kind: string; readonly amountFen: number; readonly tradingDay: string; readonly actor: Actor }
>;
export type IssueSettlementReport = Command<'IssueSettlementReport', Dated & { readonly tradingDay: string }>;
export type ObjectToSettlementReport = Command<
  'ObjectToSettlementReport',
  Dated & { readonly tradingDay: string; readonly reason: string; readonly actor: Actor }
>;

export type TradingAccountCommand =
  | OpenTradingAccount
  | ChangeTradingBankAccount
  | CloseTradingAccount
  | SuspendTrading
  | ReinstateTrading
  | BookTradingDeposit
  | DebitTakePayment
  | CreditTakeProceeds
  | RecordTradingInvoice
  | VerifyTradingInvoice
  | ForfeitInvoiceDeposits
  | FreezeWithdrawals
  | UnfreezeWithdrawals
  | RequestTradingWithdrawal
  | ConfirmTradingWithdrawal
  | ReturnTradingWithdrawal
  | RecordCollectedFee
  | IssueSettlementReport
  | ObjectToSettlementReport;
