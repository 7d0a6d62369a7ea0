import type { Command, LocalDate, YearMonth } from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import type { FeeCharge, FeeSettlement } from './statement-book.events';

/** Facts consumed from billing.fee.v1 and billing.payment.v1, recorded once each however often they are delivered. */
export type RecordFeeCharge = Command<'RecordFeeCharge', FeeCharge & { readonly partyId: string; readonly accruedAt: string }>;
export type RecordFeeReversal = Command<
  'RecordFeeReversal',
  { readonly partyId: string; readonly feeId: string; readonly amountFen: number; readonly reason: string; readonly reversedAt: string }
>;
export type RecordPayment = Command<
  'RecordPayment',
  { readonly partyId: string; readonly paymentId: string; readonly amountFen: number; readonly valueDate: LocalDate; readonly bookedAt: string }
>;
export type RecordWithdrawalPaidOut = Command<
  'RecordWithdrawalPaidOut',
  { readonly partyId: string; readonly withdrawalId: string; readonly amountFen: number; readonly completedAt: string }
>;
export type RecordFeesSettlement = Command<
  'RecordFeesSettlement',
  { readonly partyId: string; readonly paymentId: string; readonly settlements: readonly FeeSettlement[]; readonly settledAt: string }
>;

/**
 * Issue every statement not issued yet, in order, through `through` (a month already ended on
 * `at` in Shanghai). The period-end schedule sends it for last month (`actor` null); a manager
 * may send it on demand for any ended month.
 */
export type IssueStatementsThrough = Command<
  'IssueStatementsThrough',
  { readonly partyId: string; readonly through: YearMonth; readonly trigger: 'period_end' | 'on_demand'; readonly actor: Actor | null; readonly at: string }
>;

export type AcceptStatement = Command<'AcceptStatement', { readonly partyId: string; readonly period: YearMonth; readonly actor: Actor; readonly at: string }>;
export type ObjectToStatement = Command<
  'ObjectToStatement',
  { readonly partyId: string; readonly period: YearMonth; readonly reason: string; readonly actor: Actor; readonly at: string }
>;
export type ResolveStatementObjection = Command<
  'ResolveStatementObjection',
  { readonly partyId: string; readonly period: YearMonth; readonly note: string; readonly reissue: boolean; readonly actor: Actor; readonly at: string }
>;

export type StatementBookCommand =
  | RecordFeeCharge
  | RecordFeeReversal
  | RecordPayment
  | RecordWithdrawalPaidOut
  | RecordFeesSettlement
  | IssueStatementsThrough
  | AcceptStatement
  | ObjectToStatement
  | ResolveStatementObjection;
