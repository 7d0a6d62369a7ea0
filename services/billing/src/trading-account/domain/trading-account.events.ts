import type { DomainEvent, LocalDate } from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import type { DayFigures } from './trading-money';

/** The trader's bank settlement account (第三十条): where deposits come from and withdrawals go. */
export interface BankSettlementAccount {
  readonly accountName: string;
  readonly accountNumber: string;
  readonly bank: string;
}

/** The fees the exchange collects through the trading account at a day's close (第三十三条, 第四十一条). */
export const COLLECTED_FEE_KINDS = ['storage', 'transfer', 'other'] as const;
export type CollectedFeeKind = (typeof COLLECTED_FEE_KINDS)[number];

/** Every money event names the trading day it is settled in (`tradingDay`): the day's report and the balance formula group by it. */
export type TradingAccountOpened = DomainEvent<
  'TradingAccountOpened',
  { readonly partyId: string; readonly accountNumber: string; readonly name: string; readonly bankAccount: BankSettlementAccount; readonly at: string }
>;
export type TradingBankAccountChanged = DomainEvent<'TradingBankAccountChanged', { readonly bankAccount: BankSettlementAccount; readonly at: string }>;
export type TradingAccountClosed = DomainEvent<'TradingAccountClosed', { readonly reason: string; readonly at: string }>;
export type TradingSuspended = DomainEvent<'TradingSuspended', { readonly reason: string; readonly at: string }>;
export type TradingReinstated = DomainEvent<'TradingReinstated', { readonly at: string }>;
export type TradingDepositBooked = DomainEvent<
  'TradingDepositBooked',
  {
    readonly depositId: string;
    readonly bankId: string;
    readonly bankTransactionId: string;
    readonly amountFen: number;
    readonly valueDate: LocalDate;
    readonly tradingDay: LocalDate;
    readonly at: string;
  }
>;
export type TakePaymentDebited = DomainEvent<
  'TakePaymentDebited',
  {
    readonly takeId: string;
    readonly listingId: string;
    readonly sellerPartyId: string;
    readonly proceedsFen: number;
    readonly tradingFeeFen: number;
    readonly tradeDay: LocalDate;
    readonly tradingDay: LocalDate;
    readonly at: string;
  }
>;
export type TakeProceedsCredited = DomainEvent<
  'TakeProceedsCredited',
  {
    readonly takeId: string;
    readonly listingId: string;
    readonly buyerPartyId: string;
    readonly proceedsFen: number;
    readonly tradingFeeFen: number;
    readonly invoiceDepositFen: number;
    readonly tradeDay: LocalDate;
    readonly invoiceDueDay: LocalDate;
    readonly tradingDay: LocalDate;
    readonly at: string;
  }
>;
export type TradingInvoiceReceived = DomainEvent<
  'TradingInvoiceReceived',
  {
    readonly takeId: string;
    readonly invoiceNumber: string;
    readonly receivedOn: LocalDate;
    readonly verifyBy: LocalDate;
    readonly recordedBy: Actor;
    readonly at: string;
  }
>;
export type InvoiceDepositReleased = DomainEvent<
  'InvoiceDepositReleased',
  {
    readonly takeId: string;
    readonly depositFen: number;
    readonly daysLate: number;
    readonly penaltyFen: number;
    /** What goes back to the balance (deposit − penalty, not below 0). */
    readonly releasedFen: number;
    /** What the deposit did not cover, deducted from the balance. */
    readonly fromBalanceFen: number;
    /** verified: the invoice was verified; forfeited: more than 30 days late without one (第四十八条). */
    readonly outcome: 'verified' | 'forfeited';
    readonly actor: Actor;
    readonly tradingDay: LocalDate;
    readonly at: string;
  }
>;
export type WithdrawalsFrozen = DomainEvent<'WithdrawalsFrozen', { readonly reason: string; readonly actor: Actor; readonly at: string }>;
export type WithdrawalsUnfrozen = DomainEvent<'WithdrawalsUnfrozen', { readonly reason: string; readonly actor: Actor; readonly at: string }>;
export type TradingWithdrawalApproved = DomainEvent<
  'TradingWithdrawalApproved',
  {
    readonly withdrawalId: string;
    readonly amountFen: number;
    readonly payee: BankSettlementAccount;
    readonly requestedBy: Actor;
    readonly tradingDay: LocalDate;
    readonly at: string;
  }
>;
export type TradingWithdrawalPaid = DomainEvent<
  'TradingWithdrawalPaid',
  {
    readonly withdrawalId: string;
    readonly amountFen: number;
    readonly bankId: string;
    readonly bankTransactionId: string;
    readonly valueDate: LocalDate;
    readonly at: string;
  }
>;
export type TradingWithdrawalReturned = DomainEvent<
  'TradingWithdrawalReturned',
  { readonly withdrawalId: string; readonly amountFen: number; readonly reason: string; readonly tradingDay: LocalDate; readonly at: string }
>;
export type CollectedFeePayable = DomainEvent<
  'CollectedFeePayable',
  {
    readonly feeId: string;
    readonly kind: CollectedFeeKind;
    readonly amountFen: number;
    readonly tradingDay: LocalDate;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type SettlementReportIssued = DomainEvent<
  'SettlementReportIssued',
  {
    readonly tradingDay: LocalDate;
    /** The day's figures, the fees collected now included. */
    readonly figures: DayFigures;
    /** The fees payable that day, deducted now (第三十三条), each once. */
    readonly collected: readonly { readonly feeId: string; readonly kind: CollectedFeeKind; readonly amountFen: number }[];
    readonly previousBalanceFen: number;
    readonly balanceFen: number;
    readonly withdrawableFen: number;
    readonly objectionDeadline: string;
    readonly at: string;
  }
>;
export type SettlementReportObjected = DomainEvent<
  'SettlementReportObjected',
  { readonly tradingDay: LocalDate; readonly reason: string; readonly actor: Actor; readonly at: string }
>;

export type TradingAccountEvent =
  | TradingAccountOpened
  | TradingBankAccountChanged
  | TradingAccountClosed
  | TradingSuspended
  | TradingReinstated
  | TradingDepositBooked
  | TakePaymentDebited
  | TakeProceedsCredited
  | TradingInvoiceReceived
  | InvoiceDepositReleased
  | WithdrawalsFrozen
  | WithdrawalsUnfrozen
  | TradingWithdrawalApproved
  | TradingWithdrawalPaid
  | TradingWithdrawalReturned
  | CollectedFeePayable
  | SettlementReportIssued
  | SettlementReportObjected;
