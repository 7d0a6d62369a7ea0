import { DomainError, refuse } from '@dw/kernel';
import { OrderType, WorkOrderStatus } from './work-order-kinds';
import { WorkflowStep } from './workflow-step';
import { stepProgress } from './workflow-progress';

/**
 * "No physical operation without authority" (订单管理模块化: any unauthorised operation is
 * stopped at the source; rule INV-NO-OP-WITHOUT-ORDER). Inventory asks this of its read model of
 * work orders before it scans, weighs, puts away, moves, loads or counts anything.
 */
export const PHYSICAL_OPERATIONS = ['receive', 'weigh', 'inspect', 'put_away', 'pick', 'load', 'move', 'count', 'transfer_title'] as const;
export type PhysicalOperation = (typeof PHYSICAL_OPERATIONS)[number];

/** Which order types may authorise each operation (goods are weighed coming in and going out). */
export const ORDER_TYPES_FOR_OPERATION: Readonly<Record<PhysicalOperation, readonly OrderType[]>> = {
  receive: ['inbound'],
  weigh: ['inbound', 'outbound'],
  inspect: ['inbound'],
  put_away: ['inbound'],
  pick: ['outbound'],
  load: ['outbound'],
  move: ['move'],
  count: ['stocktake'],
  transfer_title: ['title_transfer'],
};

/**
 * The part of a work order the question needs; `WorkOrder` satisfies it, and so does a read
 * model built from the order's public events.
 */
export interface AuthorisingOrderView {
  readonly orderId: string;
  readonly status: WorkOrderStatus;
  readonly type: OrderType;
  readonly warehouse: string;
  readonly owner: string;
  readonly workflow: { readonly steps: readonly WorkflowStep[] } | null;
  readonly history: readonly { readonly step: string }[];
}

export interface AuthorisationRequest {
  readonly operation: PhysicalOperation;
  readonly warehouse: string;
  /** Storage card whose goods are touched. */
  readonly owner: string;
  /** The workflow step the operation is part of; it must be one the workflow allows next. */
  readonly step: string;
}

export type Authorisation =
  { readonly authorised: true; readonly orderId: string; readonly step: string } | { readonly authorised: false; readonly refusal: DomainError };

/**
 * Answers whether `order` authorises the operation. An operation belongs to the step being worked
 * on: scans are authorised while `unload_tally` is next, and refused once it is recorded done.
 */
export function authorises(order: AuthorisingOrderView | { readonly status: 'none' } | null | undefined, request: AuthorisationRequest): Authorisation {
  // rules INV-NO-OP-WITHOUT-ORDER, INV-OP-AT-ITS-STEP
  const refused = (refusal: DomainError): Authorisation => ({ authorised: false, refusal });
  const acceptedTypes = ORDER_TYPES_FOR_OPERATION[request.operation];
  if (!acceptedTypes) {
    return refused(refuse.invalid('OPERATION_INVALID', `unknown operation ${request.operation}`, 'operation', { operation: request.operation }));
  }
  const noOrder = (reason: string, details: Record<string, unknown> = {}) =>
    refused(
      refuse.forbidden('NO_AUTHORISING_ORDER', `no open work order authorises ${request.operation}: ${reason}`, {
        reason,
        operation: request.operation,
        ...details,
      }),
    );
  if (!order || order.status === 'none') return noOrder('no_order');
  const orderId = order.orderId;
  if ((order.status !== 'open' && order.status !== 'in_progress') || !order.workflow) {
    return noOrder('order_not_open', { orderId, status: order.status });
  }
  if (!acceptedTypes.includes(order.type)) return noOrder('wrong_type', { orderId, orderType: order.type, acceptedTypes });
  if (order.warehouse !== request.warehouse) {
    return noOrder('wrong_warehouse', { orderId, orderWarehouse: order.warehouse, warehouse: request.warehouse });
  }
  if (order.owner !== request.owner) return noOrder('wrong_owner', { orderId, orderOwner: order.owner, owner: request.owner });
  const progress = stepProgress(
    order.workflow.steps,
    order.history.map((record) => record.step),
  );
  if (!progress.allowed.includes(request.step)) {
    return refused(
      refuse.conflict('STEP_OUT_OF_ORDER', `${request.step} is not next under order ${orderId}; expected ${progress.expected ?? 'no further step'}`, {
        orderId,
        step: request.step,
        expected: progress.expected,
        allowed: progress.allowed,
      }),
    );
  }
  return { authorised: true, orderId, step: request.step };
}

/** `authorises`, throwing the refusal: for handlers that only go on when authorised. */
export function requireAuthorisation(order: AuthorisingOrderView | { readonly status: 'none' } | null | undefined, request: AuthorisationRequest): void {
  const answer = authorises(order, request);
  if (!answer.authorised) throw answer.refusal;
}
