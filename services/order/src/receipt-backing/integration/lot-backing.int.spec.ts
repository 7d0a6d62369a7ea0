import { create } from '@bufbuild/protobuf';
import { EventRegistry, orderEventSchemas, ReceiptCancelledSchema, ReceiptIssuedSchema, ReceiptLotSchema, ReceiptSplitSchema } from '@dw/contracts';
import { EventStore } from '@dw/event-store';
import { DomainError, ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { migrationsOf, TopicNames } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { orderServiceDefinition } from '../../order.service-definition';
import { recordStorageCardIn } from '../../storage-card/storage-cards';
import { inboxDelivery } from '../../testing/inbox-delivery.spec-helper';
import { DraftWorkOrderCommandHandler } from '../../work-order/commands/draft-work-order/draft-work-order.command-handler';
import { WorkOrderOutbox } from '../../work-order/work-order-changes';
import { RecordLotBackingWhenReceiptChangedKafkaHandler } from './record-lot-backing-when-receipt-changed.kafka-handler';

/**
 * The receipt service's receipt events reaching the order service (real PostgreSQL, delivered in
 * a transaction like the inbox's), and the desk's outbound drafts they decide.
 */
let t: TestServiceDatabase;
let store: EventStore;
let draftWorkOrder: DraftWorkOrderCommandHandler;
let handler: RecordLotBackingWhenReceiptChangedKafkaHandler;
let deliver: ReturnType<typeof inboxDelivery>;
const clock = new ManualClock('2026-03-10T02:00:00Z');
const acting = {
  actor: { subject: 'clerk-1', role: 'clerk' },
  at: '2026-03-10T02:00:00Z',
  metadata: { actor: { subject: 'clerk-1', role: 'clerk' }, correlationId: 'int' },
};
let drafts = 0;

beforeAll(async () => {
  t = await createTestServiceDatabase('order_backing', migrationsOf(orderServiceDefinition));
  store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  deliver = inboxDelivery(store);
  const topics = TopicNames.withPrefix('int');
  draftWorkOrder = new DraftWorkOrderCommandHandler(store, new WorkOrderOutbox(topics, new EventRegistry().register(...orderEventSchemas)));
  handler = new RecordLotBackingWhenReceiptChangedKafkaHandler();
  await store.transaction((tx) =>
    recordStorageCardIn(
      tx,
      { type: 'RecordStorageCardStatus', data: { storageCard: 'SC-0001', party: 'P-0001', holderName: '恒达钢铁', status: 'approved', at: acting.at } },
      acting.metadata,
    ),
  );
});
afterAll(() => t?.close());

const issued = (receiptNumber: string, lotIds: string[]) =>
  deliver(
    (e, ctx) => handler.onIssued(e, ctx),
    create(ReceiptIssuedSchema, { receiptNumber, lots: lotIds.map((lotId) => create(ReceiptLotSchema, { lotId, pieces: 12 })) }),
    ReceiptIssuedSchema.typeName,
  );
/** The code a desk outbound draft over `lots` is refused with, or 'drafted'. */
async function draftOver(lots: string[]): Promise<string> {
  drafts += 1;
  try {
    await draftWorkOrder.execute(
      `desk-out-${drafts}`,
      { type: 'outbound', warehouse: 'WH-SH-01', owner: 'SC-0001', commodity: 'rebar', arrivalMode: null, lots },
      acting,
    );
    return 'drafted';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('lots backing live receipts, from receipt.receipt.v1', () => {
  it('refuses a desk outbound order over a lot an issued receipt stands on, and drafts one over free lots', async () => {
    await issued('WR-1', ['lot-a', 'lot-b']);
    expect(await draftOver(['lot-a'])).toBe('LOT_BACKS_LIVE_RECEIPT');
    expect(await draftOver(['lot-z'])).toBe('drafted');
  });

  it('follows a split to its children (in either order) and frees every lot when the last receipt is cancelled', async () => {
    // The child arrives before its parent's split: lot-a stays backed by the child.
    await issued('WR-1-1', ['lot-a']);
    await deliver(
      (e, ctx) => handler.onSplit(e, ctx),
      create(ReceiptSplitSchema, { receiptNumber: 'WR-1', childReceiptNumbers: ['WR-1-1', 'WR-1-2'] }),
      ReceiptSplitSchema.typeName,
    );
    expect(await draftOver(['lot-a'])).toBe('LOT_BACKS_LIVE_RECEIPT');
    // lot-b's child has not arrived yet: nothing stands on it for now.
    expect(await draftOver(['lot-b'])).toBe('drafted');
    await issued('WR-1-2', ['lot-b']);
    expect(await draftOver(['lot-b'])).toBe('LOT_BACKS_LIVE_RECEIPT');
    const cancelled = create(ReceiptCancelledSchema, { receiptNumber: 'WR-1-1', entitlementId: 'ENT-WR-1-1', lotIds: ['lot-a'] });
    await deliver((e, ctx) => handler.onCancelled(e, ctx), cancelled, ReceiptCancelledSchema.typeName);
    await deliver((e, ctx) => handler.onCancelled(e, ctx), cancelled, ReceiptCancelledSchema.typeName);
    expect(await draftOver(['lot-a'])).toBe('drafted');
  });
});
