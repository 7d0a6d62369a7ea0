import type { DomainEvent, LocalDate, YearMonth } from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';

/**
 * One stream per depositor party: the billing facts its statements are drawn from (recorded as
 * they arrive on billing.fee.v1 and billing.payment.v1) and the statements issued from them, so
 * every fact lands on exactly one statement and each statement opens at its predecessor's close.
 */
export interface FeeCharge {
  readonly feeId: string;
  readonly item: string;
  readonly receiptNumber: string | null;
  readonly lotId: string | null;
  readonly serviceDate: LocalDate;
  readonly chargedOn: LocalDate;
  readonly weightKg: number;
  readonly rateFen: number;
  readonly amountFen: number;
  readonly rateSource: string;
  readonly rateVersion: number;
}

export type FeeChargeRecorded = DomainEvent<'FeeChargeRecorded', FeeCharge & { readonly partyId: string; readonly accruedAt: string }>;

/** `dated`: the reversed charge's chargedOn when it was recorded here, so a correction belongs to the charge's period. */
export type FeeReversalRecorded = DomainEvent<
  'FeeReversalRecorded',
  {
    readonly partyId: string;
    readonly feeId: string;
    readonly amountFen: number;
    readonly reason: string;
    readonly dated: LocalDate;
    readonly reversedAt: string;
  }
>;

export type PaymentRecorded = DomainEvent<
  'PaymentRecorded',
  { readonly partyId: string; readonly paymentId: string; readonly amountFen: number; readonly valueDate: LocalDate; readonly bookedAt: string }
>;

export type WithdrawalPaidOutRecorded = DomainEvent<
  'WithdrawalPaidOutRecorded',
  { readonly partyId: string; readonly withdrawalId: string; readonly amountFen: number; readonly paidOn: LocalDate; readonly completedAt: string }
>;

export interface FeeSettlement {
  readonly feeId: string;
  readonly amountFen: number;
}

export type FeesSettlementRecorded = DomainEvent<
  'FeesSettlementRecorded',
  { readonly partyId: string; readonly paymentId: string; readonly settlements: readonly FeeSettlement[]; readonly settledAt: string }
>;

export type StatementLineKind = 'charge' | 'reversal' | 'payment' | 'withdrawal';

/**
 * One line of a statement. `amountFen` is signed as it moves what the party owes: a charge and
 * a withdrawal paid out add, a reversal and a payment subtract. Charge lines carry the rate used.
 */
export interface StatementLine {
  readonly lineNo: number;
  readonly kind: StatementLineKind;
  /** The fee, payment or withdrawal id. */
  readonly reference: string;
  readonly date: LocalDate;
  readonly item: string | null;
  readonly receiptNumber: string | null;
  readonly lotId: string | null;
  readonly serviceDate: LocalDate | null;
  readonly weightKg: number | null;
  readonly rateFen: number | null;
  readonly rateSource: string | null;
  readonly rateVersion: number | null;
  readonly amountFen: number;
}

export interface StatementTotals {
  readonly openingBalanceFen: number;
  readonly chargesFen: number;
  readonly reversalsFen: number;
  readonly paymentsFen: number;
  readonly withdrawalsFen: number;
  readonly closingBalanceFen: number;
}

export type StatementTrigger = 'period_end' | 'on_demand' | 'reissue';

export type StatementIssued = DomainEvent<
  'StatementIssued',
  StatementTotals & {
    readonly partyId: string;
    readonly statementId: string;
    readonly period: YearMonth;
    readonly version: number;
    readonly trigger: StatementTrigger;
    readonly lines: readonly StatementLine[];
    /** null when the period-end schedule issued it. */
    readonly actor: Actor | null;
    readonly issuedAt: string;
  }
>;

export type StatementAccepted = DomainEvent<
  'StatementAccepted',
  { readonly partyId: string; readonly statementId: string; readonly version: number; readonly actor: Actor; readonly at: string }
>;

export type StatementObjected = DomainEvent<
  'StatementObjected',
  { readonly partyId: string; readonly statementId: string; readonly version: number; readonly reason: string; readonly actor: Actor; readonly at: string }
>;

export type StatementObjectionResolved = DomainEvent<
  'StatementObjectionResolved',
  {
    readonly partyId: string;
    readonly statementId: string;
    readonly version: number;
    readonly note: string;
    readonly reissued: boolean;
    readonly actor: Actor;
    readonly at: string;
  }
>;

export type StatementBookEvent =
  | FeeChargeRecorded
  | FeeReversalRecorded
  | PaymentRecorded
  | WithdrawalPaidOutRecorded
  | FeesSettlementRecorded
  | StatementIssued
  | StatementAccepted
  | StatementObjected
  | StatementObjectionResolved;
