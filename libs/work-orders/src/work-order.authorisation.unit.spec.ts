import { AuthorisationRequest, AuthorisingOrderView, authorises, requireAuthorisation } from './work-order.authorisation';
import { WorkflowStep } from './workflow-step';
import { INVENTORY_STEPS, isInventoryStep } from './inventory-steps';

const step = (code: string, check: WorkflowStep['check'] = 'none'): WorkflowStep => ({ code, name: code, check, required: true, movesGoods: false });
// The standard inbound workflow (docs/rules.md, ORD-STANDARD-WORKFLOWS): notice → arrival → unload_tally → weigh → inspect → put_away → confirm.
const inbound = ['notice', 'arrival', 'unload_tally', 'weigh', 'inspect', 'put_away', 'confirm'].map((code) => step(code));
const orderId = 'wo-1';
const orderAfter = (last: string | null, overrides: Partial<AuthorisingOrderView> = {}): AuthorisingOrderView => {
  const codes = inbound.map((s) => s.code);
  const done = last === null ? [] : codes.slice(0, codes.indexOf(last) + 1);
  return {
    orderId,
    status: done.length > 0 ? 'in_progress' : 'open',
    type: 'inbound',
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    workflow: { steps: inbound },
    history: done.map((code) => ({ step: code })),
    ...overrides,
  };
};
const scan: AuthorisationRequest = { operation: 'receive', warehouse: 'WH-SH-01', owner: 'SC-0001', step: 'unload_tally' };
const arrived = orderAfter('arrival');

describe('authorises', () => {
  it('authorises scanning while unload_tally is the step being worked on', () => {
    expect(authorises(arrived, scan)).toEqual({ authorised: true, orderId, step: 'unload_tally' });
  });

  it.each([
    ['no order at all', undefined, 'no_order'],
    ['an order id with no stream', { status: 'none' as const }, 'no_order'],
    ['a draft', orderAfter(null, { status: 'draft', workflow: null }), 'order_not_open'],
    ['a cancelled order', orderAfter('arrival', { status: 'cancelled' }), 'order_not_open'],
    ['a completed order', orderAfter('confirm', { status: 'completed' }), 'order_not_open'],
  ])('refuses with NO_AUTHORISING_ORDER for %s', (_label, order, reason) => {
    const answer = authorises(order, scan);
    expect(answer.authorised).toBe(false);
    expect(!answer.authorised && answer.refusal).toMatchObject({ code: 'NO_AUTHORISING_ORDER', kind: 'forbidden', details: { reason } });
  });

  it.each([
    ['of the wrong type', { ...scan, operation: 'move' as const }, { reason: 'wrong_type', orderType: 'inbound', acceptedTypes: ['move'] }],
    ['in another warehouse', { ...scan, warehouse: 'WH-TJ-02' }, { reason: 'wrong_warehouse', orderWarehouse: 'WH-SH-01' }],
    ['for another owner', { ...scan, owner: 'SC-0002' }, { reason: 'wrong_owner', orderOwner: 'SC-0001' }],
  ])('refuses an order %s', (_label, request, details) => {
    const answer = authorises(arrived, request);
    expect(!answer.authorised && answer.refusal).toMatchObject({ code: 'NO_AUTHORISING_ORDER', details });
  });

  it('refuses an operation for a step out of workflow order, naming the expected step', () => {
    const answer = authorises(arrived, { ...scan, operation: 'put_away', step: 'put_away' });
    expect(!answer.authorised && answer.refusal).toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
      kind: 'conflict',
      details: { orderId, step: 'put_away', expected: 'unload_tally' },
    });
  });

  it('refuses more scans once the tally step is recorded done', () => {
    const answer = authorises(orderAfter('unload_tally'), scan);
    expect(!answer.authorised && answer.refusal).toMatchObject({ code: 'STEP_OUT_OF_ORDER', details: { expected: 'weigh' } });
  });

  it('authorises weighing under an inbound order while weigh is next', () => {
    expect(authorises(orderAfter('unload_tally'), { ...scan, operation: 'weigh', step: 'weigh' }).authorised).toBe(true);
  });

  it('refuses an unknown operation as invalid input', () => {
    const answer = authorises(arrived, { ...scan, operation: 'teleport' as never });
    expect(!answer.authorised && answer.refusal).toMatchObject({ code: 'OPERATION_INVALID', field: 'operation' });
  });

  it('requireAuthorisation throws the refusal and passes an authorised operation', () => {
    expect(() => requireAuthorisation(arrived, scan)).not.toThrow();
    expect(() => requireAuthorisation(undefined, scan)).toThrow(expect.objectContaining({ code: 'NO_AUTHORISING_ORDER' }));
  });
});

describe('inventory steps', () => {
  it('names the floor work of the standard workflows and leaves the desk steps to the desk', () => {
    expect(['unload_tally', 'weigh', 'inspect', 'put_away', 'pick', 'load', 'move', 'count', 'reconcile'].every(isInventoryStep)).toBe(true);
    expect(['notice', 'arrival', 'plan', 'verify_title', 'confirm'].some(isInventoryStep)).toBe(false);
    expect(isInventoryStep('constructor')).toBe(false);
  });

  it('maps each floor step to the operation authorised under it', () => {
    expect(INVENTORY_STEPS).toMatchObject({ unload_tally: 'receive', weigh: 'weigh', put_away: 'put_away', count: 'count', reconcile: 'count' });
  });
});
