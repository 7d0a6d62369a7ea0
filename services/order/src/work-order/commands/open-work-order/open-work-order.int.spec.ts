import { fromBinary } from '@bufbuild/protobuf';
import { WorkOrderOpenedSchema } from '@dw/contracts';
import { type EventStore, handleCommand, loadAggregate } from '@dw/event-store';
import type { TestServiceDatabase } from '@dw/testing';
import { STANDARD_INBOUND_STEPS } from '../../../workflow/domain/standard-workflows';
import { workflowDecider } from '../../../workflow/domain/workflow.decider';
import { workflowStream } from '../../../workflow/workflow.streams';
import { workOrderDecider } from '../../domain/work-order.decider';
import { notice } from '../../domain/work-order.test-fixtures';
import { workOrderDatabase } from '../../work-order.int-fixtures.spec-helper';
import { workOrderStream } from '../../work-order.streams';
import { DraftInboundOrderCommandHandler } from '../draft-inbound-order/draft-inbound-order.command-handler';
import { OpenWorkOrderCommandHandler } from './open-work-order.command-handler';

/** Opening work orders on real PostgreSQL: the workflow pinned, and the opened order published in the same transaction. */
const orders = workOrderDatabase('order_open', { standardWorkflows: true });
const { clock, acting } = orders;
let t: TestServiceDatabase;
let store: EventStore;
let draftInboundOrder: DraftInboundOrderCommandHandler;
let openWorkOrder: OpenWorkOrderCommandHandler;
const outboxTypes = async (key: string) =>
  (await t.db.query<{ type: string }>(`SELECT headers->>'ce_type' AS type FROM outbox WHERE message_key = $1 ORDER BY id`, [key])).rows.map((r) => r.type);

beforeAll(async () => {
  const opened = await orders.open();
  ({ t, store } = opened);
  draftInboundOrder = new DraftInboundOrderCommandHandler(store, opened.outbox);
  openWorkOrder = new OpenWorkOrderCommandHandler(store, opened.outbox);
});
afterAll(() => orders.close());

describe('opening work orders on PostgreSQL', () => {
  it('drafts an inbound order on an approved card for the card’s party, opens it under the default workflow and publishes the opened order', async () => {
    await draftInboundOrder.execute('wo-1', { warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice }, acting());
    const handled = await openWorkOrder.execute('wo-1', acting());
    expect(handled.state).toMatchObject({ status: 'open', workflow: { workflowId: 'inbound/*/*', version: 1 } });
    expect(await store.streamVersion('storage-card-SC-0001')).toBe(1);
    expect(await outboxTypes(workOrderStream('wo-1'))).toEqual([WorkOrderOpenedSchema.typeName]);
    const { rows } = await t.db.query<{ payload: Buffer }>(`SELECT payload FROM outbox WHERE message_key = $1`, [workOrderStream('wo-1')]);
    expect(fromBinary(WorkOrderOpenedSchema, rows[0]!.payload)).toMatchObject({ orderId: 'wo-1', ownerStorageCard: 'SC-0001', ownerPartyId: 'P-0001' });
  });

  it('opens a new order under the most specific workflow published since, while the opened order keeps its own', async () => {
    const rebarByTruck = { orderType: 'inbound' as const, commodity: 'rebar', arrivalMode: 'truck' as const };
    const withoutInspection = STANDARD_INBOUND_STEPS.filter((step) => step.code !== 'inspect');
    await handleCommand(store, {
      streamId: workflowStream('inbound/rebar/truck'),
      streamType: 'workflow',
      decider: workflowDecider,
      command: { type: 'PublishWorkflowVersion', data: { key: rebarByTruck, steps: withoutInspection, actor: 'manager-1', at: clock.now().toISOString() } },
      metadata: acting('manager-1', 'manager').metadata,
    });
    await draftInboundOrder.execute('wo-3', { warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice }, acting());
    expect((await openWorkOrder.execute('wo-3', acting())).state).toMatchObject({ workflow: { workflowId: 'inbound/rebar/truck', version: 1 } });
    const first = await store.transaction((tx) => loadAggregate(tx, workOrderStream('wo-1'), workOrderDecider));
    expect(first.state).toMatchObject({ workflow: { workflowId: 'inbound/*/*' } });
  });
});
