import {
  type Command,
  type Decider,
  type DomainEvent,
  localDate,
  type LocalDate,
  refuse,
  requireInstant,
  requireOneOf,
  requirePositiveInteger,
  requireText,
  unhandledCommand,
} from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import { isWellFormedVirtualAccount } from './virtual-account-number';

export const INCOMING_KINDS = ['payment', 'top_up'] as const;
export type IncomingKind = (typeof INCOMING_KINDS)[number];

/** What a bank tells us about one incoming transaction: the facts that must never change between notifications. */
export interface IncomingTransfer {
  readonly bankId: string;
  readonly bankTransactionId: string;
  readonly kind: IncomingKind;
  readonly virtualAccount: string;
  readonly amountFen: number;
  readonly valueDate: LocalDate;
  readonly payerName: string;
}

/**
 * A bank notifies an incoming transaction. `partyOfAccount` is the party the virtual account was
 * assigned to at that bank (null: none), looked up by the handler in the bank's virtual accounts.
 */
export type NotifyIncomingTransfer = Command<
  'NotifyIncomingTransfer',
  Omit<IncomingTransfer, 'valueDate'> & { readonly valueDate: string; readonly partyOfAccount: string | null; readonly actor: Actor; readonly at: string }
>;
/** A manager assigns a payment held unmatched to the party it belongs to. */
export type AssignUnmatchedPayment = Command<
  'AssignUnmatchedPayment',
  { readonly partyId: string; readonly note: string; readonly actor: Actor; readonly at: string }
>;
export type BankTransactionCommand = NotifyIncomingTransfer | AssignUnmatchedPayment;

export type UnmatchedReason = 'malformed_virtual_account' | 'unknown_virtual_account';

export type BankPaymentMatched = DomainEvent<
  'BankPaymentMatched',
  IncomingTransfer & {
    readonly paymentId: string;
    readonly partyId: string;
    /** When the bank first told us (the money was ours from then, whoever matched it). */
    readonly receivedAt: string;
    /** Present when a manager matched it by hand. */
    readonly assignedBy?: Actor;
    readonly note?: string;
    readonly at: string;
  }
>;
export type BankPaymentHeldUnmatched = DomainEvent<
  'BankPaymentHeldUnmatched',
  IncomingTransfer & { readonly paymentId: string; readonly reason: UnmatchedReason; readonly receivedAt: string; readonly at: string }
>;
export type BankNotificationConflicted = DomainEvent<
  'BankNotificationConflicted',
  {
    readonly bankId: string;
    readonly bankTransactionId: string;
    readonly recorded: IncomingTransfer;
    readonly notified: IncomingTransfer;
    readonly differs: readonly string[];
    readonly at: string;
  }
>;
export type BankTransactionEvent = BankPaymentMatched | BankPaymentHeldUnmatched | BankNotificationConflicted;

/** One stream per real bank transaction (bank id, bank transaction id): it is booked once, whatever the bank repeats. */
export interface BankTransactionState {
  readonly transfer: IncomingTransfer | null;
  readonly status: 'none' | 'unmatched' | 'matched';
  readonly partyId: string | null;
  readonly receivedAt: string | null;
}

/** The payment's id on billing.bank.v1, the same however often and in whatever order the bank notifies it. */
export function paymentIdOf(bankId: string, bankTransactionId: string): string {
  return `bank-payment:${bankId}:${bankTransactionId}`;
}

export const bankTransactionDecider: Decider<BankTransactionCommand, BankTransactionState, BankTransactionEvent> = {
  initialState: () => ({ transfer: null, status: 'none', partyId: null, receivedAt: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'BankPaymentMatched':
        return { transfer: transferOf(event.data), status: 'matched', partyId: event.data.partyId, receivedAt: event.data.receivedAt };
      case 'BankPaymentHeldUnmatched':
        return { transfer: transferOf(event.data), status: 'unmatched', partyId: null, receivedAt: event.data.receivedAt };
      case 'BankNotificationConflicted':
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'NotifyIncomingTransfer':
        return notifyIncomingTransfer(command, state);
      case 'AssignUnmatchedPayment':
        return assignUnmatchedPayment(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

function transferOf(data: IncomingTransfer): IncomingTransfer {
  const { bankId, bankTransactionId, kind, virtualAccount, amountFen, valueDate, payerName } = data;
  return { bankId, bankTransactionId, kind, virtualAccount, amountFen, valueDate, payerName };
}

/** The fields of two notifications of one transaction that differ (the payer's name as the bank spells it is not compared). */
export function differingFields(recorded: IncomingTransfer, notified: IncomingTransfer): string[] {
  return (['kind', 'virtualAccount', 'amountFen', 'valueDate'] as const).filter((field) => recorded[field] !== notified[field]);
}

/**
 * The first notification of a transaction books it: to the party of its virtual account, or held
 * unmatched (an alarm) when the number is malformed or unknown at that bank. A repeat with the
 * same content changes nothing; one with different content is recorded as a conflict (an alarm)
 * and the handler refuses it.
 */
function notifyIncomingTransfer(command: NotifyIncomingTransfer, state: BankTransactionState): BankTransactionEvent[] {
  // rule BILL-BANK-TRANSACTION-ONCE
  const { actor, partyOfAccount } = command.data;
  requireRole(actor, ['bank'], 'notify bank transactions');
  const at = requireInstant(command.data.at, 'at');
  const notified: IncomingTransfer = {
    bankId: requireText(command.data.bankId, 'bankId'),
    bankTransactionId: requireText(command.data.bankTransactionId, 'bankTransactionId'),
    kind: requireOneOf(command.data.kind, INCOMING_KINDS, 'kind'),
    virtualAccount: requireText(command.data.virtualAccount, 'virtualAccount'),
    amountFen: requirePositiveInteger(command.data.amountFen, 'amountFen'),
    valueDate: localDate(command.data.valueDate, 'valueDate'),
    payerName: command.data.payerName.trim(),
  };
  if (state.transfer !== null) {
    const differs = differingFields(state.transfer, notified);
    if (differs.length === 0) return [];
    return [
      {
        type: 'BankNotificationConflicted',
        data: { bankId: notified.bankId, bankTransactionId: notified.bankTransactionId, recorded: state.transfer, notified, differs, at },
      },
    ];
  }
  const paymentId = paymentIdOf(notified.bankId, notified.bankTransactionId);
  // rule BILL-BANK-VIRTUAL-ACCOUNT
  if (!isWellFormedVirtualAccount(notified.virtualAccount)) {
    return [{ type: 'BankPaymentHeldUnmatched', data: { ...notified, paymentId, reason: 'malformed_virtual_account', receivedAt: at, at } }];
  }
  if (partyOfAccount === null) {
    return [{ type: 'BankPaymentHeldUnmatched', data: { ...notified, paymentId, reason: 'unknown_virtual_account', receivedAt: at, at } }];
  }
  return [{ type: 'BankPaymentMatched', data: { ...notified, paymentId, partyId: partyOfAccount, receivedAt: at, at } }];
}

/** A manager books a payment held unmatched to its party; a matched one is never moved. */
function assignUnmatchedPayment(command: AssignUnmatchedPayment, state: BankTransactionState): BankTransactionEvent[] {
  // rule BILL-BANK-UNMATCHED-HELD
  const { actor } = command.data;
  requireRole(actor, ['manager'], 'assign unmatched bank payments');
  const partyId = requireText(command.data.partyId, 'partyId');
  const note = requireText(command.data.note, 'note');
  const at = requireInstant(command.data.at, 'at');
  if (state.transfer === null) throw refuse.notFound('BANK_PAYMENT_NOT_FOUND', 'no such bank payment');
  if (state.status !== 'unmatched') {
    throw refuse.conflict('BANK_PAYMENT_ALREADY_MATCHED', `this payment is already booked to ${state.partyId}`, { partyId: state.partyId });
  }
  const paymentId = paymentIdOf(state.transfer.bankId, state.transfer.bankTransactionId);
  return [{ type: 'BankPaymentMatched', data: { ...state.transfer, paymentId, partyId, receivedAt: state.receivedAt ?? at, assignedBy: actor, note, at } }];
}
