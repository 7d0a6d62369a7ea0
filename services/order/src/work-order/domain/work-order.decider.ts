import { Decider, refuse, requireDistinctList, requireOneOf, requirePositiveInteger, requireText, unhandledCommand } from '@dw/kernel';
import { missingRequiredSteps, stepProgress } from '@dw/work-orders';
import { validateWorkflowSteps } from '../../workflow/domain/workflow-definition';
import { ARRIVAL_MODES, validateWorkflowKey, workflowIdOf } from '../../workflow/domain/workflow-key';
import { PublishedWorkflow, workflowApplies } from '../../workflow/domain/workflow-selection';
import {
  CancelWorkOrder,
  CompleteOnFact,
  CompleteWorkOrder,
  DraftInboundOrder,
  DraftWorkOrder,
  OpenWorkOrder,
  OutboundEntitlement,
  RecordStep,
  StepEvidence,
  TitleTransferTarget,
  WorkOrderCommand,
} from './work-order.commands';
import { WorkOrderEvent } from './work-order.events';
import { evolveWorkOrder, initialWorkOrderState, WorkOrder, WorkOrderState } from './work-order.state';
import { validateInboundNotice } from './inbound-notice';

/**
 * Work orders: draft → open → in_progress → completed, or cancelled with a reason.
 *
 * Cancellation rule (a house rule: the public rules are silent; docs/rules.md,
 * ORD-CANCEL-BEFORE-GOODS-MOVE): an order may be cancelled from draft, open or
 * in_progress only while no step that moves goods (`movesGoods` in its workflow: unloading,
 * put-away, picking, loading, moving) has been recorded. After that the goods' physical record
 * must be closed by completing the order, and any reversal is a new order (an outbound order
 * returns rejected goods, a move order undoes a move), so the history never loses a movement.
 */
export const workOrderDecider: Decider<WorkOrderCommand, WorkOrderState, WorkOrderEvent> = {
  initialState: initialWorkOrderState,
  evolve: evolveWorkOrder,
  decide(command, state) {
    switch (command.type) {
      case 'DraftWorkOrder':
        return draft(command, state);
      case 'DraftInboundOrder':
        return draftInbound(command, state);
      case 'OpenWorkOrder':
        return open(command, existing(state));
      case 'RecordStep':
        return recordStep(command, existing(state));
      case 'CompleteWorkOrder':
        return complete(command, existing(state));
      case 'CompleteOnFact':
        return completeOnFact(command, existing(state));
      case 'CancelWorkOrder':
        return cancel(command, existing(state));
      default:
        return unhandledCommand(command);
    }
  },
};

function draft(command: DraftWorkOrder, state: WorkOrderState): WorkOrderEvent[] {
  // rules ORD-INBOUND-NEEDS-NOTICE, ORD-ARRIVAL-MODE, ORD-ENTITLEMENT-OUTBOUND-ONLY
  mustBeNew(state);
  const { orderId, actor, at } = command.data;
  if ((command.data.type as string) === 'inbound') {
    throw refuse.invalid('INBOUND_NOTICE_REQUIRED', 'inbound orders are opened from an inbound notice', 'type');
  }
  const type = requireOneOf(command.data.type, ['outbound', 'title_transfer', 'move', 'stocktake'] as const, 'type');
  let arrivalMode = command.data.arrivalMode ?? null;
  if (arrivalMode !== null) {
    if (type !== 'outbound') {
      throw refuse.invalid('ARRIVAL_MODE_NOT_APPLICABLE', `a ${type} order moves no goods in or out`, 'arrivalMode', { type });
    }
    arrivalMode = requireOneOf(arrivalMode, ARRIVAL_MODES, 'arrivalMode');
  }
  const entitlement = command.data.entitlement ?? null;
  if (entitlement !== null && type !== 'outbound') {
    throw refuse.invalid('ENTITLEMENT_NOT_APPLICABLE', `only an outbound order carries goods out under an entitlement, not a ${type} order`, 'entitlement', {
      type,
    });
  }
  const transfer = transferOf(type, command.data.transfer ?? null);
  const lotIds = deskLotsOf(command.data, type, entitlement);
  const pickup = command.data.pickup ?? null;
  if (pickup !== null && entitlement === null) {
    throw refuse.invalid('ENTITLEMENT_NOT_APPLICABLE', 'a pickup application is made on an entitlement', 'pickup', { type });
  }
  return [
    {
      type: 'WorkOrderDrafted',
      data: {
        orderId,
        type,
        warehouse: requireText(command.data.warehouse, 'warehouse'),
        owner: requireText(command.data.owner, 'owner'),
        ownerParty: requireText(command.data.ownerParty, 'ownerParty'),
        commodity: requireText(command.data.commodity, 'commodity'),
        arrivalMode,
        notice: null,
        entitlement: entitlement === null ? null : validateEntitlement(entitlement),
        ...(pickup === null ? {} : { pickup }),
        ...(transfer === null ? {} : { transfer }),
        ...(lotIds === null ? {} : { lotIds }),
        actor,
        at,
      },
    },
  ];
}

function draftInbound(command: DraftInboundOrder, state: WorkOrderState): WorkOrderEvent[] {
  mustBeNew(state);
  const { orderId, actor, at } = command.data;
  const warehouse = requireText(command.data.warehouse, 'warehouse');
  const notice = validateInboundNotice(command.data.notice);
  return [
    {
      type: 'WorkOrderDrafted',
      data: {
        orderId,
        type: 'inbound',
        warehouse,
        owner: notice.storageCard,
        ownerParty: requireText(command.data.ownerParty, 'ownerParty'),
        commodity: notice.commodity,
        arrivalMode: notice.arrivalMode,
        notice,
        entitlement: null,
        actor,
        at,
      },
    },
  ];
}

/**
 * An outbound order drafted at the desk names the lots it takes out, and none may back a live
 * receipt: goods a receipt stands for leave only under the entitlement its cancellation grants
 * (and the holder's pickup application), never on a desk order. Other orders name no lots.
 */
function deskLotsOf(data: DraftWorkOrder['data'], type: DraftWorkOrder['data']['type'], entitlement: OutboundEntitlement | null): string[] | null {
  // rule ORD-RECEIPT-LOTS-NEED-ENTITLEMENT
  const lots = data.lots ?? null;
  if (type !== 'outbound' || entitlement !== null) {
    if (lots !== null) throw refuse.invalid('LOTS_NOT_APPLICABLE', 'only an outbound order drafted at the desk names its lots', 'lots', { type });
    return null;
  }
  const lotIds = requireDistinctList(
    (Array.isArray(lots) ? lots : []).map((lot, i) => requireText(lot, `lots[${i}]`)),
    'lots',
  );
  const backed = data.liveReceiptLots ?? [];
  if (backed.length > 0) {
    throw refuse.conflict('LOT_BACKS_LIVE_RECEIPT', `${backed.map((lot) => lot.lotId).join(', ')} back live receipts: their goods leave under an entitlement`, {
      lots: backed,
    });
  }
  return lotIds;
}

/** A title-transfer order names the receipt and the buyer's card it waits for; no other order names one. */
function transferOf(type: DraftWorkOrder['data']['type'], transfer: TitleTransferTarget | null): TitleTransferTarget | null {
  // rule ORD-TITLE-TRANSFER-BY-RECEIPT
  if (type !== 'title_transfer') {
    if (transfer !== null)
      throw refuse.invalid('TRANSFER_NOT_APPLICABLE', `only a title-transfer order names a receipt transfer, not a ${type} order`, 'transfer', { type });
    return null;
  }
  if (!transfer || typeof transfer !== 'object')
    throw refuse.invalid('FIELD_REQUIRED', 'a title-transfer order names the receipt and the buyer’s card', 'transfer');
  return {
    receiptNumber: requireText(transfer.receiptNumber, 'transfer.receiptNumber'),
    buyerStorageCard: requireText(transfer.buyerStorageCard, 'transfer.buyerStorageCard'),
  };
}

/** An entitlement names its receipt and at least one lot, each with whole pieces and kilograms. */
function validateEntitlement(entitlement: OutboundEntitlement): OutboundEntitlement {
  // rule ORD-ENTITLEMENT-OUTBOUND-ONLY
  const lots = Array.isArray(entitlement.lots) ? entitlement.lots : [];
  if (lots.length === 0) throw refuse.invalid('LIST_EMPTY', 'an entitlement releases at least one lot', 'entitlement.lots');
  return {
    entitlementId: requireText(entitlement.entitlementId, 'entitlement.entitlementId'),
    receiptNumber: requireText(entitlement.receiptNumber, 'entitlement.receiptNumber'),
    lots: lots.map((lot, i) => ({
      lotId: requireText(lot.lotId, `entitlement.lots[${i}].lotId`),
      pieces: requirePositiveInteger(lot.pieces, `entitlement.lots[${i}].pieces`),
      netKg: requirePositiveInteger(lot.netKg, `entitlement.lots[${i}].netKg`),
    })),
  };
}

function open(command: OpenWorkOrder, order: WorkOrder): WorkOrderEvent[] {
  // rule ORD-LIFECYCLE
  if (order.status !== 'draft') {
    throw refuse.conflict('WORK_ORDER_NOT_DRAFT', `order ${order.orderId} is ${order.status}, only a draft can be opened`, {
      status: order.status,
    });
  }
  const workflow = pinnable(command.data.workflow, order);
  return [{ type: 'WorkOrderOpened', data: { orderId: order.orderId, workflow, actor: command.data.actor, at: command.data.at } }];
}

/** Re-checks the workflow the handler selected: it must be well-formed and apply to this order. */
function pinnable(workflow: PublishedWorkflow, order: WorkOrder): PublishedWorkflow {
  // rule ORD-WORKFLOW-PINNED
  if (!workflow || typeof workflow !== 'object') {
    throw refuse.invalid('FIELD_REQUIRED', 'workflow is required', 'workflow');
  }
  const key = validateWorkflowKey(workflow.key);
  const steps = validateWorkflowSteps(workflow.steps);
  const request = { orderType: order.type, commodity: order.commodity, arrivalMode: order.arrivalMode };
  if (workflowIdOf(key) !== workflow.workflowId || !Number.isSafeInteger(workflow.version) || workflow.version < 1 || !workflowApplies(workflow, request)) {
    throw refuse.invalid(
      'WORKFLOW_NOT_APPLICABLE',
      `workflow ${workflow.workflowId} v${workflow.version} does not apply to order ${order.orderId}`,
      'workflow',
      {
        workflowId: workflow.workflowId,
        version: workflow.version,
        ...request,
      },
    );
  }
  return { workflowId: workflow.workflowId, key, version: workflow.version, steps };
}

function recordStep(command: RecordStep, order: WorkOrder): WorkOrderEvent[] {
  // rules ORD-STEP-ORDER, ORD-STEP-IN-WORKFLOW
  const workflow = mustBeActive(order);
  const code = requireText(command.data.step, 'step');
  const definition = workflow.steps.find((step) => step.code === code);
  if (!definition) {
    throw refuse.invalid('STEP_NOT_IN_WORKFLOW', `${code} is not a step of ${workflow.workflowId} v${workflow.version}`, 'step', {
      step: code,
      steps: workflow.steps.map((step) => step.code),
    });
  }
  const progress = stepProgress(
    workflow.steps,
    order.history.map((record) => record.step),
  );
  if (!progress.allowed.includes(code)) {
    throw refuse.conflict('STEP_OUT_OF_ORDER', `${code} is not next; expected ${progress.expected ?? 'no further step'}`, {
      step: code,
      expected: progress.expected,
      allowed: progress.allowed,
    });
  }
  const evidence = checkedEvidence(definition.check, command.data.evidence, code);
  return [
    {
      type: 'WorkOrderStepRecorded',
      data: {
        orderId: order.orderId,
        step: code,
        name: definition.name,
        sequence: order.history.length + 1,
        evidence,
        movesGoods: definition.movesGoods,
        actor: command.data.actor,
        at: command.data.at,
      },
    },
  ];
}

/** A step with a check needs evidence of that kind; a step without one takes none. */
function checkedEvidence(check: string, evidence: StepEvidence | null | undefined, step: string): StepEvidence | null {
  // rule ORD-STEP-EVIDENCE
  if (check === 'none') {
    if (evidence) {
      throw refuse.invalid('STEP_CHECK_NOT_EXPECTED', `step ${step} requires no check`, 'evidence', { step });
    }
    return null;
  }
  const refs = evidence?.kind === check && Array.isArray(evidence.refs) ? evidence.refs : [];
  if (refs.length === 0 || refs.some((ref) => typeof ref !== 'string' || ref.trim() === '')) {
    throw refuse.invalid('STEP_CHECK_REQUIRED', `step ${step} must carry the ${check} it was checked with`, 'evidence', {
      step,
      check,
    });
  }
  return { kind: evidence!.kind, refs: [...refs] };
}

function complete(command: CompleteWorkOrder, order: WorkOrder): WorkOrderEvent[] {
  // rules ORD-COMPLETE-REQUIRED-STEPS, ORD-TITLE-TRANSFER-BY-RECEIPT
  const workflow = mustBeActive(order);
  if (order.type === 'title_transfer') {
    throw refuse.conflict('TITLE_TRANSFER_COMPLETED_BY_RECEIPT', `order ${order.orderId} completes when the receipt service reports the title transferred`, {
      receiptNumber: order.transfer?.receiptNumber ?? null,
    });
  }
  const done = order.history.map((record) => record.step);
  const missing = missingRequiredSteps(workflow.steps, done);
  if (missing.length > 0) {
    throw refuse.conflict('WORKFLOW_INCOMPLETE', `order ${order.orderId} still needs ${missing.join(', ')}`, {
      missing,
      expected: stepProgress(workflow.steps, done).expected,
    });
  }
  return [{ type: 'WorkOrderCompleted', data: { orderId: order.orderId, steps: done, actor: command.data.actor, at: command.data.at } }];
}

/**
 * Another service reports the order's work done: every lot of the entitlement has shipped
 * (receipt's OutboundEntitlementExhausted), or the receipt's title has moved
 * (ReceiptTitleTransferred). That fact is the authority, so the order completes whatever desk
 * steps are still open; the completion names the fact. The same fact again, or one arriving after
 * the desk completed the order, changes nothing.
 */
function completeOnFact(command: CompleteOnFact, order: WorkOrder): WorkOrderEvent[] {
  // rule ORD-COMPLETED-BY-FACT
  if (order.status === 'completed') return [];
  mustBeActive(order);
  const { actor, at, cause } = command.data;
  const steps = order.history.map((record) => record.step);
  return [{ type: 'WorkOrderCompleted', data: { orderId: order.orderId, steps, cause, actor, at } }];
}

function cancel(command: CancelWorkOrder, order: WorkOrder): WorkOrderEvent[] {
  // rule ORD-CANCEL-BEFORE-GOODS-MOVE
  const reason = requireText(command.data.reason, 'reason');
  if (order.status === 'completed' || order.status === 'cancelled') {
    throw refuse.conflict('WORK_ORDER_CLOSED', `order ${order.orderId} is already ${order.status}`, { status: order.status });
  }
  const movedBy = order.history.filter((record) => record.movesGoods).map((record) => record.step);
  if (movedBy.length > 0) {
    throw refuse.conflict('CANCEL_AFTER_GOODS_MOVED', `goods have moved under order ${order.orderId}; complete it and reverse with a new order`, {
      movedBy,
    });
  }
  return [
    {
      type: 'WorkOrderCancelled',
      data: { orderId: order.orderId, reason, previousStatus: order.status, actor: command.data.actor, at: command.data.at },
    },
  ];
}

function mustBeNew(state: WorkOrderState): void {
  if (state.status !== 'none') {
    throw refuse.conflict('WORK_ORDER_EXISTS', `order ${state.orderId} already exists`, { status: state.status });
  }
}

function existing(state: WorkOrderState): WorkOrder {
  if (state.status === 'none') throw refuse.notFound('WORK_ORDER_NOT_FOUND', 'no such work order');
  return state;
}

/** The order's pinned workflow, when the order is open or in progress. */
function mustBeActive(order: WorkOrder): PublishedWorkflow {
  // rule ORD-LIFECYCLE
  if (order.status === 'draft') {
    throw refuse.conflict('WORK_ORDER_NOT_OPEN', `order ${order.orderId} is still a draft`, { status: order.status });
  }
  if (order.status === 'completed' || order.status === 'cancelled' || !order.workflow) {
    throw refuse.conflict('WORK_ORDER_CLOSED', `order ${order.orderId} is already ${order.status}`, { status: order.status });
  }
  return order.workflow;
}
