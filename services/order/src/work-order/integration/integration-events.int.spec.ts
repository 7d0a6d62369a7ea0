import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  EventRegistry,
  orderEventSchemas,
  ReceiptHolderSchema,
  ReceiptTitleTransferredSchema,
  StepEvidenceKind,
  WorkOrderStepPerformedSchema,
} from '@dw/contracts';
import { EventStore } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { migrationsOf, TopicNames } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { orderServiceDefinition } from '../../order.service-definition';
import { StandardWorkflowsSeeder } from '../../workflow/standard-workflows.seeder';
import { notice } from '../domain/work-order.test-fixtures';
import { DraftInboundOrderCommandHandler } from '../commands/draft-inbound-order/draft-inbound-order.command-handler';
import { DraftWorkOrderCommandHandler } from '../commands/draft-work-order/draft-work-order.command-handler';
import { OpenWorkOrderCommandHandler } from '../commands/open-work-order/open-work-order.command-handler';
import { RecordStepCommandHandler } from '../commands/record-step/record-step.command-handler';
import { WorkOrderOutbox } from '../work-order-changes';
import { workOrderStream } from '../work-order.streams';
import { CompleteTitleTransferOrderWhenTitleTransferredKafkaHandler } from './complete-title-transfer-order-when-title-transferred.kafka-handler';
import { RecordStepWhenStepPerformedKafkaHandler } from './record-step-when-step-performed.kafka-handler';
import { recordStorageCardIn } from '../../storage-card/storage-cards';
import { inboxDelivery } from '../../testing/inbox-delivery.spec-helper';

/**
 * The order service's Kafka handlers on real PostgreSQL, each run in a transaction like the
 * inbox's: what they append, and what they record instead when the business rules refuse.
 */
let t: TestServiceDatabase;
let store: EventStore;
let outbox: WorkOrderOutbox;
let draftInboundOrder: DraftInboundOrderCommandHandler;
let draftWorkOrder: DraftWorkOrderCommandHandler;
let openWorkOrder: OpenWorkOrderCommandHandler;
let recordStep: RecordStepCommandHandler;
let deliver: ReturnType<typeof inboxDelivery>;
const clock = new ManualClock('2025-03-03T02:00:00Z');
const acting = {
  actor: { subject: 'desk-clerk-7', role: 'clerk' },
  at: '2025-03-03T02:00:00Z',
  metadata: { actor: { subject: 'desk-clerk-7', role: 'clerk' }, correlationId: 'int' },
};
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
  const topics = TopicNames.withPrefix('int');
  outbox = new WorkOrderOutbox(topics, new EventRegistry().register(...orderEventSchemas));
  draftInboundOrder = new DraftInboundOrderCommandHandler(store, outbox);
  draftWorkOrder = new DraftWorkOrderCommandHandler(store, outbox);
  openWorkOrder = new OpenWorkOrderCommandHandler(store, outbox);
  recordStep = new RecordStepCommandHandler(store, outbox);
  // The receipt service approved SC-0001 for P-0001.
  await store.transaction((tx) =>
    recordStorageCardIn(
      tx,
      { type: 'RecordStorageCardStatus', data: { storageCard: 'SC-0001', party: 'P-0001', holderName: 'Hengda', status: 'approved', at: acting.at } },
      acting.metadata,
    ),
  );
  await new StandardWorkflowsSeeder(store, clock).onApplicationBootstrap();
  await draftInboundOrder.execute('wo-1', { warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice }, acting);
  await openWorkOrder.execute('wo-1', acting);
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
  const steps = () => new RecordStepWhenStepPerformedKafkaHandler(outbox);

  it('records a reported step with the operator and the time the work was done', async () => {
    await recordStep.execute('wo-1', 'notice', null, acting);
    await recordStep.execute('wo-1', 'arrival', null, acting);
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

  it('completes the title-transfer order waiting for the receipt to reach the buyer’s card, once, and no other', async () => {
    const handler = new CompleteTitleTransferOrderWhenTitleTransferredKafkaHandler(outbox);
    const draft = { type: 'title_transfer' as const, warehouse: 'WH-SH-01', owner: 'SC-0001', commodity: 'rebar', arrivalMode: null };
    await draftWorkOrder.execute('tt-1', { ...draft, transfer: { receiptNumber: 'WR-7', buyerStorageCard: 'SC-0002' } }, acting);
    await openWorkOrder.execute('tt-1', acting);
    await recordStep.execute('tt-1', 'notice', null, acting);
    const transferred = (transferId: string, buyerCard: string) =>
      create(ReceiptTitleTransferredSchema, {
        receiptNumber: 'WR-7',
        transferId,
        from: create(ReceiptHolderSchema, { storageCard: 'SC-0001', holderName: 'Hengda', partyId: 'P-0001' }),
        to: create(ReceiptHolderSchema, { storageCard: buyerCard, holderName: 'Buyer', partyId: 'P-0002' }),
        transferredAt: timestampFromDate(new Date('2025-03-05T06:00:00Z')),
      });
    const transfer = (event: ReturnType<typeof transferred>) =>
      deliver((e, ctx) => handler.onTitleTransferred(e, ctx), event, ReceiptTitleTransferredSchema.typeName);

    // To another buyer: not the transfer this order waits for.
    await transfer(transferred('TR-1', 'SC-0009'));
    expect((await store.readStream(workOrderStream('tt-1'))).at(-1)!.type).toBe('WorkOrderStepRecorded');

    await transfer(transferred('TR-2', 'SC-0002'));
    await transfer(transferred('TR-2', 'SC-0002'));
    const events = await store.readStream(workOrderStream('tt-1'));
    expect(events.filter((e) => e.type === 'WorkOrderCompleted').map((e) => e.data)).toEqual([
      expect.objectContaining({
        steps: ['notice'],
        actor: 'service:order',
        at: '2025-03-05T06:00:00.000Z',
        cause: { eventType: ReceiptTitleTransferredSchema.typeName, reference: 'TR-2' },
      }),
    ]);
  });
});
