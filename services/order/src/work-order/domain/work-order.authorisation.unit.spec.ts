import { foldEvents } from '@dw/kernel';
import { workOrderDecider } from './work-order.decider';
import { AuthorisationRequest, authorises } from '@dw/work-orders';
import { WorkOrderEvent } from './work-order.events';
import { actor, at, drafted, openInbound, orderId, stepsUpTo } from './work-order.test-fixtures';

/**
 * The authorisation rules themselves are specified in libs/work-orders. These cases check the
 * seam: the state the order decider folds from its own events is what those rules read.
 */
const stateAfter = (events: WorkOrderEvent[]) => foldEvents(workOrderDecider, events);
const scan: AuthorisationRequest = { operation: 'receive', warehouse: 'WH-SH-01', owner: 'SC-0001', step: 'unload_tally' };
const arrived = stateAfter([...openInbound, ...stepsUpTo('arrival')]);
const tallied = stateAfter([...openInbound, ...stepsUpTo('unload_tally')]);

describe('authorisation over the order decider state', () => {
  it('authorises scanning once the desk recorded arrival, as unload_tally is being worked on', () => {
    expect(authorises(arrived, scan)).toEqual({ authorised: true, orderId, step: 'unload_tally' });
  });

  it.each([
    ['a draft', stateAfter([drafted])],
    ['a cancelled order', stateAfter([...openInbound, { type: 'WorkOrderCancelled', data: { orderId, reason: 'x', previousStatus: 'open', actor, at } }])],
  ])('reads %s as not open (NO_AUTHORISING_ORDER)', (_label, order) => {
    const answer = authorises(order, scan);
    expect(!answer.authorised && answer.refusal).toMatchObject({ code: 'NO_AUTHORISING_ORDER', details: { reason: 'order_not_open' } });
  });

  it('moves on with the recorded steps: after the tally, scans are out of order and weighing is next', () => {
    const answer = authorises(tallied, scan);
    expect(!answer.authorised && answer.refusal).toMatchObject({ code: 'STEP_OUT_OF_ORDER', details: { expected: 'weigh' } });
    expect(authorises(tallied, { ...scan, operation: 'weigh', step: 'weigh' }).authorised).toBe(true);
  });
});
