import type { LocalDate } from '@dw/kernel';
import type { BankSettlementAccount, CollectedFeeKind, TradingAccountEvent } from './trading-account.events';
import { addFigures, type DayFigures, dayBalanceOf, noFigures } from './trading-money';

/** A sale's invoice deposit and the seller's VAT invoice (第四十三条–第四十八条). */
export interface TradingInvoice {
  readonly takeId: string;
  readonly proceedsFen: number;
  readonly depositFen: number;
  readonly tradeDay: LocalDate;
  readonly dueDay: LocalDate;
  readonly invoiceNumber: string | null;
  readonly receivedOn: LocalDate | null;
  readonly verifyBy: LocalDate | null;
  readonly status: 'awaiting' | 'received' | 'released';
}

export interface TradingWithdrawal {
  readonly withdrawalId: string;
  readonly amountFen: number;
  readonly tradingDay: LocalDate;
  readonly status: 'approved' | 'paid' | 'returned';
}

export interface SettlementReport {
  readonly tradingDay: LocalDate;
  readonly figures: DayFigures;
  readonly previousBalanceFen: number;
  readonly balanceFen: number;
  readonly withdrawableFen: number;
  readonly objectionDeadline: string;
  readonly objection: string | null;
}

/** One stream per trader (`trading-account-<partyId>`): its trading account (第十条, 第二十九条–第三十九条). */
export interface TradingAccountState {
  readonly partyId: string | null;
  readonly accountNumber: string | null;
  readonly name: string;
  readonly status: 'none' | 'open' | 'closed';
  /** The trader is suspended (receipt.trader.v1 TraderSuspended): it may not take, so no take is paid. */
  readonly tradingSuspended: boolean;
  readonly withdrawalsFrozen: boolean;
  readonly bankAccount: BankSettlementAccount | null;
  /** 资金余额: the money the exchange holds for the trader, deposits withheld not included. */
  readonly balanceFen: number;
  readonly invoiceDepositsHeldFen: number;
  readonly inTransitFen: number;
  readonly deposits: Readonly<Record<string, { readonly amountFen: number }>>;
  readonly takes: Readonly<Record<string, 'paid' | 'sold'>>;
  readonly invoices: Readonly<Record<string, TradingInvoice>>;
  readonly withdrawals: Readonly<Record<string, TradingWithdrawal>>;
  readonly payables: Readonly<
    Record<string, { readonly kind: CollectedFeeKind; readonly amountFen: number; readonly tradingDay: LocalDate; readonly collected: boolean }>
  >;
  /** Each trading day's movements, by the day they are settled in. */
  readonly days: Readonly<Record<string, DayFigures>>;
  readonly reports: Readonly<Record<string, SettlementReport>>;
  readonly lastReportedDay: LocalDate | null;
}

export const emptyTradingAccount = (): TradingAccountState => ({
  partyId: null,
  accountNumber: null,
  name: '',
  status: 'none',
  tradingSuspended: false,
  withdrawalsFrozen: false,
  bankAccount: null,
  balanceFen: 0,
  invoiceDepositsHeldFen: 0,
  inTransitFen: 0,
  deposits: {},
  takes: {},
  invoices: {},
  withdrawals: {},
  payables: {},
  days: {},
  reports: {},
  lastReportedDay: null,
});

/** What one event adds to its trading day's figures (第三十四条's terms); nothing for events that move no money. */
export function figuresOf(event: TradingAccountEvent): Partial<DayFigures> {
  switch (event.type) {
    case 'TradingDepositBooked':
      return { depositsFen: event.data.amountFen };
    case 'TakePaymentDebited':
      return { paymentsFen: event.data.proceedsFen, tradingFeesFen: event.data.tradingFeeFen };
    case 'TakeProceedsCredited':
      return {
        proceedsReceivedFen: event.data.proceedsFen,
        tradingFeesFen: event.data.tradingFeeFen,
        invoiceDepositsWithheldFen: event.data.invoiceDepositFen,
      };
    case 'InvoiceDepositReleased':
      return { invoiceDepositsReleasedFen: event.data.depositFen, invoicePenaltiesFen: event.data.penaltyFen };
    case 'TradingWithdrawalApproved':
      return { withdrawalsFen: event.data.amountFen };
    case 'TradingWithdrawalReturned':
      return { withdrawalsFen: -event.data.amountFen };
    case 'SettlementReportIssued': {
      const sum = (kind: CollectedFeeKind) => event.data.collected.filter((fee) => fee.kind === kind).reduce((total, fee) => total + fee.amountFen, 0);
      return { storageFeesFen: sum('storage'), transferFeesFen: sum('transfer'), otherFeesFen: sum('other') };
    }
    default:
      return {};
  }
}

/** The trading day an event's figures belong to, for the events that move money. */
export function settledOnOf(event: TradingAccountEvent): LocalDate | null {
  switch (event.type) {
    case 'TradingDepositBooked':
    case 'TakePaymentDebited':
    case 'TakeProceedsCredited':
    case 'InvoiceDepositReleased':
    case 'TradingWithdrawalApproved':
    case 'TradingWithdrawalReturned':
    case 'SettlementReportIssued':
      return event.data.tradingDay;
    default:
      return null;
  }
}

/** An event's effect on the balance: its figures through 第三十四条's formula from 0. */
export const balanceEffectOf = (event: TradingAccountEvent): number => dayBalanceOf(0, addFigures(noFigures, figuresOf(event)));

/** The uncollected fees payable on or before a day (第三十六条's 当日其他应付费用). */
export function feesPayableOn(state: TradingAccountState, day: LocalDate): number {
  return Object.values(state.payables)
    .filter((fee) => !fee.collected && fee.tradingDay <= day)
    .reduce((total, fee) => total + fee.amountFen, 0);
}
