import type { EventStore } from '@dw/event-store';
import { workOrderDatabase } from '../../work-order.int-fixtures.spec-helper';
import { decideWorkOrderIn, type WorkOrderOutbox } from '../../work-order-changes';
import { RecordStepCommandHandler } from '../record-step/record-step.command-handler';
import { CancelWorkOrderCommandHandler } from './cancel-work-order.command-handler';

/** Cancelling work orders on real PostgreSQL: no cancellation once goods moved under the order. */
const orders = workOrderDatabase('order_cancel', { standardWorkflows: true });
const { acting } = orders;
let store: EventStore;
let outbox: WorkOrderOutbox;
let cancelWorkOrder: CancelWorkOrderCommandHandler;

beforeAll(async () => {
  ({ store, outbox } = await orders.open());
  cancelWorkOrder = new CancelWorkOrderCommandHandler(store, outbox);
  // An inbound order opened under the default workflow, its notice and arrival recorded at the desk.
  await orders.openInboundOrder('wo-1');
  await new RecordStepCommandHandler(store, outbox).execute('wo-1', 'notice', null, acting());
  await new RecordStepCommandHandler(store, outbox).execute('wo-1', 'arrival', null, acting());
});
afterAll(() => orders.close());

describe('cancelling work orders on PostgreSQL', () => {
  it('records a reported floor step with the operator, after which the order cannot be cancelled', async () => {
    // A floor step as inventory reports it (RecordStepWhenStepPerformedKafkaHandler), in the consumer's transaction.
    const operator = acting('operator-12', 'operator');
    const reported = await store.transaction((tx) =>
      decideWorkOrderIn(
        tx,
        outbox,
        'wo-1',
        { type: 'RecordStep', data: { orderId: 'wo-1', step: 'unload_tally', evidence: null, actor: operator.actor.subject, at: operator.at } },
        operator,
      ),
    );
    expect(reported.state).toMatchObject({
      status: 'in_progress',
      history: expect.arrayContaining([expect.objectContaining({ step: 'unload_tally', actor: 'operator-12' })]),
    });
    await expect(cancelWorkOrder.execute('wo-1', 'depositor withdrew', acting())).rejects.toMatchObject({
      code: 'CANCEL_AFTER_GOODS_MOVED',
      details: { movedBy: ['unload_tally'] },
    });
  });
});
