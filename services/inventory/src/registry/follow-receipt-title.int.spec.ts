import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  ActorSchema,
  EntitledLotSchema,
  EntitlementPurpose,
  inventoryLotTopic,
  OutboundEntitlementGrantedSchema,
  ReceiptCancelledSchema,
  receiptEntitlementTopic,
  ReceiptHoldBeneficiaryKind,
  ReceiptHoldBeneficiarySchema,
  ReceiptHolderSchema,
  ReceiptHoldKind,
  ReceiptHoldPlacedSchema,
  ReceiptHoldReleasedSchema,
  ReceiptIssuedSchema,
  ReceiptLotSchema,
  receiptReceiptTopic,
  ReceiptTitleTransferredSchema,
  StockHoldPlacedSchema,
  toWeight,
  topicName,
} from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { ProjectionRebuilder } from '@dw/projections';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import type { OrderAuthorityEvent } from '../authority/domain/order-authority.events';
import { placed } from '../lot/domain/lot.test-fixtures';
import { ownerOfLot } from './lot-owner';
import { streams } from '../shared/inventory.streams';
import { stockProjection } from '../stock/projections/stock.projection';
import { ShipOutCommandHandler } from '../stock/commands/ship-out/ship-out.command-handler';
import { InventoryTestApp, type Person } from '../testing/inventory-test-app.spec-helper';

/**
 * Inventory follows the receipt registry on real PostgreSQL and Kafka: the receipt service's
 * events (published here in its place, as its relay would, on the real topics) move the owner of
 * a lot's goods, list its receipt holds, and decide what the stock side may still do with them.
 */
const clock = new ManualClock('2026-03-10T02:00:00Z');
const LOT = 'lot-1';
const seller = { storageCard: 'SC-0001', partyId: 'P-SELLER', holderName: 'Hengda Steel' };
const buyer = { storageCard: 'SC-0002', partyId: 'P-BUYER', holderName: 'Huadong Building' };
const clerk: Person = { sub: 'desk-clerk-7', roles: ['clerk'] };
const sellerDepositor: Person = { sub: 'trader-s', roles: ['depositor'], partyId: 'P-SELLER' };
const buyerDepositor: Person = { sub: 'trader-b', roles: ['depositor'], partyId: 'P-BUYER' };
const receiptActor = create(ActorSchema, { subject: 'receipt-clerk-2', role: 'clerk' });
const now = () => timestampFromDate(clock.now());
const metadata = { actor: { subject: 'desk-clerk-7', role: 'clerk' }, correlationId: 'int' };

let app: InventoryTestApp;

/** An order the order service opened, as inventory records it: the inbound order of the lot, or an outbound one carrying `entitlementId`. */
const orderOpened = (orderId: string, type: 'inbound' | 'outbound', entitlementId: string | null): OrderAuthorityEvent => ({
  type: 'OrderAuthorityOpened',
  data: {
    orderId,
    type,
    warehouse: 'WH-SH-01',
    owner: type === 'inbound' ? seller.storageCard : buyer.storageCard,
    ownerParty: type === 'inbound' ? seller.partyId : buyer.partyId,
    commodity: 'rb-400e-20-sg',
    expected: null,
    workflowId: `${type}/*/*`,
    workflowVersion: 1,
    steps: [],
    entitlement: entitlementId ? { entitlementId, receiptNumber: entitlementId.replace(/^ENT-/, ''), lots: [] } : null,
    openedAt: '2026-03-01T01:00:00Z',
  },
});

/** The staff view of the lot's stock, once `ready` holds for it. */
const stockOfLot = (ready: (item: Record<string, unknown>) => boolean, describe: string) =>
  waitFor(
    async () => {
      const item = (await app.as(clerk, 'GET', `/stock?lot=${LOT}`)).body?.items?.[0];
      return item && ready(item) ? item : undefined;
    },
    { timeoutMs: 60_000, describe },
  );

const shipOut = (orderId: string, pieces: number, kg: number) =>
  app.store.transaction((tx) =>
    app.app.get(ShipOutCommandHandler).execute(
      tx,
      LOT,
      orderId,
      { pieces, kg },
      {
        actor: { subject: 'loader-3', role: 'operator' },
        at: clock.now().toISOString(),
        metadata: { ...metadata, actor: { subject: 'loader-3', role: 'operator' } },
      },
    ),
  );

beforeAll(async () => {
  app = await InventoryTestApp.start('title', clock);
  // A lot of three 2,000 kg bundles received for SC-0001 (P-SELLER) under inbound order wo-1, and
  // two outbound orders: wo-out-1 opened from entitlement ENT-WR-1, wo-out-2 from another one.
  const { store } = app;
  const append = (stream: { id: string; type: string }, events: readonly { type: string; data: unknown }[]) =>
    store.append({ streamId: stream.id, streamType: stream.type, expectedVersion: 'no_stream', events: [...events] as never, metadata });
  await append(streams.authority('wo-1'), [orderOpened('wo-1', 'inbound', null)]);
  await append(streams.authority('wo-out-1'), [orderOpened('wo-out-1', 'outbound', 'ENT-WR-1')]);
  await append(streams.authority('wo-out-2'), [orderOpened('wo-out-2', 'outbound', 'ENT-WR-9')]);
  await append(streams.lot(LOT), placed);
  await append(streams.stock(LOT), [
    {
      type: 'StockReceived',
      data: {
        lotId: LOT,
        orderId: 'wo-1',
        warehouse: 'WH-SH-01',
        owner: seller.storageCard,
        commodityCode: 'rb-400e-20-sg',
        quantity: { pieces: 3, kg: 6_000 },
        actor: 'desk-clerk-7',
        at: '2026-03-02T01:00:00Z',
      },
    },
  ]);
});
afterAll(() => app?.close());

describe('inventory follows the receipt registry (PostgreSQL, Kafka)', () => {
  it('shows the buyer as the owner after a transfer: the buyer’s depositors see the stock, the seller’s no longer do', async () => {
    await app.publish(
      receiptReceiptTopic,
      'receipt-WR-1',
      ReceiptIssuedSchema,
      create(ReceiptIssuedSchema, {
        receiptNumber: 'WR-1',
        holder: create(ReceiptHolderSchema, seller),
        lots: [create(ReceiptLotSchema, { lotId: LOT, pieces: 3, net: toWeight(6_000) })],
        issuedBy: receiptActor,
        issuedAt: now(),
      }),
    );
    await stockOfLot((item) => item.receiptNumber === 'WR-1', 'the lot backing WR-1');
    expect((await app.as(sellerDepositor, 'GET', '/stock')).body.items.map((i: { lotId: string }) => i.lotId)).toEqual([LOT]);

    const transferred = create(ReceiptTitleTransferredSchema, {
      receiptNumber: 'WR-1',
      transferId: 'T-1',
      from: create(ReceiptHolderSchema, seller),
      to: create(ReceiptHolderSchema, buyer),
      transferredBy: receiptActor,
      transferredAt: now(),
    });
    // The same fact twice (a new message id each time, as a producer retry would send it): noted once.
    await app.publish(receiptReceiptTopic, 'receipt-WR-1', ReceiptTitleTransferredSchema, transferred);
    await app.publish(receiptReceiptTopic, 'receipt-WR-1', ReceiptTitleTransferredSchema, transferred);
    const item = await stockOfLot((i) => i.owner === buyer.storageCard, 'the buyer as owner');
    expect(item).toMatchObject({ owner: 'SC-0002', receiptNumber: 'WR-1', entitlement: null, encumbrances: [], onHand: { pieces: 3, kg: 6_000 } });

    expect((await app.as(buyerDepositor, 'GET', '/stock')).body.items.map((i: { lotId: string }) => i.lotId)).toEqual([LOT]);
    expect((await app.as(buyerDepositor, 'GET', '/lots')).body.items[0]).toMatchObject({ lotId: LOT, owner: 'SC-0002', receiptNumber: 'WR-1' });
    expect((await app.as(buyerDepositor, 'GET', `/lots/${LOT}`)).body).toMatchObject({ lotId: LOT, owner: 'SC-0002' });
    expect((await app.as(sellerDepositor, 'GET', '/stock')).body.items).toEqual([]);
    expect((await app.as(sellerDepositor, 'GET', `/lots/${LOT}`)).status).toBe(404);
    // Floor operations (a move) are authorised for the owner the title names, read from the log.
    expect(await app.store.transaction((tx) => ownerOfLot(tx, LOT))).toBe('SC-0002');

    // Both messages went through the inbox (each its own id); the title decider noted the transfer once.
    await waitFor(async () => (await app.db.query(`SELECT 1 FROM inbox`)).rowCount === 3, {
      timeoutMs: 60_000,
      describe: 'the issuance and both transfer messages in the inbox',
    });
    const title = await app.store.readStream(streams.lotTitle(LOT).id);
    expect(title.map((e) => e.type)).toEqual(['LotBackedReceipt', 'LotTitleTransferred']);
  });

  it('lists a receipt pledge among the lot’s encumbrances and refuses a stock freeze on the receipt’s goods', async () => {
    const beneficiary = create(ReceiptHoldBeneficiarySchema, { kind: ReceiptHoldBeneficiaryKind.BANK, partyId: 'bank-icbc', name: 'ICBC Shanghai' });
    await app.publish(
      receiptReceiptTopic,
      'receipt-WR-1',
      ReceiptHoldPlacedSchema,
      create(ReceiptHoldPlacedSchema, {
        receiptNumber: 'WR-1',
        holdId: 'pledge-1',
        kind: ReceiptHoldKind.PLEDGE,
        beneficiary,
        reason: 'loan 2026-17',
        holder: create(ReceiptHolderSchema, buyer),
        placedBy: receiptActor,
        placedAt: now(),
      }),
    );
    const pledged = await stockOfLot((i) => (i.encumbrances as unknown[]).length === 1, 'the pledge listed');
    expect(pledged.encumbrances).toEqual([
      {
        source: 'receipt',
        holdId: 'pledge-1',
        kind: 'pledge',
        beneficiary: 'bank-icbc',
        beneficiaryName: 'ICBC Shanghai',
        receiptNumber: 'WR-1',
        quantity: null,
        reason: 'loan 2026-17',
        placedAt: '2026-03-10T02:00:00.000Z',
      },
    ]);

    const freeze = await app.as(clerk, 'POST', `/stock/${LOT}/holds`, {
      holdId: 'court-1',
      kind: 'freeze',
      pieces: 1,
      kg: 2_000,
      reason: 'court order',
      holder: 'court-pudong',
    });
    expect(freeze).toMatchObject({ status: 409, body: { code: 'HOLD_ON_RECEIPT_GOODS', details: { lotId: LOT, receiptNumber: 'WR-1' } } });
    expect((await app.store.readStream(streams.stock(LOT).id)).map((e) => e.type)).toEqual(['StockReceived']);

    await app.publish(
      receiptReceiptTopic,
      'receipt-WR-1',
      ReceiptHoldReleasedSchema,
      create(ReceiptHoldReleasedSchema, {
        receiptNumber: 'WR-1',
        holdId: 'pledge-1',
        kind: ReceiptHoldKind.PLEDGE,
        beneficiary,
        reason: 'loan repaid',
        releasedBy: receiptActor,
        releasedAt: now(),
      }),
    );
    await stockOfLot((i) => (i.encumbrances as unknown[]).length === 0, 'the pledge lifted');
  });

  it('ships no goods of a live receipt; after the cancellation only under the order carrying the entitlement, and publishes a stock hold', async () => {
    await expect(shipOut('wo-out-1', 1, 2_000)).rejects.toMatchObject({ code: 'LOT_BACKS_RECEIPT', details: { receiptNumber: 'WR-1' } });

    // The cancellation's two messages, on two topics: whichever arrives first notes the entitlement.
    await app.publish(
      receiptReceiptTopic,
      'receipt-WR-1',
      ReceiptCancelledSchema,
      create(ReceiptCancelledSchema, {
        receiptNumber: 'WR-1',
        purpose: EntitlementPurpose.PICKUP,
        entitlementId: 'ENT-WR-1',
        holder: create(ReceiptHolderSchema, buyer),
        lotIds: [LOT],
        cancelledBy: receiptActor,
        cancelledAt: now(),
      }),
    );
    await app.publish(
      receiptEntitlementTopic,
      'ENT-WR-1',
      OutboundEntitlementGrantedSchema,
      create(OutboundEntitlementGrantedSchema, {
        entitlementId: 'ENT-WR-1',
        receiptNumber: 'WR-1',
        warehouse: 'WH-SH-01',
        holderStorageCard: buyer.storageCard,
        holderPartyId: buyer.partyId,
        holderName: buyer.holderName,
        lots: [create(EntitledLotSchema, { lotId: LOT, pieces: 3, net: toWeight(6_000) })],
        purpose: EntitlementPurpose.PICKUP,
        grantedBy: receiptActor,
        grantedAt: now(),
      }),
    );
    const entitled = await stockOfLot((i) => i.receiptNumber === null, 'the receipt cancelled');
    expect(entitled).toMatchObject({ owner: 'SC-0002', entitlement: { entitlementId: 'ENT-WR-1', purpose: 'pickup' } });

    await expect(shipOut('wo-out-2', 1, 2_000)).rejects.toMatchObject({
      code: 'ENTITLEMENT_NOT_CARRIED',
      details: { orderId: 'wo-out-2', entitlementId: 'ENT-WR-1' },
    });
    await expect(shipOut('wo-in-none', 1, 2_000)).rejects.toMatchObject({ code: 'ENTITLEMENT_NOT_CARRIED' });
    // 3 pieces / 6,000 kg on hand − one 2,000 kg bundle loaded out = 2 / 4,000.
    await shipOut('wo-out-1', 1, 2_000);
    expect((await app.store.readStream(streams.stock(LOT).id)).map((e) => e.type)).toEqual(['StockReceived', 'StockShippedOut']);

    // No receipt backs the goods any more: a stock hold is the holder's to place again, and the receipt service hears of it.
    const recorder = await new TopicRecorder(testMessageBus(), [topicName(inventoryLotTopic, app.prefix)]).start();
    try {
      const hold = await app.as(clerk, 'POST', `/stock/${LOT}/holds`, {
        holdId: 'res-1',
        kind: 'reservation',
        pieces: 1,
        kg: 2_000,
        reason: 'wo-out-1 loading',
        holder: 'P-BUYER',
      });
      expect(hold).toMatchObject({ status: 201, body: { levels: { onHand: { pieces: 2, kg: 4_000 }, reserved: { pieces: 1, kg: 2_000 } } } });
      const message = await waitFor(() => recorder.messages.find((m) => m.headers.ce_type === StockHoldPlacedSchema.typeName), {
        timeoutMs: 60_000,
        describe: 'StockHoldPlaced on inventory.lot.v1',
      });
      expect(message.key).toBe(LOT);
    } finally {
      await recorder.stop();
    }
    const listed = await stockOfLot((i) => (i.encumbrances as unknown[]).length === 1, 'the stock hold listed');
    expect(listed.encumbrances).toEqual([
      expect.objectContaining({
        source: 'stock',
        holdId: 'res-1',
        kind: 'reservation',
        beneficiary: 'P-BUYER',
        receiptNumber: null,
        quantity: { pieces: 1, kg: 2_000 },
      }),
    ]);
  });

  it('rebuilds the stock views from inventory’s own log into the same titles, owners and encumbrances', async () => {
    // The last write above (the reservation) is in the stock view, so the live tables are current.
    const built = await new ProjectionRebuilder(app.owner, { clock, appRole: `${app.schema}_app` }).build(stockProjection);
    try {
      for (const table of ['lot_titles', 'lot_encumbrances', 'storage_cards', 'lots', 'stock_lots', 'stock_pieces'] as const) {
        const shadow = built.tables[table]!;
        const { rows } = await app.owner.query<{ live: string; differing: string }>(
          `SELECT (SELECT count(*) FROM ${table}) AS live,
                  (SELECT count(*) FROM ((TABLE ${table} EXCEPT TABLE ${shadow}) UNION ALL (TABLE ${shadow} EXCEPT TABLE ${table})) d) AS differing`,
        );
        expect({ table, live: Number(rows[0]!.live) > 0, differing: Number(rows[0]!.differing) }).toEqual({ table, live: true, differing: 0 });
      }
    } finally {
      for (const shadow of Object.values(built.tables)) await app.owner.query(`DROP TABLE IF EXISTS ${shadow}`);
    }
  });
});
