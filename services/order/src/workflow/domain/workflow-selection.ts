import { refuse } from '@dw/kernel';
import { WorkflowStep } from '@dw/work-orders';
import { OrderType } from '@dw/work-orders';
import { ANY, ArrivalMode, WorkflowKey, workflowIdOf } from './workflow-key';

/** One published version of a workflow; what a work order pins when it is opened. */
export interface PublishedWorkflow {
  readonly workflowId: string;
  readonly key: WorkflowKey;
  readonly version: number;
  readonly steps: readonly WorkflowStep[];
}

export interface WorkflowRequest {
  readonly orderType: OrderType;
  readonly commodity: string;
  /** Null for order types with no arrival (move, stocktake, title transfer). */
  readonly arrivalMode: ArrivalMode | null;
}

/** The keys tried for a request, most specific first. */
export function candidateKeys(request: WorkflowRequest): WorkflowKey[] {
  const { orderType, commodity, arrivalMode } = request;
  return [
    ...(arrivalMode ? [{ orderType, commodity, arrivalMode }] : []),
    { orderType, commodity, arrivalMode: ANY },
    { orderType, commodity: ANY, arrivalMode: ANY },
  ];
}

/**
 * Chooses the workflow for a new order from the active workflows (withdrawn ones are not in
 * `active`): the latest version of the most specific key that exists. Orders already opened
 * keep the version they pinned; this is only asked when an order is opened.
 */
export function selectWorkflow(active: readonly PublishedWorkflow[], request: WorkflowRequest): PublishedWorkflow {
  // rule ORD-WORKFLOW-SELECTION
  const tried = candidateKeys(request).map(workflowIdOf);
  for (const workflowId of tried) {
    const latest = active
      .filter((workflow) => workflow.workflowId === workflowId)
      .reduce<PublishedWorkflow | null>((best, workflow) => (!best || workflow.version > best.version ? workflow : best), null);
    if (latest) return latest;
  }
  throw refuse.notFound('NO_WORKFLOW_FOR_ORDER', `no workflow applies to a ${request.orderType} order of ${request.commodity}`, {
    ...request,
    tried,
  });
}

/** True when `workflow` is one `selectWorkflow` could have chosen for `request`. */
export function workflowApplies(workflow: PublishedWorkflow, request: WorkflowRequest): boolean {
  return candidateKeys(request).some((key) => workflowIdOf(key) === workflow.workflowId);
}
