import { EventRegistry, orderEventSchemas } from '@dw/contracts';
import { EventStore } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { BaseServiceConfig, migrationsOf, TopicNames, type Acting } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { orderServiceDefinition } from '../../../order.service-definition';
import type { StorageCardStatus } from '../../../storage-card/domain/storage-card.events';
import { recordStorageCardIn } from '../../../storage-card/storage-cards';
import { StandardWorkflowsSeeder } from '../../../workflow/standard-workflows.seeder';
import { notice } from '../../domain/work-order.test-fixtures';
import { WorkOrderOutbox } from '../../work-order-changes';
import { workOrderStream } from '../../work-order.streams';
import { DraftInboundOrderCommandHandler } from '../draft-inbound-order/draft-inbound-order.command-handler';
import { OpenWorkOrderCommandHandler } from '../open-work-order/open-work-order.command-handler';
import { RecordStepCommandHandler } from './record-step.command-handler';

/** Desk steps on real PostgreSQL: a refused step appends nothing, a stale If-Match is a typed conflict. */
let t: TestServiceDatabase;
let store: EventStore;
let recordStep: RecordStepCommandHandler;
const recordCard = (storageCard: string, party: string, status: StorageCardStatus) =>
  store.transaction((tx) =>
    recordStorageCardIn(
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

beforeAll(async () => {
  t = await createTestServiceDatabase('order_step', migrationsOf(orderServiceDefinition));
  store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  const topics = new TopicNames(Object.assign(new BaseServiceConfig(), { KAFKA_TOPIC_PREFIX: 'int' }));
  const outbox = new WorkOrderOutbox(topics, new EventRegistry().register(...orderEventSchemas));
  recordStep = new RecordStepCommandHandler(store, outbox);
  // The receipt service approved SC-0001 for P-0001 (its StorageCardApproved, as the consumer records it).
  await recordCard('SC-0001', 'P-0001', 'approved');
  await new StandardWorkflowsSeeder(store, clock).onApplicationBootstrap();
  // Two inbound orders opened under the default workflow (version 2 of each order's stream).
  for (const orderId of ['wo-1', 'wo-3']) {
    await new DraftInboundOrderCommandHandler(store, outbox).execute(orderId, { warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice }, acting());
    await new OpenWorkOrderCommandHandler(store, outbox).execute(orderId, acting());
  }
});
afterAll(() => t?.close());

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
