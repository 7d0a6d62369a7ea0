import { type Command, type Decider, type DomainEvent, localDate, type LocalDate, refuse, requireInstant, requireText, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import { type BreakKind, type CashMovement, reconcile } from './reconciliation';

/**
 * A bank submits its statement of the warehouse's account for one day; `book` is our cash at
 * that bank for the day, read by the handler when the statement arrives.
 */
export type SubmitBankStatement = Command<
  'SubmitBankStatement',
  {
    readonly bankId: string;
    readonly statementDate: string;
    readonly lines: readonly CashMovement[];
    readonly book: readonly CashMovement[];
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type ResolveReconciliationBreak = Command<
  'ResolveReconciliationBreak',
  { readonly breakId: string; readonly resolution: string; readonly actor: Actor; readonly at: string }
>;
export type BankStatementCommand = SubmitBankStatement | ResolveReconciliationBreak;

export type BankStatementReceived = DomainEvent<
  'BankStatementReceived',
  {
    readonly bankId: string;
    readonly statementDate: LocalDate;
    readonly lines: readonly CashMovement[];
    readonly bookedCount: number;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type ReconciliationBreakRaised = DomainEvent<
  'ReconciliationBreakRaised',
  {
    readonly breakId: string;
    readonly bankId: string;
    readonly statementDate: LocalDate;
    readonly kind: BreakKind;
    readonly bankTransactionId: string;
    readonly statementAmountFen: number | null;
    readonly bookAmountFen: number | null;
    readonly at: string;
  }
>;
export type ReconciliationBreakResolved = DomainEvent<
  'ReconciliationBreakResolved',
  {
    readonly breakId: string;
    readonly bankId: string;
    readonly statementDate: LocalDate;
    readonly resolution: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type BankStatementEvent = BankStatementReceived | ReconciliationBreakRaised | ReconciliationBreakResolved;

/** One stream per bank per statement day. */
export interface BankStatementState {
  readonly received: { readonly lines: readonly CashMovement[] } | null;
  /** Break id → open (true) or resolved (false). */
  readonly breaks: Readonly<Record<string, boolean>>;
}

/** A break's id: the bank, the day and the transaction, so a break is named the same wherever it is shown. */
export function breakIdOf(bankId: string, statementDate: string, bankTransactionId: string): string {
  return `${bankId}:${statementDate}:${bankTransactionId}`;
}

export const bankStatementDecider: Decider<BankStatementCommand, BankStatementState, BankStatementEvent> = {
  initialState: () => ({ received: null, breaks: {} }),

  evolve(state, event) {
    switch (event.type) {
      case 'BankStatementReceived':
        return { ...state, received: { lines: event.data.lines } };
      case 'ReconciliationBreakRaised':
        return { ...state, breaks: { ...state.breaks, [event.data.breakId]: true } };
      case 'ReconciliationBreakResolved':
        return { ...state, breaks: { ...state.breaks, [event.data.breakId]: false } };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'SubmitBankStatement':
        return submitBankStatement(command, state);
      case 'ResolveReconciliationBreak':
        return resolveReconciliationBreak(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

/**
 * The statement is reconciled line by line the moment it arrives, and each break raised. The same
 * statement again changes nothing; a different one for a day already reconciled is refused (the
 * bank's correction is a matter for the managers, who resolve the breaks it explains).
 */
function submitBankStatement(command: SubmitBankStatement, state: BankStatementState): BankStatementEvent[] {
  // rule BILL-BANK-RECONCILIATION-BREAKS
  const { actor, book } = command.data;
  requireRole(actor, ['bank'], 'submit bank statements');
  const bankId = requireText(command.data.bankId, 'bankId');
  const statementDate = localDate(command.data.statementDate, 'statementDate');
  const at = requireInstant(command.data.at, 'at');
  const lines = command.data.lines.map((line, index) => requireStatementLine(line, index));
  const repeated = lines.find((line, index) => lines.findIndex((other) => other.bankTransactionId === line.bankTransactionId) !== index);
  if (repeated) {
    throw refuse.invalid('STATEMENT_LINE_REPEATED', `bank transaction ${repeated.bankTransactionId} appears twice in the statement`, 'lines', {
      bankTransactionId: repeated.bankTransactionId,
    });
  }
  if (state.received !== null) {
    if (sameLines(state.received.lines, lines)) return [];
    throw refuse.conflict('BANK_STATEMENT_ALREADY_RECEIVED', `the statement of ${statementDate} from ${bankId} was already received with other lines`, {
      bankId,
      statementDate,
    });
  }
  const received: BankStatementEvent = { type: 'BankStatementReceived', data: { bankId, statementDate, lines, bookedCount: book.length, actor, at } };
  const breaks = reconcile(lines, book).map((found): BankStatementEvent => ({
    type: 'ReconciliationBreakRaised',
    data: { breakId: breakIdOf(bankId, statementDate, found.bankTransactionId), bankId, statementDate, ...found, at },
  }));
  return [received, ...breaks];
}

function requireStatementLine(line: CashMovement, index: number): CashMovement {
  const bankTransactionId = requireText(line.bankTransactionId, `lines[${index}].bankTransactionId`);
  if (!Number.isSafeInteger(line.amountFen) || line.amountFen === 0) {
    throw refuse.invalid('NON_ZERO_INTEGER_REQUIRED', `lines[${index}].amountFen must be a whole number of fen other than 0`, `lines[${index}].amountFen`, {
      value: line.amountFen,
    });
  }
  return { bankTransactionId, amountFen: line.amountFen };
}

function sameLines(a: readonly CashMovement[], b: readonly CashMovement[]): boolean {
  const key = (lines: readonly CashMovement[]) => JSON.stringify([...lines].map((line) => [line.bankTransactionId, line.amountFen]).sort());
  return key(a) === key(b);
}

/** A manager resolves an open break with what explains it; a break stays an alarm until then. */
function resolveReconciliationBreak(command: ResolveReconciliationBreak, state: BankStatementState): BankStatementEvent[] {
  // rule BILL-BANK-RECONCILIATION-BREAKS
  const { actor, breakId } = command.data;
  requireRole(actor, ['manager'], 'resolve reconciliation breaks');
  const resolution = requireText(command.data.resolution, 'resolution');
  const at = requireInstant(command.data.at, 'at');
  const open = state.breaks[breakId];
  if (open === undefined || state.received === null) throw refuse.notFound('RECONCILIATION_BREAK_NOT_FOUND', `no reconciliation break ${breakId}`, { breakId });
  if (!open) throw refuse.conflict('RECONCILIATION_BREAK_RESOLVED', `break ${breakId} is already resolved`, { breakId });
  const [bankId, statementDate] = breakId.split(':') as [string, LocalDate];
  return [{ type: 'ReconciliationBreakResolved', data: { breakId, bankId, statementDate, resolution, actor, at } }];
}
