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
import { decideWorkOrderIn, WorkOrderOutbox } from '../../work-order-changes';
import { DraftInboundOrderCommandHandler } from '../draft-inbound-order/draft-inbound-order.command-handler';
import { OpenWorkOrderCommandHandler } from '../open-work-order/open-work-order.command-handler';
import { RecordStepCommandHandler } from '../record-step/record-step.command-handler';
import { CancelWorkOrderCommandHandler } from './cancel-work-order.command-handler';

/** Cancelling work orders on real PostgreSQL: no cancellation once goods moved under the order. */
let t: TestServiceDatabase;
let store: EventStore;
let outbox: WorkOrderOutbox;
let cancelWorkOrder: CancelWorkOrderCommandHandler;
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
  t = await createTestServiceDatabase('order_cancel', migrationsOf(orderServiceDefinition));
  store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  const topics = new TopicNames(Object.assign(new BaseServiceConfig(), { KAFKA_TOPIC_PREFIX: 'int' }));
  outbox = new WorkOrderOutbox(topics, new EventRegistry().register(...orderEventSchemas));
  cancelWorkOrder = new CancelWorkOrderCommandHandler(store, outbox);
  // The receipt service approved SC-0001 for P-0001 (its StorageCardApproved, as the consumer records it).
  await recordCard('SC-0001', 'P-0001', 'approved');
  await new StandardWorkflowsSeeder(store, clock).onApplicationBootstrap();
  // An inbound order opened under the default workflow, its notice and arrival recorded at the desk.
  await new DraftInboundOrderCommandHandler(store, outbox).execute('wo-1', { warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice }, acting());
  await new OpenWorkOrderCommandHandler(store, outbox).execute('wo-1', acting());
  await new RecordStepCommandHandler(store, outbox).execute('wo-1', 'notice', null, acting());
  await new RecordStepCommandHandler(store, outbox).execute('wo-1', 'arrival', null, acting());
});
afterAll(() => t?.close());

describe('cancelling work orders on PostgreSQL', () => {
  it('records a reported floor step with the operator, after which the order cannot be cancelled', async () => {
    // A floor step as inventory reports it (RecordStepWhenStepPerformedKafkaHandler), in the consumer's transaction.
    const operator = acting('operator-12', 'operator');
    const reported = await store.transaction((tx) =>
      decideWorkOrderIn(
        tx,
        outbox,
        'wo-1',
        { type: 'RecordStep', data: { orderId: 'wo-1', step: 'unload_tally', evidence: null, actor: operator.actor, at: operator.at } },
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
