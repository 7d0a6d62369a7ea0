import { type Command, type Decider, type DomainEvent, localDate, type LocalDate, refuse, requireInstant, requireText, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';

/** What the bank is asked to pay: an approved withdrawal, as the money part published it. */
export interface WithdrawalOrder {
  readonly withdrawalId: string;
  readonly partyId: string;
  readonly bankId: string;
  readonly amountFen: number;
  readonly payeeAccountName: string;
  readonly payeeAccountNumber: string;
  readonly payeeBank: string;
}

export type QueueWithdrawal = Command<'QueueWithdrawal', WithdrawalOrder & { readonly at: string }>;
/** The outcome of one send to the bank: accepted (it answered 2xx), or failed (no answer, 5xx, 408, 429), to try again. */
export type RecordSendAttempt = Command<'RecordSendAttempt', { readonly outcome: 'accepted' | 'failed'; readonly detail: string; readonly at: string }>;
export type ConfirmWithdrawal = Command<
  'ConfirmWithdrawal',
  { readonly bankTransactionId: string; readonly valueDate: string; readonly actor: Actor; readonly at: string }
>;
export type RefuseWithdrawal = Command<'RefuseWithdrawal', { readonly reason: string; readonly actor: Actor; readonly at: string }>;
export type BankWithdrawalCommand = QueueWithdrawal | RecordSendAttempt | ConfirmWithdrawal | RefuseWithdrawal;

export type WithdrawalQueuedForBank = DomainEvent<'WithdrawalQueuedForBank', WithdrawalOrder & { readonly nextAttemptAt: string; readonly at: string }>;
export type WithdrawalSendFailed = DomainEvent<
  'WithdrawalSendFailed',
  { readonly withdrawalId: string; readonly attempt: number; readonly detail: string; readonly nextAttemptAt: string; readonly at: string }
>;
export type WithdrawalSentToBank = DomainEvent<'WithdrawalSentToBank', { readonly withdrawalId: string; readonly attempt: number; readonly at: string }>;
export type WithdrawalConfirmedByBank = DomainEvent<
  'WithdrawalConfirmedByBank',
  WithdrawalOrder & { readonly bankTransactionId: string; readonly valueDate: LocalDate; readonly at: string }
>;
export type WithdrawalRefusedByBank = DomainEvent<'WithdrawalRefusedByBank', WithdrawalOrder & { readonly reason: string; readonly at: string }>;
export type BankWithdrawalEvent = WithdrawalQueuedForBank | WithdrawalSendFailed | WithdrawalSentToBank | WithdrawalConfirmedByBank | WithdrawalRefusedByBank;

/** One stream per withdrawal: the outbox-like record of sending it to the bank, and the bank's answer. */
export interface BankWithdrawalState {
  readonly order: WithdrawalOrder | null;
  readonly status: 'none' | 'to_send' | 'sent' | 'confirmed' | 'refused';
  readonly attempts: number;
  readonly answer: { readonly bankTransactionId: string; readonly valueDate: string } | { readonly reason: string } | null;
}

/** The first retry waits 1 s, each next one twice as long, never more than 5 minutes. */
export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 300_000;

/** When to send again after the `attempt`-th send failed: bounded exponential backoff. */
export function retryAfterMs(attempt: number): number {
  // rule BILL-BANK-WITHDRAWAL-SEND
  return Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), MAX_RETRY_MS);
}

export const bankWithdrawalDecider: Decider<BankWithdrawalCommand, BankWithdrawalState, BankWithdrawalEvent> = {
  initialState: () => ({ order: null, status: 'none', attempts: 0, answer: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'WithdrawalQueuedForBank': {
        const { withdrawalId, partyId, bankId, amountFen, payeeAccountName, payeeAccountNumber, payeeBank } = event.data;
        return { ...state, order: { withdrawalId, partyId, bankId, amountFen, payeeAccountName, payeeAccountNumber, payeeBank }, status: 'to_send' };
      }
      case 'WithdrawalSendFailed':
        return { ...state, attempts: event.data.attempt };
      case 'WithdrawalSentToBank':
        return { ...state, attempts: event.data.attempt, status: state.status === 'to_send' ? 'sent' : state.status };
      case 'WithdrawalConfirmedByBank':
        return { ...state, status: 'confirmed', answer: { bankTransactionId: event.data.bankTransactionId, valueDate: event.data.valueDate } };
      case 'WithdrawalRefusedByBank':
        return { ...state, status: 'refused', answer: { reason: event.data.reason } };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'QueueWithdrawal':
        return queueWithdrawal(command, state);
      case 'RecordSendAttempt':
        return recordSendAttempt(command, state);
      case 'ConfirmWithdrawal':
        return confirmWithdrawal(command, state);
      case 'RefuseWithdrawal':
        return refuseWithdrawal(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

/** An approved withdrawal is queued to send at once; the same approval again changes nothing. */
function queueWithdrawal(command: QueueWithdrawal, state: BankWithdrawalState): BankWithdrawalEvent[] {
  // rule BILL-BANK-WITHDRAWAL-SEND
  if (state.order !== null) return [];
  const at = requireInstant(command.data.at, 'at');
  return [{ type: 'WithdrawalQueuedForBank', data: { ...command.data, nextAttemptAt: at, at } }];
}

/** A send is recorded while the withdrawal waits to be sent; once sent or answered, a late outcome changes nothing. */
function recordSendAttempt(command: RecordSendAttempt, state: BankWithdrawalState): BankWithdrawalEvent[] {
  // rule BILL-BANK-WITHDRAWAL-SEND
  if (state.order === null || state.status !== 'to_send') return [];
  const at = requireInstant(command.data.at, 'at');
  const attempt = state.attempts + 1;
  const { withdrawalId } = state.order;
  if (command.data.outcome === 'accepted') return [{ type: 'WithdrawalSentToBank', data: { withdrawalId, attempt, at } }];
  const nextAttemptAt = new Date(Date.parse(at) + retryAfterMs(attempt)).toISOString();
  return [{ type: 'WithdrawalSendFailed', data: { withdrawalId, attempt, detail: command.data.detail, nextAttemptAt, at } }];
}

/**
 * The bank's signed callback answers a withdrawal it was sent (its answer may overtake our record
 * of the send). The same answer again changes nothing; the other answer is refused.
 */
function answerable(state: BankWithdrawalState, actor: Actor): WithdrawalOrder {
  requireRole(actor, ['bank'], 'answer withdrawals');
  // Another bank's withdrawal answers as a missing one.
  if (state.order === null || state.order.bankId !== actor.subject)
    throw refuse.notFound('WITHDRAWAL_NOT_SENT', 'no withdrawal of that id was sent to this bank');
  return state.order;
}

function confirmWithdrawal(command: ConfirmWithdrawal, state: BankWithdrawalState): BankWithdrawalEvent[] {
  // rule BILL-BANK-WITHDRAWAL-SEND
  const order = answerable(state, command.data.actor);
  const bankTransactionId = requireText(command.data.bankTransactionId, 'bankTransactionId');
  const valueDate = localDate(command.data.valueDate, 'valueDate');
  const at = requireInstant(command.data.at, 'at');
  if (state.status === 'confirmed' && state.answer && 'bankTransactionId' in state.answer && state.answer.bankTransactionId === bankTransactionId) return [];
  if (state.status === 'confirmed' || state.status === 'refused') {
    throw refuse.conflict('WITHDRAWAL_ALREADY_ANSWERED', `the bank already ${state.status} withdrawal ${order.withdrawalId}`, { status: state.status });
  }
  return [{ type: 'WithdrawalConfirmedByBank', data: { ...order, bankTransactionId, valueDate, at } }];
}

function refuseWithdrawal(command: RefuseWithdrawal, state: BankWithdrawalState): BankWithdrawalEvent[] {
  // rule BILL-BANK-WITHDRAWAL-SEND
  const order = answerable(state, command.data.actor);
  const reason = requireText(command.data.reason, 'reason');
  const at = requireInstant(command.data.at, 'at');
  if (state.status === 'refused') return [];
  if (state.status === 'confirmed')
    throw refuse.conflict('WITHDRAWAL_ALREADY_ANSWERED', `the bank already confirmed withdrawal ${order.withdrawalId}`, { status: state.status });
  return [{ type: 'WithdrawalRefusedByBank', data: { ...order, reason, at } }];
}
