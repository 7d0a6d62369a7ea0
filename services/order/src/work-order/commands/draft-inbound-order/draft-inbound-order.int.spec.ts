import type { EventStore } from '@dw/event-store';
import { notice } from '../../domain/work-order.test-fixtures';
import { workOrderDatabase } from '../../work-order.int-fixtures.spec-helper';
import { workOrderStream } from '../../work-order.streams';
import { DraftInboundOrderCommandHandler } from './draft-inbound-order.command-handler';

/** Drafting inbound orders on real PostgreSQL: a refusal writes nothing, neither the order nor anything on the card. */
const orders = workOrderDatabase('order_draft_in');
const { acting } = orders;
let store: EventStore;
let draftInboundOrder: DraftInboundOrderCommandHandler;

beforeAll(async () => {
  const opened = await orders.open();
  store = opened.store;
  draftInboundOrder = new DraftInboundOrderCommandHandler(store, opened.outbox);
});
afterAll(() => orders.close());

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
