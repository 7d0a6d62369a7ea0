import type { EventStore } from '@dw/event-store';
import { workOrderDatabase } from '../../work-order.int-fixtures.spec-helper';
import { workOrderStream } from '../../work-order.streams';
import { RecordStepCommandHandler } from './record-step.command-handler';

/** Desk steps on real PostgreSQL: a refused step appends nothing, a stale If-Match is a typed conflict. */
const orders = workOrderDatabase('order_step', { standardWorkflows: true });
const { acting } = orders;
let store: EventStore;
let recordStep: RecordStepCommandHandler;

beforeAll(async () => {
  const opened = await orders.open();
  store = opened.store;
  recordStep = new RecordStepCommandHandler(store, opened.outbox);
  // Two inbound orders opened under the default workflow (version 2 of each order's stream).
  for (const orderId of ['wo-1', 'wo-3']) await orders.openInboundOrder(orderId);
});
afterAll(() => orders.close());

describe('desk steps on PostgreSQL', () => {
  it('refuses a floor step recorded at the desk (STEP_RECORDED_BY_INVENTORY) and appends nothing', async () => {
    await recordStep.execute('wo-1', 'notice', null, acting());
    await recordStep.execute('wo-1', 'arrival', null, acting());
    await expect(recordStep.execute('wo-1', 'unload_tally', null, acting())).rejects.toEqual(
      expect.objectContaining({ code: 'STEP_RECORDED_BY_INVENTORY', details: { step: 'unload_tally', operation: 'receive' } }),
    );
    expect(await store.streamVersion(workOrderStream('wo-1'))).toBe(4);
  });

  it('refuses a stale If-Match version with a typed conflict', async () => {
    await expect(recordStep.execute('wo-3', 'notice', null, acting(), 1)).rejects.toMatchObject({ code: 'STREAM_VERSION_CONFLICT' });
  });
});
