import {
  type BusinessCalendar,
  type Decider,
  epochDayOf,
  type LocalDate,
  localDate,
  refuse,
  requireInstant,
  requireOneOf,
  requirePositiveInteger,
  requireNonNegativeInteger,
  requireRole,
  requireText,
  shanghaiDateOf,
  shanghaiInstant,
  unhandledCommand,
} from '@dw/kernel';
import type * as C from './trading-account.commands';
import { COLLECTED_FEE_KINDS, type BankSettlementAccount, type TradingAccountEvent } from './trading-account.events';
import { balanceEffectOf, emptyTradingAccount, feesPayableOn, figuresOf, settledOnOf, type TradingAccountState } from './trading-account.state';
import {
  addFigures,
  closeOf,
  dayBalanceOf,
  daysLateOf,
  depositReleaseOf,
  invoiceDueDayOf,
  invoicePenaltyOf,
  invoiceVerifyByOf,
  noFigures,
  objectionDeadlineOf,
  TRADING_DAY_OPEN,
  withdrawableOf,
} from './trading-money';

/**
 * One stream per trader (`trading-account-<partyId>`): the trading account the exchange keeps for
 * it (标准仓单交易管理办法 第十条, 第二十九条–第三十九条). Every money event names its id (deposit,
 * take, withdrawal, fee) and the trading day it is settled in, so a replay changes nothing and
 * each day's report adds up by 第三十四条.
 */
export const tradingAccountDecider: Decider<C.TradingAccountCommand, TradingAccountState, TradingAccountEvent> = {
  initialState: emptyTradingAccount,

  evolve(state, event) {
    const moved = withMoney(state, event);
    switch (event.type) {
      case 'TradingAccountOpened': {
        const { partyId, accountNumber, name, bankAccount } = event.data;
        return { ...moved, partyId, accountNumber, name, bankAccount, status: 'open' };
      }
      case 'TradingBankAccountChanged':
        return { ...moved, bankAccount: event.data.bankAccount };
      case 'TradingAccountClosed':
        return { ...moved, status: 'closed' };
      case 'TradingSuspended':
        return { ...moved, tradingSuspended: true };
      case 'TradingReinstated':
        return { ...moved, tradingSuspended: false };
      case 'TradingDepositBooked':
        return { ...moved, deposits: { ...moved.deposits, [event.data.depositId]: { amountFen: event.data.amountFen } } };
      case 'TakePaymentDebited':
        return { ...moved, takes: { ...moved.takes, [event.data.takeId]: 'paid' } };
      case 'TakeProceedsCredited': {
        const { takeId, proceedsFen, invoiceDepositFen, tradeDay, invoiceDueDay } = event.data;
        const invoice = {
          takeId,
          proceedsFen,
          depositFen: invoiceDepositFen,
          tradeDay,
          dueDay: invoiceDueDay,
          invoiceNumber: null,
          receivedOn: null,
          verifyBy: null,
          status: 'awaiting' as const,
        };
        return {
          ...moved,
          takes: { ...moved.takes, [takeId]: 'sold' },
          invoices: { ...moved.invoices, [takeId]: invoice },
          invoiceDepositsHeldFen: moved.invoiceDepositsHeldFen + invoiceDepositFen,
        };
      }
      case 'TradingInvoiceReceived': {
        const invoice = moved.invoices[event.data.takeId]!;
        const { invoiceNumber, receivedOn, verifyBy } = event.data;
        return { ...moved, invoices: { ...moved.invoices, [invoice.takeId]: { ...invoice, invoiceNumber, receivedOn, verifyBy, status: 'received' } } };
      }
      case 'InvoiceDepositReleased': {
        const invoice = moved.invoices[event.data.takeId]!;
        return {
          ...moved,
          invoices: { ...moved.invoices, [invoice.takeId]: { ...invoice, status: 'released' } },
          invoiceDepositsHeldFen: moved.invoiceDepositsHeldFen - event.data.depositFen,
        };
      }
      case 'WithdrawalsFrozen':
        return { ...moved, withdrawalsFrozen: true };
      case 'WithdrawalsUnfrozen':
        return { ...moved, withdrawalsFrozen: false };
      case 'TradingWithdrawalApproved': {
        const { withdrawalId, amountFen, tradingDay } = event.data;
        return {
          ...moved,
          withdrawals: { ...moved.withdrawals, [withdrawalId]: { withdrawalId, amountFen, tradingDay, status: 'approved' } },
          inTransitFen: moved.inTransitFen + amountFen,
        };
      }
      case 'TradingWithdrawalPaid':
      case 'TradingWithdrawalReturned': {
        const withdrawal = moved.withdrawals[event.data.withdrawalId]!;
        const status = event.type === 'TradingWithdrawalPaid' ? 'paid' : 'returned';
        return {
          ...moved,
          withdrawals: { ...moved.withdrawals, [withdrawal.withdrawalId]: { ...withdrawal, status } },
          inTransitFen: moved.inTransitFen - withdrawal.amountFen,
        };
      }
      case 'CollectedFeePayable': {
        const { feeId, kind, amountFen, tradingDay } = event.data;
        return { ...moved, payables: { ...moved.payables, [feeId]: { kind, amountFen, tradingDay, collected: false } } };
      }
      case 'SettlementReportIssued': {
        const { tradingDay, previousBalanceFen, balanceFen, withdrawableFen, objectionDeadline, collected } = event.data;
        const payables = { ...moved.payables };
        for (const fee of collected) payables[fee.feeId] = { ...payables[fee.feeId]!, collected: true };
        const report = { tradingDay, figures: event.data.figures, previousBalanceFen, balanceFen, withdrawableFen, objectionDeadline, objection: null };
        return { ...moved, payables, reports: { ...moved.reports, [tradingDay]: report }, lastReportedDay: tradingDay };
      }
      case 'SettlementReportObjected': {
        const report = moved.reports[event.data.tradingDay]!;
        return { ...moved, reports: { ...moved.reports, [report.tradingDay]: { ...report, objection: event.data.reason } } };
      }
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'OpenTradingAccount':
        return openTradingAccount(command, state);
      case 'ChangeTradingBankAccount':
        return changeTradingBankAccount(command, state);
      case 'CloseTradingAccount':
        return closeTradingAccount(command, state);
      case 'SuspendTrading':
        return suspendTrading(command, state);
      case 'ReinstateTrading':
        return reinstateTrading(command, state);
      case 'BookTradingDeposit':
        return bookTradingDeposit(command, state);
      case 'DebitTakePayment':
        return debitTakePayment(command, state);
      case 'CreditTakeProceeds':
        return creditTakeProceeds(command, state);
      case 'RecordTradingInvoice':
        return recordTradingInvoice(command, state);
      case 'VerifyTradingInvoice':
        return verifyTradingInvoice(command, state);
      case 'ForfeitInvoiceDeposits':
        return forfeitInvoiceDeposits(command, state);
      case 'FreezeWithdrawals':
        return freezeWithdrawals(command, state);
      case 'UnfreezeWithdrawals':
        return unfreezeWithdrawals(command, state);
      case 'RequestTradingWithdrawal':
        return requestTradingWithdrawal(command, state);
      case 'ConfirmTradingWithdrawal':
        return confirmTradingWithdrawal(command, state);
      case 'ReturnTradingWithdrawal':
        return returnTradingWithdrawal(command, state);
      case 'RecordCollectedFee':
        return recordCollectedFee(command, state);
      case 'IssueSettlementReport':
        return issueSettlementReport(command, state);
      case 'ObjectToSettlementReport':
        return objectToSettlementReport(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

/** Every money event moves the balance by its figures and adds them to its trading day. */
function withMoney(state: TradingAccountState, event: TradingAccountEvent): TradingAccountState {
  const day = settledOnOf(event);
  if (day === null) return state;
  return {
    ...state,
    balanceFen: state.balanceFen + balanceEffectOf(event),
    days: { ...state.days, [day]: addFigures(state.days[day] ?? noFigures, figuresOf(event)) },
  };
}

/**
 * The trading day a movement at `at` is settled in: the day itself while its market has not
 * closed, else the next trading day; never a day whose report is issued (its figures stand).
 */
export function settlementDayOf(state: TradingAccountState, at: string, calendar: BusinessCalendar, proposed?: LocalDate): LocalDate {
  const instant = new Date(at);
  let day = proposed ?? shanghaiDateOf(instant);
  if (!calendar.isTradingDay(day) || (proposed === undefined && instant >= closeOf(day))) day = calendar.nextTradingDay(day);
  while (state.lastReportedDay !== null && day <= state.lastReportedDay) day = calendar.nextTradingDay(day);
  return day;
}

function requireOpen(state: TradingAccountState): void {
  if (state.status === 'none') throw refuse.notFound('TRADING_ACCOUNT_NOT_FOUND', 'no trading account: the trader has not been approved');
  if (state.status === 'closed')
    throw refuse.conflict('TRADING_ACCOUNT_CLOSED', `trading account ${state.accountNumber} is closed`, { accountNumber: state.accountNumber });
}

function bankAccountOf(value: BankSettlementAccount): BankSettlementAccount {
  return {
    accountName: requireText(value.accountName, 'bankAccount.accountName'),
    accountNumber: requireText(value.accountNumber, 'bankAccount.accountNumber'),
    bank: requireText(value.bank, 'bankAccount.bank'),
  };
}

/** One account per trader, numbered as its storage card (第十条); a repeated approval changes nothing. */
function openTradingAccount(command: C.OpenTradingAccount, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-ACCOUNT-ONE-PER-TRADER
  const at = requireInstant(command.data.at, 'at');
  const partyId = requireText(command.data.partyId, 'partyId');
  const accountNumber = requireText(command.data.accountNumber, 'accountNumber');
  const bankAccount = bankAccountOf(command.data.bankAccount);
  if (state.status !== 'none') {
    if (state.accountNumber === accountNumber) return [];
    throw refuse.conflict('TRADING_ACCOUNT_NUMBER_FIXED', `the trader's account is ${state.accountNumber}; one account per trader`, {
      accountNumber: state.accountNumber,
    });
  }
  return [{ type: 'TradingAccountOpened', data: { partyId, accountNumber, name: command.data.name.trim(), bankAccount, at } }];
}

function changeTradingBankAccount(command: C.ChangeTradingBankAccount, state: TradingAccountState): TradingAccountEvent[] {
  requireOpen(state);
  const bankAccount = bankAccountOf(command.data.bankAccount);
  const current = state.bankAccount;
  if (current && current.accountName === bankAccount.accountName && current.accountNumber === bankAccount.accountNumber && current.bank === bankAccount.bank)
    return [];
  return [{ type: 'TradingBankAccountChanged', data: { bankAccount, at: requireInstant(command.data.at, 'at') } }];
}

function closeTradingAccount(command: C.CloseTradingAccount, state: TradingAccountState): TradingAccountEvent[] {
  if (state.status !== 'open') return [];
  return [{ type: 'TradingAccountClosed', data: { reason: command.data.reason, at: requireInstant(command.data.at, 'at') } }];
}

function suspendTrading(command: C.SuspendTrading, state: TradingAccountState): TradingAccountEvent[] {
  if (state.status !== 'open' || state.tradingSuspended) return [];
  return [{ type: 'TradingSuspended', data: { reason: command.data.reason, at: requireInstant(command.data.at, 'at') } }];
}

function reinstateTrading(command: C.ReinstateTrading, state: TradingAccountState): TradingAccountEvent[] {
  if (state.status !== 'open' || !state.tradingSuspended) return [];
  return [{ type: 'TradingReinstated', data: { at: requireInstant(command.data.at, 'at') } }];
}

/**
 * Money in (入金, 第三十五条): only from the trader's bank settlement account on record
 * (第三十一条), booked once per bank transaction (the deposit id names it).
 */
function bookTradingDeposit(command: C.BookTradingDeposit, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-DEPOSIT-FROM-SETTLEMENT-ACCOUNT
  requireOpen(state);
  const { depositId, bankId, bankTransactionId, calendar } = command.data;
  const at = requireInstant(command.data.at, 'at');
  const amountFen = requirePositiveInteger(command.data.amountFen, 'amountFen');
  const valueDate = localDate(command.data.valueDate, 'valueDate');
  if (state.deposits[depositId]) return [];
  if (command.data.payerAccountNumber !== state.bankAccount?.accountNumber) {
    throw refuse.invalid(
      'TRADING_DEPOSIT_NOT_FROM_SETTLEMENT_ACCOUNT',
      'deposits come only from the trader’s bank settlement account on record',
      'payerAccountNumber',
      { payerAccountNumber: command.data.payerAccountNumber },
    );
  }
  const tradingDay = settlementDayOf(state, at, calendar);
  return [{ type: 'TradingDepositBooked', data: { depositId, bankId, bankTransactionId, amountFen, valueDate, tradingDay, at } }];
}

function debitTakePayment(command: C.DebitTakePayment, state: TradingAccountState): TradingAccountEvent[] {
  const { takeId, listingId, sellerPartyId, calendar } = command.data;
  if (state.takes[takeId]) return [];
  requireOpen(state);
  const at = requireInstant(command.data.at, 'at');
  const proceedsFen = requirePositiveInteger(command.data.proceedsFen, 'proceedsFen');
  const tradingFeeFen = requireNonNegativeInteger(command.data.tradingFeeFen, 'tradingFeeFen');
  const tradeDay = localDate(command.data.tradeDay, 'tradeDay');
  // The take payment decided it; the account still never pays beyond its balance.
  if (state.balanceFen < proceedsFen + tradingFeeFen) {
    throw refuse.conflict('TRADING_BALANCE_SHORT', 'the balance does not cover the proceeds and the fee', { balanceFen: state.balanceFen });
  }
  const tradingDay = settlementDayOf(state, at, calendar, tradeDay);
  return [{ type: 'TakePaymentDebited', data: { takeId, listingId, sellerPartyId, proceedsFen, tradingFeeFen, tradeDay, tradingDay, at } }];
}

function creditTakeProceeds(command: C.CreditTakeProceeds, state: TradingAccountState): TradingAccountEvent[] {
  const { takeId, listingId, buyerPartyId, calendar } = command.data;
  if (state.takes[takeId]) return [];
  requireOpen(state);
  const at = requireInstant(command.data.at, 'at');
  const proceedsFen = requirePositiveInteger(command.data.proceedsFen, 'proceedsFen');
  const tradingFeeFen = requireNonNegativeInteger(command.data.tradingFeeFen, 'tradingFeeFen');
  const invoiceDepositFen = requireNonNegativeInteger(command.data.invoiceDepositFen, 'invoiceDepositFen');
  const tradeDay = localDate(command.data.tradeDay, 'tradeDay');
  const tradingDay = settlementDayOf(state, at, calendar, tradeDay);
  const invoiceDueDay = invoiceDueDayOf(tradeDay, calendar);
  return [
    {
      type: 'TakeProceedsCredited',
      data: { takeId, listingId, buyerPartyId, proceedsFen, tradingFeeFen, invoiceDepositFen, tradeDay, invoiceDueDay, tradingDay, at },
    },
  ];
}

function invoiceOf(state: TradingAccountState, takeId: string) {
  const invoice = state.invoices[takeId];
  if (!invoice) throw refuse.notFound('TRADING_INVOICE_NOT_FOUND', `no sale ${takeId} awaits a VAT invoice on this account`, { takeId });
  return invoice;
}

/**
 * The seller's VAT invoice arrives (第四十六条), recorded by the exchange or the seller; the exchange
 * verifies it within 2 trading days (第四十七条). The same number again changes nothing.
 */
function recordTradingInvoice(command: C.RecordTradingInvoice, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-INVOICE-DUE
  const { actor, takeId, calendar } = command.data;
  requireRole(actor, ['exchange', 'depositor'], 'record a VAT invoice');
  const at = requireInstant(command.data.at, 'at');
  const invoiceNumber = requireText(command.data.invoiceNumber, 'invoiceNumber');
  const invoice = invoiceOf(state, takeId);
  if (invoice.status !== 'awaiting') {
    if (invoice.invoiceNumber === invoiceNumber) return [];
    throw refuse.conflict('TRADING_INVOICE_ALREADY_RECORDED', `the invoice of ${takeId} is already recorded (${invoice.invoiceNumber ?? 'forfeited'})`, {
      takeId,
      invoiceNumber: invoice.invoiceNumber,
      status: invoice.status,
    });
  }
  const receivedOn = shanghaiDateOf(new Date(at));
  const verifyBy = invoiceVerifyByOf(calendar.isTradingDay(receivedOn) ? receivedOn : calendar.nextTradingDay(receivedOn), calendar);
  return [{ type: 'TradingInvoiceReceived', data: { takeId, invoiceNumber, receivedOn, verifyBy, recordedBy: actor, at } }];
}

/** Verified (第四十七条): the deposit is released less the late penalty of the day the invoice arrived (第四十八条). */
function verifyTradingInvoice(command: C.VerifyTradingInvoice, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-INVOICE-RELEASE
  const { actor, takeId, calendar } = command.data;
  requireRole(actor, ['exchange'], 'verify VAT invoices');
  const at = requireInstant(command.data.at, 'at');
  const invoice = invoiceOf(state, takeId);
  if (invoice.status === 'released') return [];
  if (invoice.status !== 'received' || invoice.receivedOn === null) {
    throw refuse.conflict('TRADING_INVOICE_NOT_RECEIVED', `no VAT invoice of ${takeId} has been received yet`, { takeId });
  }
  const daysLate = daysLateOf(invoice.dueDay, invoice.receivedOn);
  const penaltyFen = invoicePenaltyOf(invoice.proceedsFen, daysLate);
  const { releasedFen, fromBalanceFen } = depositReleaseOf(invoice.depositFen, penaltyFen);
  const tradingDay = settlementDayOf(state, at, calendar);
  return [
    {
      type: 'InvoiceDepositReleased',
      data: { takeId, depositFen: invoice.depositFen, daysLate, penaltyFen, releasedFen, fromBalanceFen, outcome: 'verified', actor, tradingDay, at },
    },
  ];
}

/** An invoice still missing more than 30 calendar days after its due day counts as never sent: 20% (第四十八条), out of the deposit. */
function forfeitInvoiceDeposits(command: C.ForfeitInvoiceDeposits, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-INVOICE-PENALTY-BANDS
  const { actor, calendar } = command.data;
  const at = requireInstant(command.data.at, 'at');
  const today = shanghaiDateOf(new Date(at));
  const events: TradingAccountEvent[] = [];
  let current = state;
  for (const invoice of Object.values(state.invoices)) {
    if (invoice.status !== 'awaiting' || epochDayOf(today) - epochDayOf(invoice.dueDay) <= 30) continue;
    const daysLate = daysLateOf(invoice.dueDay, today);
    const penaltyFen = invoicePenaltyOf(invoice.proceedsFen, daysLate);
    const { releasedFen, fromBalanceFen } = depositReleaseOf(invoice.depositFen, penaltyFen);
    const event: TradingAccountEvent = {
      type: 'InvoiceDepositReleased',
      data: {
        takeId: invoice.takeId,
        depositFen: invoice.depositFen,
        daysLate,
        penaltyFen,
        releasedFen,
        fromBalanceFen,
        outcome: 'forfeited',
        actor,
        tradingDay: settlementDayOf(current, at, calendar),
        at,
      },
    };
    events.push(event);
    current = tradingAccountDecider.evolve(current, event);
  }
  return events;
}

/** The exchange may freeze a trader's withdrawals (第三十七条, 第六十七条) and lift the freeze. */
function freezeWithdrawals(command: C.FreezeWithdrawals, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-WITHDRAWAL-FREEZE
  const { actor } = command.data;
  requireRole(actor, ['exchange'], 'freeze withdrawals');
  requireOpen(state);
  const reason = requireText(command.data.reason, 'reason');
  if (state.withdrawalsFrozen) return [];
  return [{ type: 'WithdrawalsFrozen', data: { reason, actor, at: requireInstant(command.data.at, 'at') } }];
}

function unfreezeWithdrawals(command: C.UnfreezeWithdrawals, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-WITHDRAWAL-FREEZE
  const { actor } = command.data;
  requireRole(actor, ['exchange'], 'unfreeze withdrawals');
  requireOpen(state);
  const reason = requireText(command.data.reason, 'reason');
  if (!state.withdrawalsFrozen) return [];
  return [{ type: 'WithdrawalsUnfrozen', data: { reason, actor, at: requireInstant(command.data.at, 'at') } }];
}

/**
 * Money out (出金, 第三十五条): asked by the trader during a trading day's session, at most what
 * is withdrawable (第三十六条), never while frozen (第三十七条); checked at once (the exchange's 审核
 * is these rules) and paid to the bank settlement account on record (第三十一条). Once per id.
 */
function requestTradingWithdrawal(command: C.RequestTradingWithdrawal, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-WITHDRAWABLE
  const { actor, withdrawalId, calendar } = command.data;
  requireRole(actor, ['depositor'], 'request withdrawals');
  const at = requireInstant(command.data.at, 'at');
  const amountFen = requirePositiveInteger(command.data.amountFen, 'amountFen');
  const requested = state.withdrawals[withdrawalId];
  if (requested) {
    if (requested.amountFen === amountFen) return [];
    throw refuse.conflict('TRADING_WITHDRAWAL_ID_REUSED', `withdrawal ${withdrawalId} was asked for ${requested.amountFen} fen`, {
      amountFen: requested.amountFen,
    });
  }
  requireOpen(state);
  if (state.withdrawalsFrozen) throw refuse.conflict('TRADING_WITHDRAWALS_FROZEN', 'the exchange has frozen this trader’s withdrawals', {});
  const instant = new Date(at);
  const today = shanghaiDateOf(instant);
  if (!calendar.isTradingDay(today) || instant < shanghaiInstant(today, TRADING_DAY_OPEN) || instant >= closeOf(today)) {
    throw refuse.conflict('TRADING_WITHDRAWAL_OUTSIDE_SESSION', 'withdrawals are asked for during a trading day, 09:00–15:00 Asia/Shanghai', { today });
  }
  const withdrawableFen = withdrawableOf(state.balanceFen, feesPayableOn(state, today));
  if (amountFen > withdrawableFen) {
    throw refuse.conflict('TRADING_WITHDRAWAL_EXCEEDS_WITHDRAWABLE', `at most ${withdrawableFen} fen is withdrawable now`, { withdrawableFen });
  }
  const payee = state.bankAccount!;
  const tradingDay = settlementDayOf(state, at, calendar);
  return [{ type: 'TradingWithdrawalApproved', data: { withdrawalId, amountFen, payee, requestedBy: actor, tradingDay, at } }];
}

function withdrawalOf(state: TradingAccountState, withdrawalId: string) {
  const withdrawal = state.withdrawals[withdrawalId];
  if (!withdrawal) throw refuse.notFound('TRADING_WITHDRAWAL_NOT_FOUND', `no withdrawal ${withdrawalId} on this account`, { withdrawalId });
  return withdrawal;
}

/** The depository bank paid it out: once; the other answer after one is refused. */
function confirmTradingWithdrawal(command: C.ConfirmTradingWithdrawal, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-WITHDRAWAL-ANSWERED-ONCE
  const { actor, withdrawalId, bankId } = command.data;
  requireRole(actor, ['bank'], 'answer withdrawals');
  const withdrawal = withdrawalOf(state, withdrawalId);
  if (withdrawal.status === 'paid') return [];
  if (withdrawal.status !== 'approved')
    throw refuse.conflict('TRADING_WITHDRAWAL_ALREADY_ANSWERED', `withdrawal ${withdrawalId} is ${withdrawal.status}`, { status: withdrawal.status });
  const bankTransactionId = requireText(command.data.bankTransactionId, 'bankTransactionId');
  const valueDate = localDate(command.data.valueDate, 'valueDate');
  return [
    {
      type: 'TradingWithdrawalPaid',
      data: { withdrawalId, amountFen: withdrawal.amountFen, bankId, bankTransactionId, valueDate, at: requireInstant(command.data.at, 'at') },
    },
  ];
}

/** The bank refused it: the amount is back in the balance, exactly. */
function returnTradingWithdrawal(command: C.ReturnTradingWithdrawal, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-WITHDRAWAL-ANSWERED-ONCE
  const { actor, withdrawalId, calendar } = command.data;
  requireRole(actor, ['bank'], 'answer withdrawals');
  const withdrawal = withdrawalOf(state, withdrawalId);
  if (withdrawal.status === 'returned') return [];
  if (withdrawal.status !== 'approved')
    throw refuse.conflict('TRADING_WITHDRAWAL_ALREADY_ANSWERED', `withdrawal ${withdrawalId} is ${withdrawal.status}`, { status: withdrawal.status });
  const reason = requireText(command.data.reason, 'reason');
  const at = requireInstant(command.data.at, 'at');
  return [
    {
      type: 'TradingWithdrawalReturned',
      data: { withdrawalId, amountFen: withdrawal.amountFen, reason, tradingDay: settlementDayOf(state, at, calendar), at },
    },
  ];
}

/** A fee the exchange collects for the warehouse (第四十一条): payable that day (第三十六条), deducted at the day's settlement. */
function recordCollectedFee(command: C.RecordCollectedFee, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-COLLECTED-FEES
  const { actor, feeId, calendar } = command.data;
  requireRole(actor, ['exchange'], 'record collected fees');
  requireOpen(state);
  const at = requireInstant(command.data.at, 'at');
  const kind = requireOneOf(command.data.kind, COLLECTED_FEE_KINDS, 'kind');
  const amountFen = requirePositiveInteger(command.data.amountFen, 'amountFen');
  const day = localDate(command.data.tradingDay, 'tradingDay');
  const recorded = state.payables[feeId];
  if (recorded) {
    if (recorded.kind === kind && recorded.amountFen === amountFen && recorded.tradingDay === day) return [];
    throw refuse.conflict('COLLECTED_FEE_CONFLICT', `fee ${feeId} was recorded as ${recorded.kind} ${recorded.amountFen} fen on ${recorded.tradingDay}`, {
      ...recorded,
    });
  }
  if (!calendar.isTradingDay(day)) throw refuse.invalid('NOT_A_TRADING_DAY', `${day} is not a trading day`, 'tradingDay', { tradingDay: day });
  const tradingDay = settlementDayOf(state, at, calendar, day);
  return [{ type: 'CollectedFeePayable', data: { feeId, kind, amountFen, tradingDay, actor, at } }];
}

/**
 * After a trading day's close (第三十三条, 第三十八条): the day's fees payable are deducted and the
 * day's report issued: the previous balance (the last report's, plus any day without one), the
 * day's figures, the balance by 第三十四条 and what is withdrawable by 第三十六条. Once per day.
 */
function issueSettlementReport(command: C.IssueSettlementReport, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-BALANCE
  // rule TRADE-SETTLEMENT-REPORT
  const { calendar } = command.data;
  const at = requireInstant(command.data.at, 'at');
  const tradingDay = localDate(command.data.tradingDay, 'tradingDay');
  if (!calendar.isTradingDay(tradingDay)) throw refuse.invalid('NOT_A_TRADING_DAY', `${tradingDay} is not a trading day`, 'tradingDay', { tradingDay });
  if (state.status === 'none') return [];
  // Once per day; a day before the last one reported is settled within the later report's previous balance.
  if (state.reports[tradingDay] || (state.lastReportedDay !== null && tradingDay <= state.lastReportedDay)) return [];
  if (new Date(at) < closeOf(tradingDay)) {
    throw refuse.conflict('TRADING_DAY_NOT_CLOSED', `${tradingDay} is settled after its close at 15:00 Asia/Shanghai`, { tradingDay });
  }
  const lastReport = state.lastReportedDay === null ? null : state.reports[state.lastReportedDay]!;
  const carried = Object.entries(state.days)
    .filter(([day]) => day < tradingDay && (lastReport === null || day > lastReport.tradingDay))
    .reduce((balance, [, figures]) => dayBalanceOf(balance, figures), lastReport?.balanceFen ?? 0);
  const collected = Object.entries(state.payables)
    .filter(([, fee]) => !fee.collected && fee.tradingDay <= tradingDay)
    .map(([feeId, fee]) => ({ feeId, kind: fee.kind, amountFen: fee.amountFen }));
  const figures = addFigures(state.days[tradingDay] ?? noFigures, {
    storageFeesFen: collected.filter((fee) => fee.kind === 'storage').reduce((sum, fee) => sum + fee.amountFen, 0),
    transferFeesFen: collected.filter((fee) => fee.kind === 'transfer').reduce((sum, fee) => sum + fee.amountFen, 0),
    otherFeesFen: collected.filter((fee) => fee.kind === 'other').reduce((sum, fee) => sum + fee.amountFen, 0),
  });
  const balanceFen = dayBalanceOf(carried, figures);
  // What is payable after the day: nothing of the day's own is left once it is deducted.
  const withdrawableFen = withdrawableOf(balanceFen, 0);
  const objectionDeadline = objectionDeadlineOf(tradingDay, calendar).toISOString();
  return [
    {
      type: 'SettlementReportIssued',
      data: { tradingDay, figures, collected, previousBalanceFen: carried, balanceFen, withdrawableFen, objectionDeadline, at },
    },
  ];
}

/** The trader objects before the next trading day's open (第三十九条); after it the report stands accepted. */
function objectToSettlementReport(command: C.ObjectToSettlementReport, state: TradingAccountState): TradingAccountEvent[] {
  // rule TRADE-SETTLEMENT-OBJECTION
  const { actor } = command.data;
  requireRole(actor, ['depositor'], 'object to settlement reports');
  const at = requireInstant(command.data.at, 'at');
  const tradingDay = localDate(command.data.tradingDay, 'tradingDay');
  const reason = requireText(command.data.reason, 'reason');
  const report = state.reports[tradingDay];
  if (!report) throw refuse.notFound('SETTLEMENT_REPORT_NOT_FOUND', `no settlement report of ${tradingDay}`, { tradingDay });
  if (report.objection !== null) {
    if (report.objection === reason) return [];
    throw refuse.conflict('SETTLEMENT_REPORT_ALREADY_OBJECTED', `the report of ${tradingDay} is already objected to`, { tradingDay });
  }
  if (new Date(at) >= new Date(report.objectionDeadline)) {
    throw refuse.conflict('SETTLEMENT_REPORT_ACCEPTED', `the report of ${tradingDay} stands accepted since ${report.objectionDeadline}`, {
      tradingDay,
      objectionDeadline: report.objectionDeadline,
    });
  }
  return [{ type: 'SettlementReportObjected', data: { tradingDay, reason, actor, at } }];
}
