import { DomainEvent } from '@dw/kernel';
import { OrderType } from '@dw/work-orders';
import { ArrivalMode } from '../../workflow/domain/workflow-key';
import { PublishedWorkflow } from '../../workflow/domain/workflow-selection';
import { CompletionCause, OrderPickup, OutboundEntitlement, StepEvidence, TitleTransferTarget } from './work-order.commands';
import { InboundNotice } from './inbound-notice';

interface Stamped {
  readonly orderId: string;
  readonly actor: string;
  readonly at: string;
}

export type WorkOrderDrafted = DomainEvent<
  'WorkOrderDrafted',
  Stamped & {
    readonly type: OrderType;
    readonly warehouse: string;
    readonly owner: string;
    readonly ownerParty: string;
    readonly commodity: string;
    readonly arrivalMode: ArrivalMode | null;
    /** Present exactly for inbound orders. */
    readonly notice: InboundNotice | null;
    /** Present for outbound orders opened from a receipt cancellation. */
    readonly entitlement: OutboundEntitlement | null;
    /** Present for outbound orders opened from a pickup application (absent from drafts recorded before applications existed). */
    readonly pickup?: OrderPickup | null;
    /** Present for title-transfer orders (absent from drafts recorded before it was required). */
    readonly transfer?: TitleTransferTarget | null;
    /** Present for outbound orders drafted at the desk: the lots they take out. */
    readonly lotIds?: readonly string[];
  }
>;

/** The order became actionable under `workflow`, pinned for the rest of its life. */
export type WorkOrderOpened = DomainEvent<'WorkOrderOpened', Stamped & { readonly workflow: PublishedWorkflow }>;

export type WorkOrderStepRecorded = DomainEvent<
  'WorkOrderStepRecorded',
  Stamped & {
    readonly step: string;
    readonly name: string;
    /** 1 for the first step recorded under the order, 2 for the next, ... */
    readonly sequence: number;
    readonly evidence: StepEvidence | null;
    readonly movesGoods: boolean;
  }
>;

export type WorkOrderCompleted = DomainEvent<
  'WorkOrderCompleted',
  Stamped & {
    readonly steps: readonly string[];
    /** Set when another service's fact completed the order rather than the desk. */
    readonly cause?: CompletionCause;
  }
>;

export type WorkOrderCancelled = DomainEvent<
  'WorkOrderCancelled',
  Stamped & { readonly reason: string; readonly previousStatus: 'draft' | 'open' | 'in_progress' }
>;

export type WorkOrderEvent = WorkOrderDrafted | WorkOrderOpened | WorkOrderStepRecorded | WorkOrderCompleted | WorkOrderCancelled;
