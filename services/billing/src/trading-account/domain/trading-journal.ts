import { type JournalEntry, type JournalLine, creditLine as credit, debitLine as debit } from '../../common/domain/journal';
import type { TradingAccountEvent } from './trading-account.events';
import { settledOnOf } from './trading-account.state';

/** A trading account event's balanced entry, in the ledger's line shape, posted on the trading day it is settled in. */
export type TradingJournalEntry = JournalEntry<TradingAccountEvent['type']>;

/** The ledger accounts of the trading platform's money (what the exchange holds for traders, and its income). */
export const tradingLedgerAccounts = {
  /** The exchange's trading settlement account at a depository bank (第二十九条): an asset. */
  settlementCash: (bankId: string) => `trading-settlement-cash:${bankId}`,
  /** The trader's 资金余额: owed to it. */
  balance: (partyId: string) => `trading-balance:${partyId}`,
  /** The sellers' invoice deposits withheld (第四十三条): owed to them until released. */
  invoiceDeposits: (partyId: string) => `trading-invoice-deposits:${partyId}`,
  withdrawalsInTransit: (partyId: string) => `trading-withdrawals-in-transit:${partyId}`,
  /** A take's proceeds between the buyer's entry and the seller's (both in one transaction, so it nets to 0). */
  takeClearing: 'trading-take-clearing',
  tradingFeesIncome: 'trading-fees-income',
  invoicePenaltiesIncome: 'trading-invoice-penalties-income',
  /** Fees collected for the warehouse (第四十一条), owed on to it. */
  collectedForWarehouse: (kind: string) => `trading-collected-for-warehouse:${kind}`,
} as const;

/**
 * The journal entry of one trading account event, balanced; null for events that move no money.
 * Lines of 0 fen are left out. The trader's balance is the credit balance of
 * `trading-balance:<party>`, always equal to the account's `balanceFen`.
 */
export function tradingJournalEntryOf(partyId: string, event: TradingAccountEvent): TradingJournalEntry | null {
  // rule TRADE-LEDGER-BALANCED
  const postedOn = settledOnOf(event);
  const a = tradingLedgerAccounts;
  const entry = (causeId: string, lines: JournalLine[]): TradingJournalEntry => ({
    postedOn: postedOn!,
    causeType: event.type,
    causeId,
    lines: lines.filter((l) => l.debitFen > 0 || l.creditFen > 0),
  });
  switch (event.type) {
    case 'TradingDepositBooked': {
      const { depositId, bankId, bankTransactionId, amountFen } = event.data;
      return entry(depositId, [debit(a.settlementCash(bankId), amountFen, { bankId, bankTransactionId }), credit(a.balance(partyId), amountFen)]);
    }
    case 'TakePaymentDebited': {
      const { takeId, proceedsFen, tradingFeeFen } = event.data;
      return entry(takeId, [
        debit(a.balance(partyId), proceedsFen + tradingFeeFen),
        credit(a.takeClearing, proceedsFen),
        credit(a.tradingFeesIncome, tradingFeeFen),
      ]);
    }
    case 'TakeProceedsCredited': {
      const { takeId, proceedsFen, tradingFeeFen, invoiceDepositFen } = event.data;
      const net = proceedsFen - tradingFeeFen - invoiceDepositFen;
      return entry(takeId, [
        debit(a.takeClearing, proceedsFen),
        ...(net >= 0 ? [credit(a.balance(partyId), net)] : [debit(a.balance(partyId), -net)]),
        credit(a.invoiceDeposits(partyId), invoiceDepositFen),
        credit(a.tradingFeesIncome, tradingFeeFen),
      ]);
    }
    case 'InvoiceDepositReleased': {
      const { takeId, depositFen, penaltyFen, releasedFen, fromBalanceFen } = event.data;
      return entry(takeId, [
        debit(a.invoiceDeposits(partyId), depositFen),
        debit(a.balance(partyId), fromBalanceFen),
        credit(a.balance(partyId), releasedFen),
        credit(a.invoicePenaltiesIncome, penaltyFen),
      ]);
    }
    case 'TradingWithdrawalApproved': {
      const { withdrawalId, amountFen } = event.data;
      return entry(withdrawalId, [debit(a.balance(partyId), amountFen), credit(a.withdrawalsInTransit(partyId), amountFen)]);
    }
    case 'TradingWithdrawalReturned': {
      const { withdrawalId, amountFen } = event.data;
      return entry(withdrawalId, [debit(a.withdrawalsInTransit(partyId), amountFen), credit(a.balance(partyId), amountFen)]);
    }
    case 'TradingWithdrawalPaid': {
      const { withdrawalId, amountFen, bankId, bankTransactionId, valueDate } = event.data;
      return {
        postedOn: valueDate,
        causeType: event.type,
        causeId: withdrawalId,
        lines: [debit(a.withdrawalsInTransit(partyId), amountFen), credit(a.settlementCash(bankId), amountFen, { bankId, bankTransactionId })],
      };
    }
    case 'SettlementReportIssued': {
      if (event.data.collected.length === 0) return null;
      const total = event.data.collected.reduce((sum, fee) => sum + fee.amountFen, 0);
      return entry(`settlement:${event.data.tradingDay}`, [
        debit(a.balance(partyId), total),
        ...event.data.collected.map((fee) => credit(a.collectedForWarehouse(fee.kind), fee.amountFen)),
      ]);
    }
    default:
      return null;
  }
}
