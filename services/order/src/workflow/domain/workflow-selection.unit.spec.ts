import { DomainError } from '@dw/kernel';
import { STANDARD_INBOUND_STEPS } from './standard-workflows';
import { WorkflowKey, workflowIdOf } from './workflow-key';
import { PublishedWorkflow, selectWorkflow, workflowApplies } from './workflow-selection';

const published = (key: WorkflowKey, version = 1): PublishedWorkflow => ({
  workflowId: workflowIdOf(key),
  key,
  version,
  steps: STANDARD_INBOUND_STEPS,
});

const defaultInbound = published({ orderType: 'inbound', commodity: '*', arrivalMode: '*' });
const rebarAnyMode = published({ orderType: 'inbound', commodity: 'rebar', arrivalMode: '*' });
const rebarByRail = published({ orderType: 'inbound', commodity: 'rebar', arrivalMode: 'rail' });

describe('selectWorkflow', () => {
  const active = [defaultInbound, rebarAnyMode, rebarByRail];

  it('chooses the specific workflow for commodity and arrival mode first', () => {
    expect(selectWorkflow(active, { orderType: 'inbound', commodity: 'rebar', arrivalMode: 'rail' })).toBe(rebarByRail);
  });

  it('falls back to the commodity any-mode workflow', () => {
    expect(selectWorkflow(active, { orderType: 'inbound', commodity: 'rebar', arrivalMode: 'water' })).toBe(rebarAnyMode);
  });

  it('falls back to the default for the type', () => {
    expect(selectWorkflow(active, { orderType: 'inbound', commodity: 'copper', arrivalMode: 'rail' })).toBe(defaultInbound);
  });

  it('skips the specific level for an order with no arrival mode', () => {
    expect(selectWorkflow(active, { orderType: 'inbound', commodity: 'rebar', arrivalMode: null })).toBe(rebarAnyMode);
  });

  it('chooses the latest version of a key', () => {
    const v2 = published({ orderType: 'inbound', commodity: '*', arrivalMode: '*' }, 2);
    expect(selectWorkflow([defaultInbound, v2], { orderType: 'inbound', commodity: 'zinc', arrivalMode: 'truck' })).toBe(v2);
  });

  it('refuses when nothing applies, listing the keys it tried', () => {
    let caught: unknown;
    try {
      selectWorkflow(active, { orderType: 'move', commodity: 'rebar', arrivalMode: null });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({
      code: 'NO_WORKFLOW_FOR_ORDER',
      kind: 'not_found',
      details: { tried: ['move/rebar/*', 'move/*/*'] },
    });
  });
});

describe('workflowApplies', () => {
  it('is true for any level of the fallback chain and false for another commodity or type', () => {
    const request = { orderType: 'inbound' as const, commodity: 'rebar', arrivalMode: 'rail' as const };
    expect([rebarByRail, rebarAnyMode, defaultInbound].every((w) => workflowApplies(w, request))).toBe(true);
    expect(workflowApplies(published({ orderType: 'inbound', commodity: 'copper', arrivalMode: '*' }), request)).toBe(false);
    expect(workflowApplies(published({ orderType: 'outbound', commodity: '*', arrivalMode: '*' }), request)).toBe(false);
  });
});
