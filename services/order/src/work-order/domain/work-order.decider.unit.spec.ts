import { foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import { STANDARD_WORKFLOWS } from '../../workflow/domain/standard-workflows';
import { PublishedWorkflow } from '../../workflow/domain/workflow-selection';
import { workOrderDecider } from './work-order.decider';
import { StepEvidence, WorkOrderCommand } from './work-order.commands';
import { actor, at, drafted, inboundWorkflowV1, notice, openInbound, opened, orderId, stepsUpTo } from './work-order.test-fixtures';

const spec = deciderSpec(workOrderDecider);

const recordStep = (step: string, evidence: StepEvidence | null = null): WorkOrderCommand => ({
  type: 'RecordStep',
  data: { orderId, step, evidence, actor, at },
});

describe('work order: drafting and opening', () => {
  it('drafts an inbound order from the notice, owned by the notice storage card', () => {
    spec
      .given([])
      .when({ type: 'DraftInboundOrder', data: { orderId, warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice, actor, at } })
      .then([drafted]);
  });

  it('refuses a second draft under the same id', () => {
    spec
      .given([drafted])
      .when({ type: 'DraftInboundOrder', data: { orderId, warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice, actor, at } })
      .thenRefusedWith('WORK_ORDER_EXISTS');
  });

  it('refuses an inbound order without a notice', () => {
    spec
      .given([])
      .when({
        type: 'DraftWorkOrder',
        data: {
          orderId,
          type: 'inbound' as never,
          warehouse: 'WH',
          owner: 'SC-0001',
          ownerParty: 'P-0001',
          commodity: 'rebar',
          arrivalMode: 'truck',
          actor,
          at,
        },
      })
      .thenRefusedWith('INBOUND_NOTICE_REQUIRED');
  });

  it('refuses an invalid notice field by field', () => {
    spec
      .given([])
      .when({ type: 'DraftInboundOrder', data: { orderId, warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice: { ...notice, expectedKg: 0 }, actor, at } })
      .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
  });

  it('drafts a move order with no arrival mode', () => {
    spec
      .given([])
      .when({
        type: 'DraftWorkOrder',
        data: { orderId, type: 'move', warehouse: 'WH-SH-01', owner: 'SC-0001', ownerParty: 'P-0001', commodity: 'rebar', arrivalMode: null, actor, at },
      })
      .then([
        {
          type: 'WorkOrderDrafted',
          data: {
            orderId,
            type: 'move',
            warehouse: 'WH-SH-01',
            owner: 'SC-0001',
            ownerParty: 'P-0001',
            commodity: 'rebar',
            arrivalMode: null,
            notice: null,
            entitlement: null,
            actor,
            at,
          },
        },
      ]);
  });

  it('refuses an arrival mode on a stocktake and a blank owner', () => {
    const base = { orderId, type: 'stocktake' as const, warehouse: 'WH', owner: 'SC-0001', ownerParty: 'P-0001', commodity: 'rebar', actor, at };
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, arrivalMode: 'rail' } })
      .thenRefusedWith('ARRIVAL_MODE_NOT_APPLICABLE');
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, owner: ' ', arrivalMode: null } })
      .thenRefusedWith('FIELD_REQUIRED');
  });

  it('drafts an outbound order from a receipt cancellation, naming the receipt and its lots', () => {
    const entitlement = { entitlementId: 'ent-1', receiptNumber: 'R-2025-0001', lots: [{ lotId: 'lot-1', pieces: 3, netKg: 6_000 }] };
    const base = {
      orderId,
      type: 'outbound' as const,
      warehouse: 'WH-SH-01',
      owner: 'SC-0002',
      ownerParty: 'P-0002',
      commodity: 'rebar',
      arrivalMode: null,
      actor,
      at,
    };
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, entitlement } })
      .then([{ type: 'WorkOrderDrafted', data: { ...base, notice: null, entitlement } }]);
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, entitlement: { ...entitlement, lots: [] } } })
      .thenRefusedWith('LIST_EMPTY');
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, entitlement: { ...entitlement, lots: [{ lotId: 'lot-1', pieces: 0, netKg: 6_000 }] } } })
      .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, type: 'move', entitlement } })
      .thenRefusedWith('ENTITLEMENT_NOT_APPLICABLE');
  });

  it('refuses an order without the party holding its storage card', () => {
    spec
      .given([])
      .when({ type: 'DraftInboundOrder', data: { orderId, warehouse: 'WH-SH-01', ownerParty: ' ', notice, actor, at } })
      .thenRefusedWith('FIELD_REQUIRED');
  });

  it('opens a draft, pinning the workflow version', () => {
    spec
      .given([drafted])
      .when({ type: 'OpenWorkOrder', data: { orderId, workflow: inboundWorkflowV1, actor, at } })
      .then([opened]);
  });

  it('refuses to open an order that is not a draft, or does not exist', () => {
    spec
      .given(openInbound)
      .when({ type: 'OpenWorkOrder', data: { orderId, workflow: inboundWorkflowV1, actor, at } })
      .thenRefusedWith('WORK_ORDER_NOT_DRAFT', { status: 'open' });
    spec
      .given([])
      .when({ type: 'OpenWorkOrder', data: { orderId, workflow: inboundWorkflowV1, actor, at } })
      .thenRefusedWith('WORK_ORDER_NOT_FOUND');
  });

  it('refuses a workflow of another order type or commodity', () => {
    const outbound = STANDARD_WORKFLOWS.find((w) => w.key.orderType === 'outbound')!;
    const outboundWorkflow: PublishedWorkflow = { workflowId: 'outbound/*/*', key: outbound.key, version: 1, steps: outbound.steps };
    const copper: PublishedWorkflow = {
      ...inboundWorkflowV1,
      workflowId: 'inbound/copper/*',
      key: { orderType: 'inbound', commodity: 'copper', arrivalMode: '*' },
    };
    spec
      .given([drafted])
      .when({ type: 'OpenWorkOrder', data: { orderId, workflow: outboundWorkflow, actor, at } })
      .thenRefusedWith('WORKFLOW_NOT_APPLICABLE');
    spec
      .given([drafted])
      .when({ type: 'OpenWorkOrder', data: { orderId, workflow: copper, actor, at } })
      .thenRefusedWith('WORKFLOW_NOT_APPLICABLE');
  });

  it('refuses a workflow whose id does not match its key', () => {
    spec
      .given([drafted])
      .when({ type: 'OpenWorkOrder', data: { orderId, workflow: { ...inboundWorkflowV1, workflowId: 'inbound/rebar/truck' }, actor, at } })
      .thenRefusedWith('WORKFLOW_NOT_APPLICABLE');
  });
});

describe('work order: steps', () => {
  it('records the first step and moves the order in progress', () => {
    spec.given(openInbound).when(recordStep('notice')).then(stepsUpTo('notice'));
    const state = foldEvents(workOrderDecider, [...openInbound, ...stepsUpTo('notice')]);
    expect(state.status).toBe('in_progress');
  });

  it('refuses a step out of order, naming the expected step', () => {
    spec
      .given([...openInbound, ...stepsUpTo('arrival')])
      .when(recordStep('put_away'))
      .thenRefusedWith('STEP_OUT_OF_ORDER', { step: 'put_away', expected: 'unload_tally', allowed: ['unload_tally'] });
  });

  it('refuses a step done twice', () => {
    spec
      .given([...openInbound, ...stepsUpTo('arrival')])
      .when(recordStep('arrival'))
      .thenRefusedWith('STEP_OUT_OF_ORDER', { expected: 'unload_tally' });
  });

  it('refuses a step that is not in the workflow', () => {
    spec.given(openInbound).when(recordStep('fumigate')).thenRefusedWith('STEP_NOT_IN_WORKFLOW');
  });

  it('refuses steps on a draft and on a completed order', () => {
    spec.given([drafted]).when(recordStep('notice')).thenRefusedWith('WORK_ORDER_NOT_OPEN');
    const completed = { type: 'WorkOrderCompleted' as const, data: { orderId, steps: [], actor, at } };
    spec
      .given([...openInbound, ...stepsUpTo('confirm'), completed])
      .when(recordStep('confirm'))
      .thenRefusedWith('WORK_ORDER_CLOSED');
  });

  it('refuses weighing without a scale reading reference', () => {
    const before = [...openInbound, ...stepsUpTo('unload_tally')];
    spec.given(before).when(recordStep('weigh', null)).thenRefusedWith('STEP_CHECK_REQUIRED', { step: 'weigh', check: 'scale_reading' });
    spec
      .given(before)
      .when(recordStep('weigh', { kind: 'inspection_report', refs: ['r'] }))
      .thenRefusedWith('STEP_CHECK_REQUIRED');
    spec
      .given(before)
      .when(recordStep('weigh', { kind: 'scale_reading', refs: [] }))
      .thenRefusedWith('STEP_CHECK_REQUIRED');
    spec
      .given(before)
      .when(recordStep('weigh', { kind: 'scale_reading', refs: [' '] }))
      .thenRefusedWith('STEP_CHECK_REQUIRED');
  });

  it('records weighing with its scale reading references', () => {
    spec
      .given([...openInbound, ...stepsUpTo('unload_tally')])
      .when(recordStep('weigh', { kind: 'scale_reading', refs: ['reading-1'] }))
      .then([stepsUpTo('weigh')[3]!]);
  });

  it('refuses evidence on a step that needs none', () => {
    spec
      .given(openInbound)
      .when(recordStep('notice', { kind: 'scale_reading', refs: ['x'] }))
      .thenRefusedWith('STEP_CHECK_NOT_EXPECTED');
  });

  it('keeps the pinned workflow version however the published workflow changes', () => {
    const state = foldEvents(workOrderDecider, [...openInbound, ...stepsUpTo('arrival')]);
    expect(state.status !== 'none' && state.workflow).toEqual(inboundWorkflowV1);
  });
});

describe('work order: completion and cancellation', () => {
  const complete: WorkOrderCommand = { type: 'CompleteWorkOrder', data: { orderId, actor, at } };

  it('completes when every required step is done', () => {
    spec
      .given([...openInbound, ...stepsUpTo('confirm')])
      .when(complete)
      .then([
        {
          type: 'WorkOrderCompleted',
          data: { orderId, steps: ['notice', 'arrival', 'unload_tally', 'weigh', 'inspect', 'put_away', 'confirm'], actor, at },
        },
      ]);
  });

  it('refuses completion with steps missing, listing them', () => {
    spec
      .given([...openInbound, ...stepsUpTo('inspect')])
      .when(complete)
      .thenRefusedWith('WORKFLOW_INCOMPLETE', { missing: ['put_away', 'confirm'], expected: 'put_away' });
  });

  it('cancels an open order with a reason', () => {
    spec
      .given(openInbound)
      .when({ type: 'CancelWorkOrder', data: { orderId, reason: 'depositor withdrew the notice', actor, at } })
      .then([{ type: 'WorkOrderCancelled', data: { orderId, reason: 'depositor withdrew the notice', previousStatus: 'open', actor, at } }]);
  });

  it('cancels a draft and an order in progress before goods moved', () => {
    const cancel: WorkOrderCommand = { type: 'CancelWorkOrder', data: { orderId, reason: 'truck turned back', actor, at } };
    expect(workOrderDecider.decide(cancel, foldEvents(workOrderDecider, [drafted]))[0]!.data).toMatchObject({ previousStatus: 'draft' });
    expect(workOrderDecider.decide(cancel, foldEvents(workOrderDecider, [...openInbound, ...stepsUpTo('arrival')]))[0]!.data).toMatchObject({
      previousStatus: 'in_progress',
    });
  });

  it('refuses to cancel once goods have been unloaded', () => {
    spec
      .given([...openInbound, ...stepsUpTo('unload_tally')])
      .when({ type: 'CancelWorkOrder', data: { orderId, reason: 'wrong goods', actor, at } })
      .thenRefusedWith('CANCEL_AFTER_GOODS_MOVED', { movedBy: ['unload_tally'] });
  });

  it('refuses a cancellation without a reason, and of a closed order', () => {
    spec
      .given(openInbound)
      .when({ type: 'CancelWorkOrder', data: { orderId, reason: '', actor, at } })
      .thenRefusedWith('FIELD_REQUIRED');
    const cancelled = { type: 'WorkOrderCancelled' as const, data: { orderId, reason: 'x', previousStatus: 'open' as const, actor, at } };
    spec
      .given([...openInbound, cancelled])
      .when({ type: 'CancelWorkOrder', data: { orderId, reason: 'again', actor, at } })
      .thenRefusedWith('WORK_ORDER_CLOSED');
    spec
      .given([...openInbound, cancelled])
      .when(complete)
      .thenRefusedWith('WORK_ORDER_CLOSED');
  });

  it('keeps every step in the history with who did it and when', () => {
    const state = foldEvents(workOrderDecider, [...openInbound, ...stepsUpTo('confirm')]);
    expect(state.status !== 'none' && state.history.map((h) => [h.step, h.actor, h.at])).toEqual(
      ['notice', 'arrival', 'unload_tally', 'weigh', 'inspect', 'put_away', 'confirm'].map((step) => [step, actor, at]),
    );
  });
});

describe('work order: completed by another service’s fact (ORD-COMPLETED-BY-FACT)', () => {
  const cause = { eventType: 'dw.receipt.v1.OutboundEntitlementExhausted', reference: 'ENT-WR-1' };
  const onFact: WorkOrderCommand = { type: 'CompleteOnFact', data: { orderId, cause, actor: 'service:order', at } };

  it('completes an order still missing desk steps, naming the fact; the fact again changes nothing', () => {
    const completed = { type: 'WorkOrderCompleted' as const, data: { orderId, steps: ['notice', 'arrival'], cause, actor: 'service:order', at } };
    spec
      .given([...openInbound, ...stepsUpTo('arrival')])
      .when(onFact)
      .then([completed]);
    spec
      .given([...openInbound, ...stepsUpTo('arrival'), completed])
      .when(onFact)
      .then([]);
    const state = foldEvents(workOrderDecider, [...openInbound, ...stepsUpTo('arrival'), completed]);
    expect(state.status !== 'none' && state.completion).toEqual({ actor: 'service:order', at, cause });
  });

  it('refuses the fact on a cancelled order and on a draft', () => {
    const cancelled = { type: 'WorkOrderCancelled' as const, data: { orderId, reason: 'x', previousStatus: 'open' as const, actor, at } };
    spec
      .given([...openInbound, cancelled])
      .when(onFact)
      .thenRefusedWith('WORK_ORDER_CLOSED');
    spec.given([drafted]).when(onFact).thenRefusedWith('WORK_ORDER_NOT_OPEN');
  });
});

describe('work order: title transfer completed by the receipt service (ORD-TITLE-TRANSFER-BY-RECEIPT)', () => {
  const transfer = { receiptNumber: 'WR-1', buyerStorageCard: 'SC-0002' };
  const base = {
    orderId,
    type: 'title_transfer' as const,
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    ownerParty: 'P-0001',
    commodity: 'rebar',
    arrivalMode: null,
    actor,
    at,
  };
  const transferDrafted = { type: 'WorkOrderDrafted' as const, data: { ...base, notice: null, entitlement: null, transfer } };
  const workflow: PublishedWorkflow = {
    workflowId: 'title_transfer/*/*',
    key: { orderType: 'title_transfer', commodity: '*', arrivalMode: '*' },
    version: 1,
    steps: STANDARD_WORKFLOWS.find((w) => w.key.orderType === 'title_transfer')!.steps,
  };
  const transferOpened = { type: 'WorkOrderOpened' as const, data: { orderId, workflow, actor, at } };

  it('drafts a title-transfer order naming the receipt and the buyer’s card, and refuses one without them', () => {
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, transfer } })
      .then([transferDrafted]);
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base } })
      .thenRefusedWith('FIELD_REQUIRED');
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, transfer: { ...transfer, buyerStorageCard: ' ' } } })
      .thenRefusedWith('FIELD_REQUIRED');
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, type: 'move', transfer } })
      .thenRefusedWith('TRANSFER_NOT_APPLICABLE');
  });

  it('refuses the desk’s completion of a title transfer, even with every step done', () => {
    const confirmed = {
      type: 'WorkOrderStepRecorded' as const,
      data: { orderId, step: 'confirm', name: 'Confirmed by the order desk', sequence: 2, evidence: null, movesGoods: false, actor, at },
    };
    const notice = { ...confirmed, data: { ...confirmed.data, step: 'notice', name: 'Transfer request accepted', sequence: 1 } };
    spec
      .given([transferDrafted, transferOpened, notice, confirmed])
      .when({ type: 'CompleteWorkOrder', data: { orderId, actor, at } })
      .thenRefusedWith('TITLE_TRANSFER_COMPLETED_BY_RECEIPT', { receiptNumber: 'WR-1' });
  });
});

describe('work order: a desk outbound order names lots no live receipt stands on (ORD-RECEIPT-LOTS-NEED-ENTITLEMENT)', () => {
  const base = {
    orderId,
    type: 'outbound' as const,
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    ownerParty: 'P-0001',
    commodity: 'rebar',
    arrivalMode: null,
    actor,
    at,
  };

  it('drafts one over lots that back no receipt', () => {
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, lots: ['lot-9'], liveReceiptLots: [] } })
      .then([{ type: 'WorkOrderDrafted', data: { ...base, notice: null, entitlement: null, lotIds: ['lot-9'] } }]);
  });

  it('refuses one over a lot backing a live receipt, naming the lot and the receipt', () => {
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, lots: ['lot-1', 'lot-9'], liveReceiptLots: [{ lotId: 'lot-1', receiptNumbers: ['WR-1'] }] } })
      .thenRefusedWith('LOT_BACKS_LIVE_RECEIPT', { lots: [{ lotId: 'lot-1', receiptNumbers: ['WR-1'] }] });
  });

  it('needs the lots of a desk outbound order, and takes none on other orders', () => {
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base } })
      .thenRefusedWith('LIST_EMPTY');
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, lots: ['lot-9', 'lot-9'] } })
      .thenRefusedWith('LIST_HAS_REPEATS');
    spec
      .given([])
      .when({ type: 'DraftWorkOrder', data: { ...base, type: 'move', lots: ['lot-9'] } })
      .thenRefusedWith('LOTS_NOT_APPLICABLE');
  });
});
