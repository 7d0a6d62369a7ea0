import { refuse, requireOneOf, requireText } from '@dw/kernel';
import { ORDER_TYPES, OrderType } from '@dw/work-orders';

/** How goods arrive (inbound) or leave (outbound); workflows are chosen by it too (rule ORD-ARRIVAL-MODE). */
export const ARRIVAL_MODES = ['rail', 'truck', 'water'] as const;
export type ArrivalMode = (typeof ARRIVAL_MODES)[number];

/** Wildcard in a workflow key: "any commodity" or "any arrival mode". */
export const ANY = '*';

/**
 * What a workflow applies to. Three shapes are meaningful, tried in this order when an order
 * is opened (业务流程标准化: by commodity, order type and arrival mode; rule ORD-WORKFLOW-SELECTION):
 *   specific            {type, commodity, mode}
 *   commodity any-mode  {type, commodity, '*'}
 *   default for type    {type, '*', '*'}
 * A key of "any commodity but one mode" is refused: it would make the fallback order ambiguous
 * (is rebar-by-any-mode or anything-by-rail the closer match?).
 */
export interface WorkflowKey {
  readonly orderType: OrderType;
  readonly commodity: string;
  readonly arrivalMode: ArrivalMode | typeof ANY;
}

export function validateWorkflowKey(key: WorkflowKey): WorkflowKey {
  // rule ORD-WORKFLOW-KEY
  const orderType = requireOneOf(key.orderType, ORDER_TYPES, 'key.orderType');
  const commodity = requireText(key.commodity, 'key.commodity');
  const arrivalMode = requireOneOf(key.arrivalMode, [...ARRIVAL_MODES, ANY] as const, 'key.arrivalMode');
  if (commodity.includes('/')) {
    // '/' separates the parts of the workflow id.
    throw refuse.invalid('WORKFLOW_KEY_INVALID', `a commodity code may not contain '/', got ${commodity}`, 'key.commodity', {
      commodity,
    });
  }
  if (commodity === ANY && arrivalMode !== ANY) {
    throw refuse.invalid(
      'WORKFLOW_KEY_INVALID',
      'a workflow for any commodity applies to every arrival mode; name a commodity to choose by arrival mode',
      'key.arrivalMode',
      { commodity, arrivalMode },
    );
  }
  return { orderType, commodity, arrivalMode };
}

/** Stable id of the workflow a key names (its stream id), e.g. 'inbound/rebar/rail'. */
export function workflowIdOf(key: WorkflowKey): string {
  return `${key.orderType}/${key.commodity}/${key.arrivalMode}`;
}
