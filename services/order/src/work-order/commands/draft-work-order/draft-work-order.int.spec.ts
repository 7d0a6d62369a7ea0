import type { EventStore } from '@dw/event-store';
import { workOrderDatabase } from '../../work-order.int-fixtures.spec-helper';
import { workOrderStream } from '../../work-order.streams';
import { DraftWorkOrderCommandHandler } from './draft-work-order.command-handler';

/** Drafting orders on real PostgreSQL for the party of the storage card they name, as the receipt service published it. */
const orders = workOrderDatabase('order_draft');
const { acting, recordCard } = orders;
let store: EventStore;
let draftWorkOrder: DraftWorkOrderCommandHandler;

beforeAll(async () => {
  const opened = await orders.open();
  store = opened.store;
  draftWorkOrder = new DraftWorkOrderCommandHandler(store, opened.outbox);
});
afterAll(() => orders.close());

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
