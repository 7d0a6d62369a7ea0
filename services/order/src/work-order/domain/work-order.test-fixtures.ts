import { STANDARD_INBOUND_STEPS } from '../../workflow/domain/standard-workflows';
import { PublishedWorkflow } from '../../workflow/domain/workflow-selection';
import { StepEvidence } from './work-order.commands';
import { WorkOrderDrafted, WorkOrderEvent, WorkOrderOpened, WorkOrderStepRecorded } from './work-order.events';
import { InboundNotice } from './inbound-notice';

/** Shared givens for the work-order specs: one rebar inbound order by truck under the standard workflow. */
export const at = '2025-03-03T02:00:00Z';
export const actor = 'desk-clerk-7';
export const orderId = 'wo-1';

export const notice: InboundNotice = {
  commodity: 'rebar',
  brand: 'Shagang',
  specification: 'HRB400E 20mm',
  expectedPieces: 50,
  expectedKg: 100_000,
  arrivalMode: 'truck',
  arrivalWindow: { from: '2025-03-04T00:00:00Z', to: '2025-03-05T00:00:00Z' },
  storageCard: 'SC-0001',
};

export const inboundWorkflowV1: PublishedWorkflow = {
  workflowId: 'inbound/*/*',
  key: { orderType: 'inbound', commodity: '*', arrivalMode: '*' },
  version: 1,
  steps: STANDARD_INBOUND_STEPS,
};

export const drafted: WorkOrderDrafted = {
  type: 'WorkOrderDrafted',
  data: {
    orderId,
    type: 'inbound',
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    ownerParty: 'P-0001',
    commodity: 'rebar',
    arrivalMode: 'truck',
    notice,
    entitlement: null,
    actor,
    at,
  },
};

export const opened: WorkOrderOpened = { type: 'WorkOrderOpened', data: { orderId, workflow: inboundWorkflowV1, actor, at } };

const evidenceFor: Record<string, StepEvidence> = {
  weigh: { kind: 'scale_reading', refs: ['reading-1'] },
  inspect: { kind: 'inspection_report', refs: ['report-1'] },
};

/** The events of the standard inbound steps recorded in order, up to and including `last`. */
export function stepsUpTo(last: string): WorkOrderStepRecorded[] {
  const codes = STANDARD_INBOUND_STEPS.map((s) => s.code);
  return STANDARD_INBOUND_STEPS.slice(0, codes.indexOf(last) + 1).map((step, index) => ({
    type: 'WorkOrderStepRecorded',
    data: {
      orderId,
      step: step.code,
      name: step.name,
      sequence: index + 1,
      evidence: evidenceFor[step.code] ?? null,
      movesGoods: step.movesGoods,
      actor,
      at,
    },
  }));
}

export const openInbound: WorkOrderEvent[] = [drafted, opened];
