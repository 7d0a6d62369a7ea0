import { foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import { authorises } from '@dw/work-orders';
import { orderAuthorityDecider } from './order-authority.decider';
import { OrderAuthorityEvent } from './order-authority.events';

const spec = deciderSpec(orderAuthorityDecider);
const steps = ['notice', 'arrival', 'unload_tally', 'weigh', 'confirm'].map((code) => ({
  code,
  name: code,
  check: 'none' as const,
  required: true,
  movesGoods: false,
}));
const opened: OrderAuthorityEvent = {
  type: 'OrderAuthorityOpened',
  data: {
    orderId: 'wo-1',
    type: 'inbound',
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    ownerParty: 'P-0001',
    commodity: 'rb-400e-20-sg',
    expected: { pieces: 3, kg: 6_000 },
    workflowId: 'inbound/*/*',
    workflowVersion: 1,
    steps,
    openedAt: '2025-03-04T01:00:00Z',
  },
};
const step = (code: string, sequence: number): OrderAuthorityEvent => ({
  type: 'OrderAuthorityStepRecorded',
  data: { orderId: 'wo-1', step: code, sequence, recordedBy: 'clerk-7', recordedAt: '2025-03-04T02:00:00Z' },
});

describe('order authority', () => {
  it('notes an opened order once', () => {
    spec.given([]).when({ type: 'NoteOrderOpened', data: opened.data }).then([opened]);
    spec.given([opened]).when({ type: 'NoteOrderOpened', data: opened.data }).then([]);
  });

  it('notes each step once, in the order the order service numbered them', () => {
    spec
      .given([opened])
      .when({ type: 'NoteOrderStep', data: step('notice', 1).data as never })
      .then([step('notice', 1)]);
    // a redelivered step 1, and a step 3 before step 2, change nothing
    spec
      .given([opened, step('notice', 1)])
      .when({ type: 'NoteOrderStep', data: step('notice', 1).data as never })
      .then([]);
    spec
      .given([opened, step('notice', 1)])
      .when({ type: 'NoteOrderStep', data: step('unload_tally', 3).data as never })
      .then([]);
  });

  it('ignores facts about an order it never saw opened', () => {
    spec
      .given([])
      .when({ type: 'NoteOrderStep', data: step('notice', 1).data as never })
      .then([]);
    spec
      .given([])
      .when({ type: 'NoteOrderClosed', data: { orderId: 'wo-1', status: 'cancelled', closedAt: '2025-03-04T03:00:00Z' } })
      .then([]);
  });

  it('keeps the entitlement an outbound order was opened from, and none for an order recorded without one', () => {
    const outbound: OrderAuthorityEvent = {
      type: 'OrderAuthorityOpened',
      data: { ...opened.data, orderId: 'wo-out-1', type: 'outbound', entitlement: { entitlementId: 'ENT-WR-1', receiptNumber: 'WR-1', lots: [] } },
    } as OrderAuthorityEvent;
    expect(foldEvents(orderAuthorityDecider, [outbound])).toMatchObject({ entitlement: { entitlementId: 'ENT-WR-1' } });
    // an event recorded before inventory kept entitlements has no such field
    expect(foldEvents(orderAuthorityDecider, [opened])).toMatchObject({ entitlement: null });
  });

  it('closes an order once', () => {
    const closed: OrderAuthorityEvent = { type: 'OrderAuthorityClosed', data: { orderId: 'wo-1', status: 'completed', closedAt: '2025-03-04T03:00:00Z' } };
    spec
      .given([opened])
      .when({ type: 'NoteOrderClosed', data: closed.data as never })
      .then([closed]);
    spec
      .given([opened, closed])
      .when({ type: 'NoteOrderClosed', data: closed.data as never })
      .then([]);
  });

  it('is what the shared authorisation rule asks: scans while unload_tally is next, nothing once closed', () => {
    const arrived = foldEvents(orderAuthorityDecider, [opened, step('notice', 1), step('arrival', 2)]);
    const scan = { operation: 'receive' as const, warehouse: 'WH-SH-01', owner: 'SC-0001', step: 'unload_tally' };
    expect(authorises(arrived, scan)).toEqual({ authorised: true, orderId: 'wo-1', step: 'unload_tally' });
    const cancelled = foldEvents(orderAuthorityDecider, [
      opened,
      step('notice', 1),
      step('arrival', 2),
      { type: 'OrderAuthorityClosed', data: { orderId: 'wo-1', status: 'cancelled', closedAt: 'x' } },
    ]);
    expect(authorises(cancelled, scan)).toMatchObject({ authorised: false, refusal: { code: 'NO_AUTHORISING_ORDER', details: { reason: 'order_not_open' } } });
  });
});
