import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { EventRegistry, orderEventSchemas, StepEvidenceKind, WorkOrderStepPerformedSchema } from '@dw/contracts';
import { EventStore } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { BaseServiceConfig, migrationsOf, TopicNames } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { orderServiceDefinition } from '../../order.service-definition';
import { StandardWorkflowsSeeder } from '../../workflow/standard-workflows.seeder';
import { notice } from '../domain/work-order.test-fixtures';
import { WorkOrderCommandHandler } from '../work-order.command-handler';
import { workOrderStream } from '../work-order.streams';
import { RecordStepWhenStepPerformedKafkaHandler } from './record-step-when-step-performed.kafka-handler';
import { StorageCards } from '../../storage-card/storage-cards';
import { inboxDelivery } from '../../testing/inbox-delivery.spec-helper';

/**
 * The order service's Kafka handlers on real PostgreSQL, each run in a transaction like the
 * inbox's: what they append, and what they record instead when the business rules refuse.
 */
let t: TestServiceDatabase;
let store: EventStore;
let orders: WorkOrderCommandHandler;
let deliver: ReturnType<typeof inboxDelivery>;
const clock = new ManualClock('2025-03-03T02:00:00Z');
const acting = { actor: 'desk-clerk-7', at: '2025-03-03T02:00:00Z', metadata: { actor: { subject: 'desk-clerk-7', role: 'clerk' }, correlationId: 'int' } };
const refusals = async () =>
  (
    await t.db.query<{ data: { code: string; orderId: string } }>(
      `SELECT data FROM events WHERE event_type = 'IntegrationEventRefused' ORDER BY global_position`,
    )
  ).rows.map((r) => r.data);

beforeAll(async () => {
  t = await createTestServiceDatabase('order_kafka', migrationsOf(orderServiceDefinition));
  store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  deliver = inboxDelivery(store);
  const topics = new TopicNames(Object.assign(new BaseServiceConfig(), { KAFKA_TOPIC_PREFIX: 'int' }));
  const cards = new StorageCards(store);
  orders = new WorkOrderCommandHandler(store, cards, topics, new EventRegistry().register(...orderEventSchemas));
  // The receipt service approved SC-0001 for P-0001.
  await store.transaction((tx) =>
    cards.recordIn(
      tx,
      { type: 'RecordStorageCardStatus', data: { storageCard: 'SC-0001', party: 'P-0001', holderName: 'Hengda', status: 'approved', at: acting.at } },
      acting.metadata,
    ),
  );
  await new StandardWorkflowsSeeder(store, clock).onApplicationBootstrap();
  await orders.draft('wo-1', { warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice }, acting);
  await orders.open('wo-1', acting);
});
afterAll(() => t?.close());

const performed = (orderId: string, step: string) =>
  create(WorkOrderStepPerformedSchema, {
    orderId,
    step,
    evidenceKind: StepEvidenceKind.UNSPECIFIED,
    subject: `lot-${orderId}`,
    performedBy: { subject: 'operator-12', role: 'operator', partyId: '' },
    performedAt: timestampFromDate(new Date('2025-03-04T03:00:00Z')),
  });

describe('order Kafka handlers', () => {
  const steps = () => new RecordStepWhenStepPerformedKafkaHandler(orders);

  it('records a reported step with the operator and the time the work was done', async () => {
    await orders.recordDeskStep('wo-1', 'notice', null, acting);
    await orders.recordDeskStep('wo-1', 'arrival', null, acting);
    await deliver((e, ctx) => steps().onStepPerformed(e, ctx), performed('wo-1', 'unload_tally'), WorkOrderStepPerformedSchema.typeName);
    const recorded = (await store.readStream(workOrderStream('wo-1'))).at(-1)!;
    expect(recorded).toMatchObject({
      type: 'WorkOrderStepRecorded',
      data: { step: 'unload_tally', actor: 'operator-12', at: '2025-03-04T03:00:00.000Z' },
      metadata: { actor: { subject: 'operator-12', role: 'operator' } },
    });
  });

  it('records a report the order refuses (out of order) instead of retrying it, and changes nothing', async () => {
    const before = await store.streamVersion(workOrderStream('wo-1'));
    await deliver((e, ctx) => steps().onStepPerformed(e, ctx), performed('wo-1', 'put_away'), WorkOrderStepPerformedSchema.typeName);
    expect(await store.streamVersion(workOrderStream('wo-1'))).toBe(before);
    expect(await refusals()).toEqual([expect.objectContaining({ code: 'STEP_OUT_OF_ORDER', orderId: 'wo-1' })]);
  });
});
