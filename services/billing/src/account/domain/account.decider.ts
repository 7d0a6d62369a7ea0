import {
  type Decider,
  foldEvents,
  localDate,
  refuse,
  requireInstant,
  requireOneOf,
  requirePositiveInteger,
  requireRole,
  requireText,
  unhandledCommand,
} from '@dw/kernel';
import type {
  ApproveWithdrawal,
  BookPayment,
  ChargeFee,
  CompleteWithdrawal,
  AccountCommand,
  RejectWithdrawal,
  RequestWithdrawal,
  ReturnWithdrawal,
  ReverseFee,
} from './account.commands';
import { type AccountEvent, FEE_ITEMS, type StoragePaidThroughAdvanced } from './account.events';
import { type AccountState, type AccountWithdrawal, emptyAccount, figuresOf } from './account.state';
import { paidThroughByReceipt, settlementsOf } from './settlement';

/**
 * One stream per party (`account-<partyId>`): the fees charged to it, the payments booked for it,
 * its withdrawals, and the money held between them. Every message from another part of billing
 * names its id (fee, payment, withdrawal), so a replay changes nothing.
 */
export const accountDecider: Decider<AccountCommand, AccountState, AccountEvent> = {
  initialState: emptyAccount,

  evolve(state, event) {
    switch (event.type) {
      case 'FeeCharged': {
        const { feeId, item, receiptNumber, serviceDate, chargedOn, amountFen } = event.data;
        const fee = { feeId, item, receiptNumber, serviceDate, chargedOn, amountFen, settled: false, reversed: false };
        return { ...state, fees: { ...state.fees, [feeId]: fee } };
      }
      case 'FeeChargeReversed': {
        const fee = state.fees[event.data.feeId]!;
        return { ...state, fees: { ...state.fees, [fee.feeId]: { ...fee, reversed: true } }, depositsHeldFen: state.depositsHeldFen + event.data.refundedFen };
      }
      case 'PaymentBooked':
        return { ...state, paymentIds: { ...state.paymentIds, [event.data.paymentId]: true }, depositsHeldFen: state.depositsHeldFen + event.data.amountFen };
      case 'FeesSettled': {
        const fees = { ...state.fees };
        let paid = 0;
        for (const { feeId, amountFen } of event.data.settlements) {
          fees[feeId] = { ...fees[feeId]!, settled: true };
          paid += amountFen;
        }
        return { ...state, fees, depositsHeldFen: state.depositsHeldFen - paid };
      }
      case 'StoragePaidThroughAdvanced':
        return { ...state, paidThrough: { ...state.paidThrough, [event.data.receiptNumber]: event.data.paidThrough } };
      case 'WithdrawalRequested': {
        const { withdrawalId, amountFen, payeeAccountName, payeeAccountNumber, payeeBank } = event.data;
        return withWithdrawal(state, { withdrawalId, amountFen, payeeAccountName, payeeAccountNumber, payeeBank, status: 'requested' });
      }
      case 'WithdrawalApproved':
        return { ...withStatus(state, event.data.withdrawalId, 'approved'), depositsHeldFen: state.depositsHeldFen - event.data.amountFen };
      case 'WithdrawalRejected':
        return withStatus(state, event.data.withdrawalId, 'rejected');
      case 'WithdrawalCompleted':
        return withStatus(state, event.data.withdrawalId, 'completed');
      case 'WithdrawalReturned':
        return { ...withStatus(state, event.data.withdrawalId, 'returned'), depositsHeldFen: state.depositsHeldFen + event.data.amountFen };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'ChargeFee':
        return chargeFee(command, state);
      case 'ReverseFee':
        return reverseFee(command, state);
      case 'BookPayment':
        return bookPayment(command, state);
      case 'RequestWithdrawal':
        return requestWithdrawal(command, state);
      case 'ApproveWithdrawal':
        return approveWithdrawal(command, state);
      case 'RejectWithdrawal':
        return rejectWithdrawal(command, state);
      case 'CompleteWithdrawal':
        return completeWithdrawal(command, state);
      case 'ReturnWithdrawal':
        return returnWithdrawal(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

const withWithdrawal = (state: AccountState, withdrawal: AccountWithdrawal): AccountState => ({
  ...state,
  withdrawals: { ...state.withdrawals, [withdrawal.withdrawalId]: withdrawal },
});

const withStatus = (state: AccountState, withdrawalId: string, status: AccountWithdrawal['status']): AccountState =>
  withWithdrawal(state, { ...state.withdrawals[withdrawalId]!, status });

/**
 * The events of a command followed by what they set off: money now free settles outstanding fees
 * (oldest first), and a receipt whose storage is then paid through a later day says so.
 */
function thenSettle(state: AccountState, events: AccountEvent[], paymentId: string, at: string): AccountEvent[] {
  let after = foldEvents(accountDecider, events, state);
  const settlements = settlementsOf(after);
  if (settlements.length > 0) {
    const settled: AccountEvent = { type: 'FeesSettled', data: { paymentId, settlements, at } };
    events = [...events, settled];
    after = accountDecider.evolve(after, settled);
  }
  const advanced: StoragePaidThroughAdvanced[] = [];
  for (const [receiptNumber, paidThrough] of paidThroughByReceipt(after)) {
    const previous = after.paidThrough[receiptNumber] ?? null;
    // Forward only: a fee for an earlier day charged late holds the date back, never moves it back.
    if (previous === null || paidThrough > previous) advanced.push({ type: 'StoragePaidThroughAdvanced', data: { receiptNumber, paidThrough, previous, at } });
  }
  return [...events, ...advanced.sort((a, b) => a.data.receiptNumber.localeCompare(b.data.receiptNumber))];
}

/** Accrual charged a fee (FeeAccrued). Money already held pays it at once when it covers the oldest fees up to it. */
function chargeFee(command: ChargeFee, state: AccountState): AccountEvent[] {
  // rule BILL-MONEY-MESSAGE-ONCE
  const { actor, at } = command.data;
  requireRole(actor, ['system'], 'charge fees');
  requireInstant(at, 'at');
  const feeId = requireText(command.data.feeId, 'feeId');
  if (state.fees[feeId]) return [];
  const item = requireOneOf(command.data.item, FEE_ITEMS, 'item');
  const serviceDate = localDate(command.data.serviceDate, 'serviceDate');
  const chargedOn = localDate(command.data.chargedOn, 'chargedOn');
  const amountFen = requirePositiveInteger(command.data.amountFen, 'amountFen');
  const { receiptNumber, lotId } = command.data;
  return thenSettle(state, [{ type: 'FeeCharged', data: { feeId, item, receiptNumber, lotId, serviceDate, chargedOn, amountFen, at } }], '', at);
}

/** Accrual cancelled a fee in full (FeeReversed): what had been paid of it is held for the party again, and pays the next fees. */
function reverseFee(command: ReverseFee, state: AccountState): AccountEvent[] {
  const { actor, at } = command.data;
  requireRole(actor, ['system'], 'reverse fees');
  requireInstant(at, 'at');
  const feeId = requireText(command.data.feeId, 'feeId');
  const fee = state.fees[feeId];
  if (!fee) throw refuse.notFound('FEE_NOT_FOUND', `no fee ${feeId} was charged to this account`, { feeId });
  if (fee.reversed) return [];
  if (command.data.amountFen !== fee.amountFen) {
    throw refuse.conflict('FEE_REVERSAL_AMOUNT_MISMATCH', `fee ${feeId} was charged ${fee.amountFen} fen; a reversal cancels it in full`, {
      feeId,
      chargedFen: fee.amountFen,
      reversalFen: command.data.amountFen,
    });
  }
  const refundedFen = fee.settled ? fee.amountFen : 0;
  const reason = requireText(command.data.reason, 'reason');
  return thenSettle(state, [{ type: 'FeeChargeReversed', data: { feeId, item: fee.item, amountFen: fee.amountFen, refundedFen, reason, at } }], '', at);
}

/** The bank's payment (BankPaymentReceived) is held for the party and settles its outstanding fees oldest first. */
function bookPayment(command: BookPayment, state: AccountState): AccountEvent[] {
  // rule BILL-MONEY-MESSAGE-ONCE
  const { actor, at } = command.data;
  requireRole(actor, ['system'], 'book payments');
  requireInstant(at, 'at');
  const paymentId = requireText(command.data.paymentId, 'paymentId');
  if (state.paymentIds[paymentId]) return [];
  const bankId = requireText(command.data.bankId, 'bankId');
  const bankTransactionId = requireText(command.data.bankTransactionId, 'bankTransactionId');
  const amountFen = requirePositiveInteger(command.data.amountFen, 'amountFen');
  const valueDate = localDate(command.data.valueDate, 'valueDate');
  return thenSettle(state, [{ type: 'PaymentBooked', data: { paymentId, bankId, bankTransactionId, amountFen, valueDate, at } }], paymentId, at);
}

/** A depositor asks to be paid out of its deposits held: no more than is available, which it then reserves. */
function requestWithdrawal(command: RequestWithdrawal, state: AccountState): AccountEvent[] {
  // rule BILL-WITHDRAWAL-AVAILABLE
  const { actor, at } = command.data;
  requireRole(actor, ['depositor'], 'request withdrawals');
  requireInstant(at, 'at');
  const withdrawalId = requireText(command.data.withdrawalId, 'withdrawalId');
  if (state.withdrawals[withdrawalId]) return [];
  const amountFen = requirePositiveInteger(command.data.amountFen, 'amountFen');
  const payeeAccountName = requireText(command.data.payeeAccountName, 'payeeAccountName');
  const payeeAccountNumber = requireText(command.data.payeeAccountNumber, 'payeeAccountNumber');
  const payeeBank = requireText(command.data.payeeBank, 'payeeBank');
  const figures = figuresOf(state);
  if (amountFen > figures.availableFen) {
    throw refuse.conflict('WITHDRAWAL_EXCEEDS_AVAILABLE', `${amountFen} fen is more than the ${figures.availableFen} fen available to withdraw`, {
      amountFen,
      ...figures,
    });
  }
  return [{ type: 'WithdrawalRequested', data: { withdrawalId, amountFen, payeeAccountName, payeeAccountNumber, payeeBank, actor, at } }];
}

function requireWithdrawal(state: AccountState, withdrawalId: string): AccountWithdrawal {
  const withdrawal = state.withdrawals[requireText(withdrawalId, 'withdrawalId')];
  if (!withdrawal) throw refuse.notFound('WITHDRAWAL_NOT_FOUND', `no withdrawal ${withdrawalId} on this account`, { withdrawalId });
  return withdrawal;
}

/** A manager approves a request: its money leaves deposits held for withdrawals in transit, and the bank integration sends it. */
function approveWithdrawal(command: ApproveWithdrawal, state: AccountState): AccountEvent[] {
  const { actor, at } = command.data;
  requireRole(actor, ['manager'], 'approve withdrawals');
  requireInstant(at, 'at');
  const withdrawal = requireWithdrawal(state, command.data.withdrawalId);
  if (withdrawal.status !== 'requested') return alreadyPast(withdrawal, ['approved', 'completed', 'returned']);
  const { withdrawalId, amountFen, payeeAccountName, payeeAccountNumber, payeeBank } = withdrawal;
  return [{ type: 'WithdrawalApproved', data: { withdrawalId, amountFen, payeeAccountName, payeeAccountNumber, payeeBank, actor, at } }];
}

/** A manager rejects a request (with a reason): the amount it reserved is free again, and pays outstanding fees first. */
function rejectWithdrawal(command: RejectWithdrawal, state: AccountState): AccountEvent[] {
  const { actor, at } = command.data;
  requireRole(actor, ['manager'], 'reject withdrawals');
  requireInstant(at, 'at');
  const withdrawal = requireWithdrawal(state, command.data.withdrawalId);
  if (withdrawal.status !== 'requested') return alreadyPast(withdrawal, ['rejected']);
  const reason = requireText(command.data.reason, 'reason');
  const { withdrawalId, amountFen } = withdrawal;
  return thenSettle(state, [{ type: 'WithdrawalRejected', data: { withdrawalId, amountFen, reason, actor, at } }], '', at);
}

/** The bank paid the withdrawal out (BankWithdrawalConfirmed): it leaves the warehouse's bank account. */
function completeWithdrawal(command: CompleteWithdrawal, state: AccountState): AccountEvent[] {
  const { actor, at } = command.data;
  requireRole(actor, ['system'], 'complete withdrawals');
  requireInstant(at, 'at');
  const withdrawal = requireWithdrawal(state, command.data.withdrawalId);
  if (withdrawal.status !== 'approved') return alreadyPast(withdrawal, ['completed']);
  if (command.data.amountFen !== withdrawal.amountFen) {
    throw refuse.conflict('WITHDRAWAL_AMOUNT_MISMATCH', `withdrawal ${withdrawal.withdrawalId} was approved for ${withdrawal.amountFen} fen`, {
      withdrawalId: withdrawal.withdrawalId,
      approvedFen: withdrawal.amountFen,
      confirmedFen: command.data.amountFen,
    });
  }
  const bankId = requireText(command.data.bankId, 'bankId');
  const bankTransactionId = requireText(command.data.bankTransactionId, 'bankTransactionId');
  const valueDate = localDate(command.data.valueDate, 'valueDate');
  return [
    { type: 'WithdrawalCompleted', data: { withdrawalId: withdrawal.withdrawalId, amountFen: withdrawal.amountFen, bankId, bankTransactionId, valueDate, at } },
  ];
}

/** The bank refused the withdrawal (BankWithdrawalRefused): the money comes back to deposits held exactly, as before the approval. */
function returnWithdrawal(command: ReturnWithdrawal, state: AccountState): AccountEvent[] {
  // rule BILL-WITHDRAWAL-RETURNED
  const { actor, at } = command.data;
  requireRole(actor, ['system'], 'return withdrawals');
  requireInstant(at, 'at');
  const withdrawal = requireWithdrawal(state, command.data.withdrawalId);
  if (withdrawal.status !== 'approved') return alreadyPast(withdrawal, ['returned']);
  const bankId = requireText(command.data.bankId, 'bankId');
  const reason = requireText(command.data.reason, 'reason');
  const { withdrawalId, amountFen } = withdrawal;
  return thenSettle(state, [{ type: 'WithdrawalReturned', data: { withdrawalId, amountFen, bankId, reason, at } }], '', at);
}

/** A step the withdrawal has already taken (a replay, a second click) changes nothing; one it can no longer take is refused. */
function alreadyPast(withdrawal: AccountWithdrawal, done: readonly AccountWithdrawal['status'][]): AccountEvent[] {
  if (done.includes(withdrawal.status)) return [];
  const code =
    withdrawal.status === 'requested' ? 'WITHDRAWAL_NOT_IN_TRANSIT' : withdrawal.status === 'approved' ? 'WITHDRAWAL_IN_TRANSIT' : 'WITHDRAWAL_CLOSED';
  throw refuse.conflict(code, `withdrawal ${withdrawal.withdrawalId} is ${withdrawal.status}`, {
    withdrawalId: withdrawal.withdrawalId,
    status: withdrawal.status,
  });
}
