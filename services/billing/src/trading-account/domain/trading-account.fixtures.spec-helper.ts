import { cnMainlandCalendar, DomainError } from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import type { TradingAccountCommand } from './trading-account.commands';
import { tradingAccountDecider } from './trading-account.decider';
import type { TradingAccountEvent } from './trading-account.events';
import type { TradingAccountState } from './trading-account.state';

export const calendar = cnMainlandCalendar;
export const exchange: Actor = { subject: 'shfe', role: 'exchange' };
export const bank: Actor = { subject: 'bank-icbc', role: 'bank' };
export const trader = (partyId: string): Actor => ({ subject: `dep-${partyId}`, role: 'depositor', partyId });
export const settlementAccount = { accountName: '衡达钢铁有限公司', accountNumber: '6222020000001234', bank: 'ICBC Shanghai' };

/** Commands as the handlers build them, at an instant the test names. */
export const cmd = {
  open: (partyId: string, accountNumber: string, at = '2026-12-07T01:00:00Z'): TradingAccountCommand => ({
    type: 'OpenTradingAccount',
    data: { partyId, accountNumber, name: `${partyId} Ltd`, bankAccount: settlementAccount, at },
  }),
  deposit: (depositId: string, amountFen: number, at: string, payerAccountNumber = settlementAccount.accountNumber): TradingAccountCommand => ({
    type: 'BookTradingDeposit',
    data: { depositId, bankId: 'bank-icbc', bankTransactionId: depositId, payerAccountNumber, amountFen, valueDate: at.slice(0, 10), calendar, at },
  }),
  debit: (takeId: string, proceedsFen: number, tradingFeeFen: number, tradeDay: string, at: string): TradingAccountCommand => ({
    type: 'DebitTakePayment',
    data: { takeId, listingId: `L-${takeId}`, sellerPartyId: 'P-SELLER', proceedsFen, tradingFeeFen, tradeDay, calendar, at },
  }),
  credit: (takeId: string, proceedsFen: number, tradingFeeFen: number, invoiceDepositFen: number, tradeDay: string, at: string): TradingAccountCommand => ({
    type: 'CreditTakeProceeds',
    data: { takeId, listingId: `L-${takeId}`, buyerPartyId: 'P-BUYER', proceedsFen, tradingFeeFen, invoiceDepositFen, tradeDay, calendar, at },
  }),
  invoice: (takeId: string, invoiceNumber: string, at: string, actor: Actor = exchange): TradingAccountCommand => ({
    type: 'RecordTradingInvoice',
    data: { takeId, invoiceNumber, actor, calendar, at },
  }),
  verify: (takeId: string, at: string, actor: Actor = exchange): TradingAccountCommand => ({
    type: 'VerifyTradingInvoice',
    data: { takeId, actor, calendar, at },
  }),
  forfeit: (at: string): TradingAccountCommand => ({ type: 'ForfeitInvoiceDeposits', data: { actor: exchange, calendar, at } }),
  freeze: (at: string, actor: Actor = exchange): TradingAccountCommand => ({ type: 'FreezeWithdrawals', data: { reason: '立案调查', actor, at } }),
  unfreeze: (at: string, actor: Actor = exchange): TradingAccountCommand => ({ type: 'UnfreezeWithdrawals', data: { reason: '调查结束', actor, at } }),
  withdraw: (withdrawalId: string, amountFen: number, at: string, actor: Actor = trader('P-HENGDA')): TradingAccountCommand => ({
    type: 'RequestTradingWithdrawal',
    data: { withdrawalId, amountFen, actor, calendar, at },
  }),
  paid: (withdrawalId: string, at: string): TradingAccountCommand => ({
    type: 'ConfirmTradingWithdrawal',
    data: { withdrawalId, bankId: 'bank-icbc', bankTransactionId: `OUT-${withdrawalId}`, valueDate: at.slice(0, 10), actor: bank, at },
  }),
  returned: (withdrawalId: string, at: string): TradingAccountCommand => ({
    type: 'ReturnTradingWithdrawal',
    data: { withdrawalId, reason: 'account closed at the bank', actor: bank, calendar, at },
  }),
  fee: (feeId: string, kind: string, amountFen: number, tradingDay: string, at: string): TradingAccountCommand => ({
    type: 'RecordCollectedFee',
    data: { feeId, kind, amountFen, tradingDay, actor: exchange, calendar, at },
  }),
  report: (tradingDay: string, at: string): TradingAccountCommand => ({ type: 'IssueSettlementReport', data: { tradingDay, calendar, at } }),
  object: (tradingDay: string, reason: string, at: string): TradingAccountCommand => ({
    type: 'ObjectToSettlementReport',
    data: { tradingDay, reason, actor: trader('P-HENGDA'), calendar, at },
  }),
};

/** Runs commands in order on one account; returns the state, every event, and the refusal codes by index. */
export function run(commands: readonly TradingAccountCommand[], from: TradingAccountState = tradingAccountDecider.initialState()) {
  let state = from;
  const events: TradingAccountEvent[] = [];
  const refusals: Record<number, string> = {};
  commands.forEach((command, index) => {
    try {
      for (const event of tradingAccountDecider.decide(command, state)) {
        events.push(event);
        state = tradingAccountDecider.evolve(state, event);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusals[index] = error.code;
    }
  });
  return { state, events, refusals };
}
