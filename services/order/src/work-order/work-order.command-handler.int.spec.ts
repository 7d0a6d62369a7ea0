import { fromBinary } from '@bufbuild/protobuf';
import { EventRegistry, orderEventSchemas, WorkOrderOpenedSchema } from '@dw/contracts';
import { EventStore, handleCommand, loadAggregate } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { BaseServiceConfig, migrationsOf, TopicNames, type Acting } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { orderServiceDefinition } from '../order.service-definition';
import type { StorageCardStatus } from '../storage-card/domain/storage-card.events';
import { ReceiptBackings } from '../receipt-backing/receipt-backing';
import { StorageCards } from '../storage-card/storage-cards';
import { STANDARD_INBOUND_STEPS } from '../workflow/domain/standard-workflows';
import { workflowDecider } from '../workflow/domain/workflow.decider';
import { StandardWorkflowsSeeder } from '../workflow/standard-workflows.seeder';
import { workflowStream } from '../workflow/workflow.streams';
import { workOrderDecider } from './domain/work-order.decider';
import { notice } from './domain/work-order.test-fixtures';
import { WorkOrderCommandHandler } from './work-order.command-handler';
import { workOrderStream } from './work-order.streams';

/** The work-order command handler on real PostgreSQL: events, outbox rows and refusals that write nothing. */
let t: TestServiceDatabase;
let store: EventStore;
let orders: WorkOrderCommandHandler;
let cards: StorageCards;
const recordCard = (storageCard: string, party: string, status: StorageCardStatus) =>
  store.transaction((tx) =>
    cards.recordIn(
      tx,
      { type: 'RecordStorageCardStatus', data: { storageCard, party, holderName: `${party} Ltd`, status, at: clock.now().toISOString() } },
      acting('receipt', 'system').metadata,
    ),
  );
const clock = new ManualClock('2025-03-03T02:00:00Z');
const acting = (actor = 'desk-clerk-7', role = 'clerk'): Acting => ({
  actor,
  at: clock.now().toISOString(),
  metadata: { actor: { subject: actor, role }, correlationId: 'int' },
});
const outboxTypes = async (key: string) =>
  (await t.db.query<{ type: string }>(`SELECT headers->>'ce_type' AS type FROM outbox WHERE message_key = $1 ORDER BY id`, [key])).rows.map((r) => r.type);

beforeAll(async () => {
  t = await createTestServiceDatabase('order_cmd', migrationsOf(orderServiceDefinition));
  store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  const topics = new TopicNames(Object.assign(new BaseServiceConfig(), { KAFKA_TOPIC_PREFIX: 'int' }));
  cards = new StorageCards(store);
  orders = new WorkOrderCommandHandler(store, cards, new ReceiptBackings(), topics, new EventRegistry().register(...orderEventSchemas));
  // The receipt service approved SC-0001 for P-0001 (its StorageCardApproved, as the consumer records it).
  await recordCard('SC-0001', 'P-0001', 'approved');
  const seeder = new StandardWorkflowsSeeder(store, clock);
  await seeder.onApplicationBootstrap();
  await seeder.onApplicationBootstrap(); // a restart publishes nothing new
});
afterAll(() => t?.close());

describe('work-order commands on PostgreSQL', () => {
  it('seeded each default workflow once, as version 1', async () => {
    expect(await store.streamVersion(workflowStream('inbound/*/*'))).toBe(1);
    expect(await store.streamVersion(workflowStream('stocktake/*/*'))).toBe(1);
  });

  it('drafts an inbound order on an approved card for the card’s party, opens it under the default workflow and publishes the opened order', async () => {
    await orders.draft('wo-1', { warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice }, acting());
    const handled = await orders.open('wo-1', acting());
    expect(handled.state).toMatchObject({ status: 'open', workflow: { workflowId: 'inbound/*/*', version: 1 } });
    expect(await store.streamVersion('storage-card-SC-0001')).toBe(1);
    expect(await outboxTypes(workOrderStream('wo-1'))).toEqual([WorkOrderOpenedSchema.typeName]);
    const { rows } = await t.db.query<{ payload: Buffer }>(`SELECT payload FROM outbox WHERE message_key = $1`, [workOrderStream('wo-1')]);
    expect(fromBinary(WorkOrderOpenedSchema, rows[0]!.payload)).toMatchObject({ orderId: 'wo-1', ownerStorageCard: 'SC-0001', ownerPartyId: 'P-0001' });
  });

  it('refuses an order naming the card for another party, and writes neither the order nor anything on the card', async () => {
    await expect(orders.draft('wo-2', { warehouse: 'WH-SH-01', ownerParty: 'P-0002', notice }, acting())).rejects.toMatchObject({
      code: 'STORAGE_CARD_PARTY_MISMATCH',
      kind: 'invalid',
      field: 'ownerParty',
    });
    expect(await store.streamVersion(workOrderStream('wo-2'))).toBe(0);
    expect(await store.streamVersion('storage-card-SC-0001')).toBe(1);
  });

  it('takes the order’s party from its card when the desk names none', async () => {
    const handled = await orders.draft('wo-party', { type: 'move', warehouse: 'WH-SH-01', owner: 'SC-0001', commodity: 'rebar', arrivalMode: null }, acting());
    expect(handled.state).toMatchObject({ owner: 'SC-0001', ownerParty: 'P-0001' });
  });

  it('refuses a card the receipt service never issued (404) and one it has not approved or has suspended (409), writing nothing', async () => {
    const onCard = (owner: string) =>
      orders.draft(`wo-${owner}`, { type: 'move', warehouse: 'WH-SH-01', owner, ownerParty: 'P-0003', commodity: 'rebar', arrivalMode: null }, acting());
    await expect(onCard('SC-NEVER')).rejects.toMatchObject({ code: 'CARD_NOT_FOUND', kind: 'not_found', details: { field: 'owner' } });
    await recordCard('SC-0003', 'P-0003', 'applied');
    await expect(onCard('SC-0003')).rejects.toMatchObject({ code: 'CARD_NOT_APPROVED', kind: 'conflict', details: { status: 'applied' } });
    await recordCard('SC-0003', 'P-0003', 'approved');
    await recordCard('SC-0003', 'P-0003', 'suspended');
    await expect(onCard('SC-0003')).rejects.toMatchObject({ code: 'CARD_NOT_APPROVED', details: { status: 'suspended' } });
    expect(await store.streamVersion(workOrderStream('wo-SC-NEVER'))).toBe(0);
    expect(await store.streamVersion(workOrderStream('wo-SC-0003'))).toBe(0);
    await recordCard('SC-0003', 'P-0003', 'approved');
    await expect(onCard('SC-0003')).resolves.toMatchObject({ state: { ownerParty: 'P-0003' } });
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
    await orders.draft('wo-3', { warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice }, acting());
    expect((await orders.open('wo-3', acting())).state).toMatchObject({ workflow: { workflowId: 'inbound/rebar/truck', version: 1 } });
    const first = await store.transaction((tx) => loadAggregate(tx, workOrderStream('wo-1'), workOrderDecider));
    expect(first.state).toMatchObject({ workflow: { workflowId: 'inbound/*/*' } });
  });

  it('refuses a floor step recorded at the desk (STEP_RECORDED_BY_INVENTORY) and appends nothing', async () => {
    await orders.recordDeskStep('wo-1', 'notice', null, acting());
    await orders.recordDeskStep('wo-1', 'arrival', null, acting());
    await expect(orders.recordDeskStep('wo-1', 'unload_tally', null, acting())).rejects.toEqual(
      expect.objectContaining({ code: 'STEP_RECORDED_BY_INVENTORY', details: { step: 'unload_tally', operation: 'receive' } }),
    );
    expect(await store.streamVersion(workOrderStream('wo-1'))).toBe(4);
  });

  it('records a reported floor step with the operator, after which the order cannot be cancelled', async () => {
    const reported = await store.transaction((tx) => orders.recordReportedStepIn(tx, 'wo-1', 'unload_tally', null, acting('operator-12', 'operator')));
    expect(reported.state).toMatchObject({
      status: 'in_progress',
      history: expect.arrayContaining([expect.objectContaining({ step: 'unload_tally', actor: 'operator-12' })]),
    });
    await expect(orders.cancel('wo-1', 'depositor withdrew', acting())).rejects.toMatchObject({
      code: 'CANCEL_AFTER_GOODS_MOVED',
      details: { movedBy: ['unload_tally'] },
    });
  });

  it('refuses a stale If-Match version with a typed conflict', async () => {
    await expect(orders.recordDeskStep('wo-3', 'notice', null, acting(), 1)).rejects.toMatchObject({ code: 'STREAM_VERSION_CONFLICT' });
  });
});
