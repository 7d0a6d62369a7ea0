import { OrderType, WorkOrderStatus } from '@dw/work-orders';
import { ArrivalMode } from '../../workflow/domain/workflow-key';
import { PublishedWorkflow } from '../../workflow/domain/workflow-selection';
import { CompletionCause, OrderPickup, OutboundEntitlement, StepEvidence, TitleTransferTarget } from './work-order.commands';
import { WorkOrderEvent } from './work-order.events';
import { InboundNotice } from './inbound-notice';

/** One step done under the order: the order's history. */
export interface StepRecord {
  readonly step: string;
  readonly name: string;
  readonly evidence: StepEvidence | null;
  readonly movesGoods: boolean;
  readonly actor: string;
  readonly at: string;
}

export interface WorkOrder {
  readonly status: WorkOrderStatus;
  readonly orderId: string;
  readonly type: OrderType;
  readonly warehouse: string;
  readonly owner: string;
  readonly ownerParty: string;
  readonly commodity: string;
  readonly arrivalMode: ArrivalMode | null;
  readonly notice: InboundNotice | null;
  readonly entitlement: OutboundEntitlement | null;
  readonly pickup: OrderPickup | null;
  readonly transfer: TitleTransferTarget | null;
  /** The lots a desk-drafted outbound order takes out (empty otherwise). */
  readonly lotIds: readonly string[];
  /** Null while a draft; pinned when opened and never replaced. */
  readonly workflow: PublishedWorkflow | null;
  readonly history: readonly StepRecord[];
  readonly cancelReason: string | null;
  /** Who completed the order and when, and the other service's fact that did, if one did. */
  readonly completion: { readonly actor: string; readonly at: string; readonly cause: CompletionCause | null } | null;
}

export type WorkOrderState = { readonly status: 'none' } | WorkOrder;

export const initialWorkOrderState = (): WorkOrderState => ({ status: 'none' });

export function evolveWorkOrder(state: WorkOrderState, event: WorkOrderEvent): WorkOrderState {
  if (event.type === 'WorkOrderDrafted') {
    const { orderId, type, warehouse, owner, ownerParty, commodity, arrivalMode, notice, entitlement } = event.data;
    return {
      status: 'draft',
      orderId,
      type,
      warehouse,
      owner,
      ownerParty,
      commodity,
      arrivalMode,
      notice,
      entitlement,
      pickup: event.data.pickup ?? null,
      transfer: event.data.transfer ?? null,
      lotIds: event.data.lotIds ?? [],
      workflow: null,
      history: [],
      cancelReason: null,
      completion: null,
    };
  }
  // Every later event follows a WorkOrderDrafted in the same stream.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'WorkOrderOpened':
      return { ...state, status: 'open', workflow: event.data.workflow };
    case 'WorkOrderStepRecorded': {
      const { step, name, evidence, movesGoods, actor, at } = event.data;
      return { ...state, status: 'in_progress', history: [...state.history, { step, name, evidence, movesGoods, actor, at }] };
    }
    case 'WorkOrderCompleted':
      return { ...state, status: 'completed', completion: { actor: event.data.actor, at: event.data.at, cause: event.data.cause ?? null } };
    case 'WorkOrderCancelled':
      return { ...state, status: 'cancelled', cancelReason: event.data.reason };
  }
}
