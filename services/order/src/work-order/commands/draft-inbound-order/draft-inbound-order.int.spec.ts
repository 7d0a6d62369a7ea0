import { EventRegistry, orderEventSchemas } from '@dw/contracts';
import { EventStore } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { BaseServiceConfig, migrationsOf, TopicNames, type Acting } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { orderServiceDefinition } from '../../../order.service-definition';
import type { StorageCardStatus } from '../../../storage-card/domain/storage-card.events';
import { recordStorageCardIn } from '../../../storage-card/storage-cards';
import { notice } from '../../domain/work-order.test-fixtures';
import { WorkOrderOutbox } from '../../work-order-changes';
import { workOrderStream } from '../../work-order.streams';
import { DraftInboundOrderCommandHandler } from './draft-inbound-order.command-handler';

/** Drafting inbound orders on real PostgreSQL: a refusal writes nothing, neither the order nor anything on the card. */
let t: TestServiceDatabase;
let store: EventStore;
let draftInboundOrder: DraftInboundOrderCommandHandler;
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
  t = await createTestServiceDatabase('order_draft_in', migrationsOf(orderServiceDefinition));
  store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  const topics = new TopicNames(Object.assign(new BaseServiceConfig(), { KAFKA_TOPIC_PREFIX: 'int' }));
  draftInboundOrder = new DraftInboundOrderCommandHandler(store, new WorkOrderOutbox(topics, new EventRegistry().register(...orderEventSchemas)));
  // The receipt service approved SC-0001 for P-0001 (its StorageCardApproved, as the consumer records it).
  await recordCard('SC-0001', 'P-0001', 'approved');
});
afterAll(() => t?.close());

describe('drafting inbound orders on PostgreSQL', () => {
  it('refuses an order naming the card for another party, and writes neither the order nor anything on the card', async () => {
    await expect(draftInboundOrder.execute('wo-2', { warehouse: 'WH-SH-01', ownerParty: 'P-0002', notice }, acting())).rejects.toMatchObject({
      code: 'STORAGE_CARD_PARTY_MISMATCH',
      kind: 'invalid',
      field: 'ownerParty',
    });
    expect(await store.streamVersion(workOrderStream('wo-2'))).toBe(0);
    expect(await store.streamVersion('storage-card-SC-0001')).toBe(1);
  });
});
