import { DomainEvent } from '@dw/kernel';
import { OrderType, WorkflowStep } from '@dw/work-orders';

/**
 * Inventory's own record of the work orders that authorise physical operations, taken from the
 * order service's events (order.work-order.v1). Inventory decides on this record, in its own
 * log, so a refusal never depends on a call to another service, and `rebuild` finds it again.
 */
export type OrderAuthorityOpened = DomainEvent<
  'OrderAuthorityOpened',
  {
    readonly orderId: string;
    readonly type: OrderType;
    readonly warehouse: string;
    readonly owner: string;
    readonly ownerParty: string;
    readonly commodity: string;
    /** The inbound notice's expectations; null for other order types. */
    readonly expected: { readonly pieces: number; readonly kg: number } | null;
    /**
     * The receipt entitlement an outbound order carries out (the only order its lots may ship
     * under); absent or null for other orders.
     */
    readonly entitlement?: OrderEntitlement | null;
    readonly workflowId: string;
    readonly workflowVersion: number;
    readonly steps: readonly WorkflowStep[];
    readonly openedAt: string;
  }
>;

export interface OrderEntitlement {
  readonly entitlementId: string;
  readonly receiptNumber: string;
  readonly lots: readonly { readonly lotId: string; readonly pieces: number; readonly netKg: number }[];
}

export type OrderAuthorityStepRecorded = DomainEvent<
  'OrderAuthorityStepRecorded',
  { readonly orderId: string; readonly step: string; readonly sequence: number; readonly recordedBy: string; readonly recordedAt: string }
>;

export type OrderAuthorityClosed = DomainEvent<
  'OrderAuthorityClosed',
  { readonly orderId: string; readonly status: 'completed' | 'cancelled'; readonly closedAt: string }
>;

export type OrderAuthorityEvent = OrderAuthorityOpened | OrderAuthorityStepRecorded | OrderAuthorityClosed;
