import { DomainEvent, LocalDate } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { BackingLot, Holder, ReceiptRecord } from '../../receipt/domain/receipt.record';
import { AppliedRule } from '../../receipt-rule/domain/receipt-rule.terms';

export interface PlannedReceipt {
  readonly receiptNumber: string;
  readonly weightKg: number;
  readonly lots: readonly BackingLot[];
  readonly productionDates: readonly LocalDate[];
}

interface Stamp {
  readonly applicationId: string;
  readonly actor: Actor;
  readonly at: string;
}

/** The warehouse applied; its handler holds every lot for this application in the same transaction. */
export type IssuanceApplied = DomainEvent<
  'IssuanceApplied',
  Stamp & {
    readonly warehouseId: string;
    readonly commodity: string;
    readonly brand: string;
    readonly grade: string;
    readonly holder: Holder;
    readonly receipts: readonly PlannedReceipt[];
    readonly storageFeesPaidThrough: LocalDate;
    /** The rule version the application was checked against (in force on the application date). */
    readonly rule: AppliedRule;
  }
>;

/** The exchange approved: the records to issue, each lot to back its receipt. */
export type IssuanceApproved = DomainEvent<
  'IssuanceApproved',
  Stamp & { readonly approvalReference: string; readonly issueDate: LocalDate; readonly receipts: readonly ReceiptRecord[] }
>;

/** Rejected by the exchange or withdrawn by the warehouse: the held lots are released. */
export type IssuanceRejected = DomainEvent<'IssuanceRejected', Stamp & { readonly reason: string; readonly lotIds: readonly string[] }>;
export type IssuanceWithdrawn = DomainEvent<'IssuanceWithdrawn', Stamp & { readonly reason: string; readonly lotIds: readonly string[] }>;

export type IssuanceEvent = IssuanceApplied | IssuanceApproved | IssuanceRejected | IssuanceWithdrawn;
