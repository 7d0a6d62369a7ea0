import { foldEvents, localDate, type YearMonth } from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import type { StatementBookCommand } from './statement-book.commands';
import { statementBookDecider, type StatementBookState } from './statement-book.decider';
import type { FeeCharge, StatementBookEvent } from './statement-book.events';

export const PARTY = 'P-HENGDA';
export const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
export const hengda: Actor = { subject: 'dep-hengda', role: 'depositor', partyId: PARTY };
export const month = (text: string) => text as YearMonth;

/** A storage charge of one receipt for one day, charged that day (the accrual part's FeeAccrued, as recorded). */
export function storageCharge(receiptNumber: string, day: string, weightKg: number, rateFen: number, amountFen: number): FeeCharge {
  return {
    feeId: `storage:${receiptNumber}:${day}`,
    item: 'storage',
    receiptNumber,
    lotId: null,
    serviceDate: localDate(day),
    chargedOn: localDate(day),
    weightKg,
    rateFen,
    amountFen,
    rateSource: 'contract',
    rateVersion: 1,
  };
}

export function transferCharge(transferId: string, receiptNumber: string, day: string, weightKg: number, rateFen: number, amountFen: number): FeeCharge {
  return { ...storageCharge(receiptNumber, day, weightKg, rateFen, amountFen), feeId: `transfer:${transferId}`, item: 'transfer', rateSource: 'default' };
}

export const recordCharge = (charge: FeeCharge): StatementBookCommand => ({
  type: 'RecordFeeCharge',
  data: { ...charge, partyId: PARTY, accruedAt: `${charge.chargedOn}T10:00:00Z` },
});
export const recordPayment = (paymentId: string, amountFen: number, valueDate: string): StatementBookCommand => ({
  type: 'RecordPayment',
  data: { partyId: PARTY, paymentId, amountFen, valueDate: localDate(valueDate), bookedAt: `${valueDate}T03:00:00Z` },
});
export const recordWithdrawal = (withdrawalId: string, amountFen: number, completedAt: string): StatementBookCommand => ({
  type: 'RecordWithdrawalPaidOut',
  data: { partyId: PARTY, withdrawalId, amountFen, completedAt },
});
export const recordReversal = (feeId: string, amountFen: number, reversedAt: string): StatementBookCommand => ({
  type: 'RecordFeeReversal',
  data: { partyId: PARTY, feeId, amountFen, reason: 'the day belonged to another holder', reversedAt },
});
export const issueThrough = (through: string, at: string, actor: Actor | null = null): StatementBookCommand => ({
  type: 'IssueStatementsThrough',
  data: { partyId: PARTY, through: month(through), trigger: actor ? 'on_demand' : 'period_end', actor, at },
});

/** Runs commands one after another through the decider, as the command handlers do, and returns every event and the state. */
export function run(
  commands: readonly StatementBookCommand[],
  from: readonly StatementBookEvent[] = [],
): { events: StatementBookEvent[]; state: StatementBookState } {
  const events: StatementBookEvent[] = [...from];
  for (const command of commands) {
    events.push(...statementBookDecider.decide(command, foldEvents(statementBookDecider, events)));
  }
  return { events, state: foldEvents(statementBookDecider, events) };
}
