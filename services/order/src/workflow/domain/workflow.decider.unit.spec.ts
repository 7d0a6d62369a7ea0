import { deciderSpec } from '@dw/testing';
import { STANDARD_INBOUND_STEPS } from './standard-workflows';
import { WorkflowVersionPublished } from './workflow.events';
import { activeVersionOf, workflowDecider } from './workflow.decider';
import { WorkflowKey } from './workflow-key';
import { foldEvents } from '@dw/kernel';

const spec = deciderSpec(workflowDecider);
const at = '2025-03-03T01:00:00Z';
const actor = 'manager-1';
const rebarRail: WorkflowKey = { orderType: 'inbound', commodity: 'rebar', arrivalMode: 'rail' };
const withoutInspection = STANDARD_INBOUND_STEPS.filter((s) => s.code !== 'inspect');

const publishedV1: WorkflowVersionPublished = {
  type: 'WorkflowVersionPublished',
  data: { workflowId: 'inbound/rebar/rail', key: rebarRail, version: 1, steps: STANDARD_INBOUND_STEPS, actor, at },
};

describe('workflow decider', () => {
  it('publishes version 1 of a new workflow', () => {
    spec
      .given([])
      .when({ type: 'PublishWorkflowVersion', data: { key: rebarRail, steps: STANDARD_INBOUND_STEPS, actor, at } })
      .then([publishedV1]);
  });

  it('publishes version 2 with the new steps, keeping version 1 in the log', () => {
    spec
      .given([publishedV1])
      .when({ type: 'PublishWorkflowVersion', data: { key: rebarRail, steps: withoutInspection, actor, at } })
      .then([
        {
          type: 'WorkflowVersionPublished',
          data: { workflowId: 'inbound/rebar/rail', key: rebarRail, version: 2, steps: withoutInspection, actor, at },
        },
      ]);
  });

  it('refuses a version identical to the current one', () => {
    spec
      .given([publishedV1])
      .when({ type: 'PublishWorkflowVersion', data: { key: rebarRail, steps: STANDARD_INBOUND_STEPS, actor, at } })
      .thenRefusedWith('WORKFLOW_UNCHANGED', { version: 1 });
  });

  it('refuses an invalid definition', () => {
    spec
      .given([])
      .when({ type: 'PublishWorkflowVersion', data: { key: rebarRail, steps: STANDARD_INBOUND_STEPS.slice(0, 3), actor, at } })
      .thenRefusedWith('WORKFLOW_LAST_STEP_NOT_CONFIRM');
  });

  it('refuses a key for any commodity by one arrival mode', () => {
    spec
      .given([])
      .when({
        type: 'PublishWorkflowVersion',
        data: { key: { orderType: 'inbound', commodity: '*', arrivalMode: 'rail' }, steps: STANDARD_INBOUND_STEPS, actor, at },
      })
      .thenRefusedWith('WORKFLOW_KEY_INVALID');
  });

  it('refuses an unknown order type', () => {
    spec
      .given([])
      .when({
        type: 'PublishWorkflowVersion',
        data: { key: { orderType: 'repair' as never, commodity: '*', arrivalMode: '*' }, steps: STANDARD_INBOUND_STEPS, actor, at },
      })
      .thenRefusedWith('VALUE_NOT_ALLOWED', { allowed: ['inbound', 'outbound', 'title_transfer', 'move', 'stocktake'] });
  });

  it('withdraws a specific workflow with a reason, after which it offers no version', () => {
    const withdrawn = workflowDecider.decide(
      { type: 'WithdrawWorkflow', data: { key: rebarRail, reason: 'rail siding closed', actor, at } },
      foldEvents(workflowDecider, [publishedV1]),
    );
    expect(withdrawn).toEqual([{ type: 'WorkflowWithdrawn', data: { workflowId: 'inbound/rebar/rail', version: 1, reason: 'rail siding closed', actor, at } }]);
    expect(activeVersionOf(foldEvents(workflowDecider, [publishedV1]))).toMatchObject({ version: 1 });
    expect(activeVersionOf(foldEvents(workflowDecider, [publishedV1, ...withdrawn]))).toBeNull();
  });

  it('refuses to withdraw the default for a type', () => {
    const key: WorkflowKey = { orderType: 'inbound', commodity: '*', arrivalMode: '*' };
    spec
      .given([{ type: 'WorkflowVersionPublished', data: { ...publishedV1.data, key, workflowId: 'inbound/*/*' } }])
      .when({ type: 'WithdrawWorkflow', data: { key, reason: 'tidy up', actor, at } })
      .thenRefusedWith('WORKFLOW_DEFAULT_REQUIRED');
  });

  it('refuses to withdraw a workflow that is not active, or without a reason', () => {
    spec
      .given([])
      .when({ type: 'WithdrawWorkflow', data: { key: rebarRail, reason: 'x', actor, at } })
      .thenRefusedWith('WORKFLOW_NOT_ACTIVE');
    spec
      .given([publishedV1])
      .when({ type: 'WithdrawWorkflow', data: { key: rebarRail, reason: ' ', actor, at } })
      .thenRefusedWith('FIELD_REQUIRED');
  });
});
