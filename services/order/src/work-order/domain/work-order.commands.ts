import { Command } from '@dw/kernel';
import { OrderType } from '@dw/work-orders';
import { ArrivalMode } from '../../workflow/domain/workflow-key';
import { PublishedWorkflow } from '../../workflow/domain/workflow-selection';
import { InboundNotice } from './inbound-notice';
import { PickupApplication } from '../../pickup/domain/pickup-application';

/**
 * Work-order commands. `actor` (who) and `at` (ISO instant, when) are set by the command
 * handler from the authenticated caller and the injected Clock, never by the decider.
 */
interface Stamped {
  readonly orderId: string;
  readonly actor: string;
  readonly at: string;
}

/**
 * A receipt cancellation (注销) that entitles its holder to take the goods out: the outbound
 * order opened from it names the receipt and the lots it released.
 */
export interface OutboundEntitlement {
  readonly entitlementId: string;
  readonly receiptNumber: string;
  readonly lots: readonly { readonly lotId: string; readonly pieces: number; readonly netKg: number }[];
}

/** The holder's pickup application an outbound order opens from, with who made it and when. */
export interface OrderPickup {
  readonly application: PickupApplication;
  /** The depositor who applied (token subject). */
  readonly appliedBy: string;
  readonly appliedAt: string;
}

/**
 * The receipt transfer (过户) a title-transfer order is for: it completes when the receipt service
 * reports this receipt transferred to this buyer's card (ReceiptTitleTransferred), which it does
 * only after its error-proofing check (rule RCPT-TRANSFER-MATCH) passed.
 */
export interface TitleTransferTarget {
  readonly receiptNumber: string;
  readonly buyerStorageCard: string;
}

/** Drafts an outbound, title-transfer, move or stocktake order; inbound ones come from a notice. */
export type DraftWorkOrder = Command<
  'DraftWorkOrder',
  Stamped & {
    readonly type: Exclude<OrderType, 'inbound'>;
    readonly warehouse: string;
    /** The depositor's storage card the order acts for. */
    readonly owner: string;
    /** The depositor party holding that card: what lets a depositor see the order, and its goods. */
    readonly ownerParty: string;
    readonly commodity: string;
    /** How goods leave, for outbound orders; null for the other types. */
    readonly arrivalMode: ArrivalMode | null;
    /** Only for outbound orders, when opened from a receipt cancellation. */
    readonly entitlement?: OutboundEntitlement | null;
    /** Only with an entitlement: the holder's pickup application the order opens from. */
    readonly pickup?: OrderPickup | null;
    /** Required for title-transfer orders, and only for them. */
    readonly transfer?: TitleTransferTarget | null;
    /** Required for an outbound order drafted at the desk (no entitlement): the lots it takes out. */
    readonly lots?: readonly string[] | null;
    /** Set by the handler: the lots named that back live receipts, with those receipts. */
    readonly liveReceiptLots?: readonly { readonly lotId: string; readonly receiptNumbers: readonly string[] }[];
  }
>;

/** Drafts an inbound order from a depositor's inbound notice (owner = the notice's storage card). */
export type DraftInboundOrder = Command<
  'DraftInboundOrder',
  Stamped & { readonly warehouse: string; readonly ownerParty: string; readonly notice: InboundNotice }
>;

/** Opens a draft, pinning the workflow version chosen for it (see selectWorkflow). */
export type OpenWorkOrder = Command<'OpenWorkOrder', Stamped & { readonly workflow: PublishedWorkflow }>;

/** Evidence a step's check demands: the ids of the scale readings or inspection reports. */
export interface StepEvidence {
  readonly kind: 'scale_reading' | 'inspection_report';
  readonly refs: readonly string[];
}

/** Records that a workflow step is done. */
export type RecordStep = Command<'RecordStep', Stamped & { readonly step: string; readonly evidence: StepEvidence | null }>;

export type CompleteWorkOrder = Command<'CompleteWorkOrder', Stamped>;

/** Another service's fact that closes the order: its full event type and what it names (an entitlement, a transfer). */
export interface CompletionCause {
  readonly eventType: string;
  readonly reference: string;
}

/**
 * Completes an order because another service reports its work done (every lot of its
 * entitlement shipped; the receipt's title transferred), not on the desk's word.
 */
export type CompleteOnFact = Command<'CompleteOnFact', Stamped & { readonly cause: CompletionCause }>;

export type CancelWorkOrder = Command<'CancelWorkOrder', Stamped & { readonly reason: string }>;

export type WorkOrderCommand = DraftWorkOrder | DraftInboundOrder | OpenWorkOrder | RecordStep | CompleteWorkOrder | CompleteOnFact | CancelWorkOrder;
