import { type Decider, type LocalDate, type YearMonth, refuse, requireText, shanghaiDateOf, unhandledCommand } from '@dw/kernel';
import { requireRole, type Actor } from '../../common/domain/actor';
import type {
  AcceptStatement,
  IssueStatementsThrough,
  ObjectToStatement,
  RecordFeeCharge,
  RecordFeeReversal,
  RecordFeesSettlement,
  RecordPayment,
  RecordWithdrawalPaidOut,
  ResolveStatementObjection,
  StatementBookCommand,
} from './statement-book.commands';
import type { StatementBookEvent, StatementIssued, StatementLine, StatementTotals, StatementTrigger } from './statement-book.events';
import { composeStatement, plainLine, type PendingLine } from './statement-lines';
import { lastDayOf, nextPeriod, periodOf, periodsFromThrough } from './statement-period';

export type StatementStatus = 'issued' | 'accepted' | 'objected' | 'resolved';

/** The latest version of one period's statement. */
export interface Statement extends StatementTotals {
  readonly statementId: string;
  readonly period: YearMonth;
  readonly version: number;
  readonly status: StatementStatus;
  readonly lines: readonly StatementLine[];
  readonly issuedAt: string;
}

export interface StatementBookState {
  /** Every fact id recorded (`charge:<feeId>`, `reversal:<feeId>`, `payment:<id>`, `withdrawal:<id>`, `settlement:<paymentId>`). */
  readonly recorded: ReadonlySet<string>;
  /** chargedOn of every charge recorded, by fee id: a reversal is dated as its charge. */
  readonly chargedOn: ReadonlyMap<string, LocalDate>;
  /** Fen of each fee settled by payments (FeesSettled), by fee id. */
  readonly settledFen: ReadonlyMap<string, number>;
  /** Facts recorded and not on any statement yet. */
  readonly pending: readonly PendingLine[];
  /** By period, ascending. */
  readonly statements: readonly Statement[];
}

export const statementIdOf = (partyId: string, period: YearMonth): string => `STMT-${period}-${partyId}`;

export const statementBookDecider: Decider<StatementBookCommand, StatementBookState, StatementBookEvent> = {
  initialState: () => ({ recorded: new Set(), chargedOn: new Map(), settledFen: new Map(), pending: [], statements: [] }),

  evolve(state, event) {
    switch (event.type) {
      case 'FeeChargeRecorded': {
        const { feeId, item, receiptNumber, lotId, serviceDate, chargedOn, weightKg, rateFen, rateSource, rateVersion, amountFen } = event.data;
        const line: PendingLine = {
          kind: 'charge',
          reference: feeId,
          date: chargedOn,
          item,
          receiptNumber,
          lotId,
          serviceDate,
          weightKg,
          rateFen,
          rateSource,
          rateVersion,
          amountFen,
        };
        return { ...recordedIn(state, `charge:${feeId}`), chargedOn: new Map(state.chargedOn).set(feeId, chargedOn), pending: [...state.pending, line] };
      }
      case 'FeeReversalRecorded':
        return {
          ...recordedIn(state, `reversal:${event.data.feeId}`),
          pending: [...state.pending, plainLine('reversal', event.data.feeId, event.data.dated, -event.data.amountFen)],
        };
      case 'PaymentRecorded':
        return {
          ...recordedIn(state, `payment:${event.data.paymentId}`),
          pending: [...state.pending, plainLine('payment', event.data.paymentId, event.data.valueDate, -event.data.amountFen)],
        };
      case 'WithdrawalPaidOutRecorded':
        return {
          ...recordedIn(state, `withdrawal:${event.data.withdrawalId}`),
          pending: [...state.pending, plainLine('withdrawal', event.data.withdrawalId, event.data.paidOn, event.data.amountFen)],
        };
      case 'FeesSettlementRecorded': {
        const settledFen = new Map(state.settledFen);
        for (const { feeId, amountFen } of event.data.settlements) settledFen.set(feeId, (settledFen.get(feeId) ?? 0) + amountFen);
        return { ...recordedIn(state, `settlement:${event.data.paymentId}`), settledFen };
      }
      case 'StatementIssued':
        return issuedIn(state, event);
      case 'StatementAccepted':
        return withStatus(state, event.data.statementId, 'accepted');
      case 'StatementObjected':
        return withStatus(state, event.data.statementId, 'objected');
      case 'StatementObjectionResolved':
        return withStatus(state, event.data.statementId, 'resolved');
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RecordFeeCharge':
        return recordFeeCharge(command, state);
      case 'RecordFeeReversal':
        return recordFeeReversal(command, state);
      case 'RecordPayment':
        return recordPayment(command, state);
      case 'RecordWithdrawalPaidOut':
        return recordWithdrawalPaidOut(command, state);
      case 'RecordFeesSettlement':
        return recordFeesSettlement(command, state);
      case 'IssueStatementsThrough':
        return issueStatementsThrough(command, state);
      case 'AcceptStatement':
        return acceptStatement(command, state);
      case 'ObjectToStatement':
        return objectToStatement(command, state);
      case 'ResolveStatementObjection':
        return resolveStatementObjection(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

function recordedIn(state: StatementBookState, key: string): StatementBookState {
  return { ...state, recorded: new Set(state.recorded).add(key) };
}

/** The issued lines leave `pending`; the statement replaces an earlier version of its period. */
function issuedIn(state: StatementBookState, event: StatementIssued): StatementBookState {
  const { statementId, period, version, lines, issuedAt, openingBalanceFen, chargesFen, reversalsFen, paymentsFen, withdrawalsFen, closingBalanceFen } =
    event.data;
  const stated = new Set(lines.map(lineKeyOf));
  const statement: Statement = {
    statementId,
    period,
    version,
    status: 'issued',
    lines,
    issuedAt,
    openingBalanceFen,
    chargesFen,
    reversalsFen,
    paymentsFen,
    withdrawalsFen,
    closingBalanceFen,
  };
  return {
    ...state,
    pending: state.pending.filter((line) => !stated.has(lineKeyOf(line))),
    statements: [...state.statements.filter((existing) => existing.period !== period), statement].sort((a, b) => a.period.localeCompare(b.period)),
  };
}

function withStatus(state: StatementBookState, statementId: string, status: StatementStatus): StatementBookState {
  return { ...state, statements: state.statements.map((statement) => (statement.statementId === statementId ? { ...statement, status } : statement)) };
}

/**
 * How much of a statement's fees is settled: its charges that no reversal on it cancels, and the
 * fen settled of each (never more than the charge). An invoice is asked for once they are equal.
 */
export function settlementOf(statement: Statement, settled: ReadonlyMap<string, number>): { chargedFen: number; settledFen: number } {
  const reversed = new Set(statement.lines.filter((line) => line.kind === 'reversal').map((line) => line.reference));
  const charges = statement.lines.filter((line) => line.kind === 'charge' && !reversed.has(line.reference));
  return {
    chargedFen: charges.reduce((sum, line) => sum + line.amountFen, 0),
    settledFen: charges.reduce((sum, line) => sum + Math.min(settled.get(line.reference) ?? 0, line.amountFen), 0),
  };
}

const lineKeyOf = (line: PendingLine): string => `${line.kind}:${line.reference}`;

function recordFeeCharge(command: RecordFeeCharge, state: StatementBookState): StatementBookEvent[] {
  if (state.recorded.has(`charge:${command.data.feeId}`)) return [];
  return [{ type: 'FeeChargeRecorded', data: command.data }];
}

function recordFeeReversal(command: RecordFeeReversal, state: StatementBookState): StatementBookEvent[] {
  const { partyId, feeId, amountFen, reason, reversedAt } = command.data;
  if (state.recorded.has(`reversal:${feeId}`)) return [];
  // rule BILL-STATEMENT-LATE-FACTS
  const dated = state.chargedOn.get(feeId) ?? shanghaiDateOf(new Date(reversedAt), 'reversedAt');
  return [{ type: 'FeeReversalRecorded', data: { partyId, feeId, amountFen, reason, dated, reversedAt } }];
}

function recordPayment(command: RecordPayment, state: StatementBookState): StatementBookEvent[] {
  if (state.recorded.has(`payment:${command.data.paymentId}`)) return [];
  return [{ type: 'PaymentRecorded', data: command.data }];
}

function recordWithdrawalPaidOut(command: RecordWithdrawalPaidOut, state: StatementBookState): StatementBookEvent[] {
  const { partyId, withdrawalId, amountFen, completedAt } = command.data;
  if (state.recorded.has(`withdrawal:${withdrawalId}`)) return [];
  return [
    {
      type: 'WithdrawalPaidOutRecorded',
      data: { partyId, withdrawalId, amountFen, paidOn: shanghaiDateOf(new Date(completedAt), 'completedAt'), completedAt },
    },
  ];
}

function recordFeesSettlement(command: RecordFeesSettlement, state: StatementBookState): StatementBookEvent[] {
  if (state.recorded.has(`settlement:${command.data.paymentId}`)) return [];
  return [{ type: 'FeesSettlementRecorded', data: command.data }];
}

/**
 * Issues, in order, every period's statement from the first not issued yet (the month of the
 * party's earliest fact when none is) through `through`, which must have ended in Shanghai.
 * Running it again issues nothing: the period-end schedule may run as often as it likes and
 * catches up every month it missed.
 */
function issueStatementsThrough(command: IssueStatementsThrough, state: StatementBookState): StatementBookEvent[] {
  // rule BILL-STATEMENT-MONTHLY
  const { partyId, through, trigger, actor, at } = command.data;
  if (actor) requireRole(actor, ['manager'], 'issue statements');
  const currentPeriod = periodOf(shanghaiDateOf(new Date(at), 'at'));
  if (through >= currentPeriod) {
    throw refuse.invalid('STATEMENT_PERIOD_NOT_ENDED', `the statement for ${through} is issued after the month ends in Shanghai`, 'period', {
      period: through,
      currentPeriod,
    });
  }
  const latest = state.statements.at(-1);
  const first = latest ? nextPeriod(latest.period) : earliestPeriodOf(state.pending);
  if (first === null) return [];
  const events: StatementIssued[] = [];
  let opening = latest?.closingBalanceFen ?? 0;
  let pending = state.pending;
  for (const period of periodsFromThrough(first, through)) {
    const issued = statementIssued(partyId, period, 1, trigger, opening, [], pending, actor, at);
    events.push(issued);
    opening = issued.data.closingBalanceFen;
    const stated = new Set(issued.data.lines.map(lineKeyOf));
    pending = pending.filter((line) => !stated.has(lineKeyOf(line)));
  }
  return events;
}

function earliestPeriodOf(pending: readonly PendingLine[]): YearMonth | null {
  const dates = pending.map((line) => line.date).sort();
  return dates.length === 0 ? null : periodOf(dates[0]!);
}

/**
 * A statement of `period` takes the lines it carries over (an earlier version's, when it is
 * reissued) and every fact not on a statement yet dated on or before the period's last day: a
 * fact that arrives after its month's statement was issued goes on the next statement issued.
 */
function statementIssued(
  partyId: string,
  period: YearMonth,
  version: number,
  trigger: StatementTrigger,
  openingBalanceFen: number,
  carried: readonly PendingLine[],
  pending: readonly PendingLine[],
  actor: Actor | null,
  at: string,
): StatementIssued {
  // rule BILL-STATEMENT-LATE-FACTS
  const lastDay = lastDayOf(period);
  const { lines, totals } = composeStatement(openingBalanceFen, [...carried, ...pending.filter((line) => line.date <= lastDay)]);
  return {
    type: 'StatementIssued',
    data: { partyId, statementId: statementIdOf(partyId, period), period, version, trigger, ...totals, lines, actor, issuedAt: at },
  };
}

/** The statement of `period` as the reviewing depositor may see it: another party's answers as a missing one. */
function statementFor(state: StatementBookState, partyId: string, period: YearMonth, actor: Actor): Statement {
  const statement = state.statements.find((candidate) => candidate.period === period);
  const visible = actor.role !== 'depositor' || actor.partyId === partyId;
  if (!statement || !visible) {
    throw refuse.notFound('STATEMENT_NOT_FOUND', `no statement ${statementIdOf(partyId, period)}`, { statementId: statementIdOf(partyId, period) });
  }
  return statement;
}

function requireIssued(statement: Statement): void {
  if (statement.status !== 'issued') {
    throw refuse.conflict('STATEMENT_ALREADY_REVIEWED', `statement ${statement.statementId} version ${statement.version} is already ${statement.status}`, {
      statementId: statement.statementId,
      version: statement.version,
      status: statement.status,
    });
  }
}

function acceptStatement(command: AcceptStatement, state: StatementBookState): StatementBookEvent[] {
  // rule BILL-STATEMENT-REVIEW
  const { partyId, period, actor, at } = command.data;
  requireRole(actor, ['depositor'], 'review statements');
  const statement = statementFor(state, partyId, period, actor);
  requireIssued(statement);
  return [{ type: 'StatementAccepted', data: { partyId, statementId: statement.statementId, version: statement.version, actor, at } }];
}

function objectToStatement(command: ObjectToStatement, state: StatementBookState): StatementBookEvent[] {
  // rule BILL-STATEMENT-REVIEW
  const { partyId, period, actor, at } = command.data;
  requireRole(actor, ['depositor'], 'review statements');
  const statement = statementFor(state, partyId, period, actor);
  const reason = requireText(command.data.reason, 'reason');
  requireIssued(statement);
  return [{ type: 'StatementObjected', data: { partyId, statementId: statement.statementId, version: statement.version, reason, actor, at } }];
}

/**
 * The warehouse answers an objection with a note. A correction reaches the book as a fee
 * reversal (and a corrected fee) through billing.fee.v1 like any other; reissuing puts it on a
 * new version of the statement, which the depositor reviews again. Only the latest period's
 * statement is reissued: a later statement opened at this one's close, so a correction found
 * after it goes on the next statement instead.
 */
function resolveStatementObjection(command: ResolveStatementObjection, state: StatementBookState): StatementBookEvent[] {
  // rule BILL-STATEMENT-REVIEW
  const { partyId, period, reissue, actor, at } = command.data;
  requireRole(actor, ['manager'], 'resolve statement objections');
  const statement = statementFor(state, partyId, period, actor);
  const note = requireText(command.data.note, 'note');
  if (statement.status !== 'objected') {
    throw refuse.conflict('STATEMENT_NOT_OBJECTED', `statement ${statement.statementId} version ${statement.version} is ${statement.status}, not objected to`, {
      statementId: statement.statementId,
      status: statement.status,
    });
  }
  const resolved: StatementBookEvent = {
    type: 'StatementObjectionResolved',
    data: { partyId, statementId: statement.statementId, version: statement.version, note, reissued: reissue, actor, at },
  };
  if (!reissue) return [resolved];
  const latest = state.statements.at(-1)!;
  if (latest.period !== period) {
    throw refuse.conflict(
      'STATEMENT_NOT_LATEST',
      `statement ${statement.statementId} is followed by ${latest.statementId}; a correction goes on the next statement`,
      {
        statementId: statement.statementId,
        latest: latest.statementId,
      },
    );
  }
  const carried = statement.lines.map(({ lineNo: _lineNo, ...line }) => line);
  return [resolved, statementIssued(partyId, period, statement.version + 1, 'reissue', statement.openingBalanceFen, carried, state.pending, actor, at)];
}
