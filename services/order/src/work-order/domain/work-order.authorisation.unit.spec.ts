import { foldEvents } from '@dw/kernel';
import { workOrderDecider } from './work-order.decider';
import { AuthorisationRequest, authorises, requireAuthorisation } from '@dw/work-orders';
import { WorkOrderEvent } from './work-order.events';
import { actor, at, drafted, openInbound, orderId, stepsUpTo } from './work-order.test-fixtures';

const stateAfter = (events: WorkOrderEvent[]) => foldEvents(workOrderDecider, events);
const scan: AuthorisationRequest = { operation: 'receive', warehouse: 'WH-SH-01', owner: 'SC-0001', step: 'unload_tally' };
const arrived = stateAfter([...openInbound, ...stepsUpTo('arrival')]);

describe('authorises', () => {
  it('authorises scanning while unload_tally is the step being worked on', () => {
    expect(authorises(arrived, scan)).toEqual({ authorised: true, orderId, step: 'unload_tally' });
  });

  it.each([
    ['no order at all', undefined, 'no_order'],
    ['an order id with no stream', { status: 'none' as const }, 'no_order'],
    ['a draft', stateAfter([drafted]), 'order_not_open'],
    ['a cancelled order', stateAfter([...openInbound, { type: 'WorkOrderCancelled', data: { orderId, reason: 'x', previousStatus: 'open', actor, at } }]), 'order_not_open'],
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
      details: { orderId, step: 'put_away', expected: 'unload_tally' },
    });
  });

  it('refuses more scans once the tally step is recorded done', () => {
    const tallied = stateAfter([...openInbound, ...stepsUpTo('unload_tally')]);
    const answer = authorises(tallied, scan);
    expect(!answer.authorised && answer.refusal).toMatchObject({ code: 'STEP_OUT_OF_ORDER', details: { expected: 'weigh' } });
  });

  it('authorises weighing under an inbound order while weigh is next', () => {
    const tallied = stateAfter([...openInbound, ...stepsUpTo('unload_tally')]);
    expect(authorises(tallied, { ...scan, operation: 'weigh', step: 'weigh' }).authorised).toBe(true);
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
