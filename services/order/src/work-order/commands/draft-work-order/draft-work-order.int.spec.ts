import { EventRegistry, orderEventSchemas } from '@dw/contracts';
import { EventStore } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { BaseServiceConfig, migrationsOf, TopicNames, type Acting } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { orderServiceDefinition } from '../../../order.service-definition';
import type { StorageCardStatus } from '../../../storage-card/domain/storage-card.events';
import { recordStorageCardIn } from '../../../storage-card/storage-cards';
import { WorkOrderOutbox } from '../../work-order-changes';
import { workOrderStream } from '../../work-order.streams';
import { DraftWorkOrderCommandHandler } from './draft-work-order.command-handler';

/** Drafting orders on real PostgreSQL for the party of the storage card they name, as the receipt service published it. */
let t: TestServiceDatabase;
let store: EventStore;
let draftWorkOrder: DraftWorkOrderCommandHandler;
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
  t = await createTestServiceDatabase('order_draft', migrationsOf(orderServiceDefinition));
  store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  const topics = new TopicNames(Object.assign(new BaseServiceConfig(), { KAFKA_TOPIC_PREFIX: 'int' }));
  draftWorkOrder = new DraftWorkOrderCommandHandler(store, new WorkOrderOutbox(topics, new EventRegistry().register(...orderEventSchemas)));
  // The receipt service approved SC-0001 for P-0001 (its StorageCardApproved, as the consumer records it).
  await recordCard('SC-0001', 'P-0001', 'approved');
});
afterAll(() => t?.close());

describe('drafting work orders on PostgreSQL', () => {
  it('takes the order’s party from its card when the desk names none', async () => {
    const handled = await draftWorkOrder.execute(
      'wo-party',
      { type: 'move', warehouse: 'WH-SH-01', owner: 'SC-0001', commodity: 'rebar', arrivalMode: null },
      acting(),
    );
    expect(handled.state).toMatchObject({ owner: 'SC-0001', ownerParty: 'P-0001' });
  });

  it('refuses a card the receipt service never issued (404) and one it has not approved or has suspended (409), writing nothing', async () => {
    const onCard = (owner: string) =>
      draftWorkOrder.execute(
        `wo-${owner}`,
        { type: 'move', warehouse: 'WH-SH-01', owner, ownerParty: 'P-0003', commodity: 'rebar', arrivalMode: null },
        acting(),
      );
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
});
