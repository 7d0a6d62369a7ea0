import { create, toBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { EntitledLotSchema, EntitlementPurpose, OutboundEntitlementGrantedSchema, toWeight } from '@dw/contracts';
import type { Database } from '@dw/event-store';
import { runEntryPoint, testMessageBus, waitFor } from '@dw/testing';
import { expectStatus, receiveInboundLot, registerRebar, staffOf, untilInventoryExpects, untilOrderDeskKnowsCard } from './fixtures/inbound-receiving';
import { applyForPickup } from './fixtures/pickup-application';
import {
  BANK,
  httpClient,
  INVENTORY_MAIN,
  ORDER_MAIN,
  postSigned,
  publishCardApproval,
  startOrderAndInventory,
  type RunningServices,
} from './fixtures/order-inventory-services';
import {
  adminDatabase,
  diffWithSnapshots,
  readModelTablesIn,
  snapshotReadModels,
  tablesOf,
  untilProjectionsCaughtUp,
  type ReadModels,
} from './fixtures/read-model-snapshots';

/** The read models of each service, by projection (services/<name>/README.md lists the same). */
const ORDER_READ_MODELS: ReadModels = {
  projections: { work_orders: ['work_orders', 'work_order_steps'], workflow_versions: ['workflow_versions'], integration_refusals: ['integration_refusals'] },
};
const INVENTORY_READ_MODELS: ReadModels = {
  projections: {
    stock: ['storage_cards', 'lots', 'stock_pieces', 'stock_lots', 'stock_movements', 'lot_titles', 'lot_encumbrances'],
    locations: ['locations'],
    commodities: ['commodities', 'commodity_aliases'],
    operation_refusals: ['operation_refusals'],
    stocktakes: ['stocktakes', 'stocktake_counts', 'stocktake_variances'],
  },
};

/**
 * Stock operations after receiving — a move under a move order, holds released only by their
 * holder, a stocktake with variances, an outbound order opened from a receipt cancellation —
 * and then the rebuild promise: `rebuild` of each service from its own log gives read models
 * equal to the live ones. The services keep running while the rebuild replays into fresh tables
 * and switches over (blue/green).
 */
let services: RunningServices;
let staff: ReturnType<typeof staffOf>;
let orderDb: Database;
let inventoryDb: Database;
const WAREHOUSE = 'WH-SH-01';
const CARD = 'SC-0001';
let lotId: string;
let stocktakeOrderId: string;
let stocktakeId: string;

beforeAll(async () => {
  services = await startOrderAndInventory('rb');
  staff = staffOf(services);
  orderDb = adminDatabase(services.schemas.order);
  inventoryDb = adminDatabase(services.schemas.inventory);
  // The receipt service approved the depositor's card (published here in its place).
  await publishCardApproval(services.prefix, CARD, 'P-A');
  await untilOrderDeskKnowsCard(staff.desk, CARD);
});

afterAll(async () => {
  await orderDb?.pool.end();
  await inventoryDb?.pool.end();
  await services?.stop();
});

/** Drafts and opens a desk order and records its first (desk) step; returns its id once inventory expects `next`. */
async function openDeskOrder(type: 'move' | 'stocktake', next: string): Promise<string> {
  const drafted = await staff.desk.post('/work-orders', { type, warehouse: WAREHOUSE, owner: CARD, ownerParty: 'P-A', commodity: 'rb-400e-20-sg' });
  expectStatus(drafted, 201, `draft the ${type} order`);
  const id = drafted.body.orderId as string;
  expectStatus(await staff.desk.post(`/work-orders/${id}/open`), 200, 'open');
  expectStatus(await staff.desk.post(`/work-orders/${id}/steps`, { step: 'plan' }), 201, 'plan');
  await untilInventoryExpects(staff.inventoryDesk, id, next);
  return id;
}

const levelsOf = async () => (await staff.inventoryDesk.get(`/stock?lot=${lotId}`)).body.items[0];

describe('stock operations, then rebuild equals live', () => {
  it('receives a lot of three bundles: B1 and B2 in S1, B3 in S2', async () => {
    await registerRebar(staff.manager);
    for (const slot of ['S1', 'S2']) {
      expectStatus(
        await staff.manager.post('/locations', {
          locationId: slot,
          warehouse: WAREHOUSE,
          area: { kind: 'yard', name: 'YARD1' },
          row: 'R01',
          slot,
          capacityKg: 100_000,
        }),
        201,
        `define ${slot}`,
      );
    }
    ({ lotId } = await receiveInboundLot(services, {
      warehouse: WAREHOUSE,
      storageCard: CARD,
      party: 'P-A',
      commodity: 'rb-400e-20-sg',
      pieces: { B1: 2_000, B2: 2_000, B3: 2_000 },
      placement: { B1: 'S1', B2: 'S1', B3: 'S2' },
    }));
    await waitFor(async () => (await staff.inventoryDesk.get(`/stock?lot=${lotId}`)).body.items?.[0]);
  });

  it('moves B1 from S1 to S2 under a move order, and refuses a move no open move order authorises', async () => {
    const moveOrderId = await openDeskOrder('move', 'move');
    const unauthorised = await staff.operator.post('/moves', { orderId: 'no-such-move-order', fromLocationId: 'S1', toLocationId: 'S2', barcodes: ['B1'] });
    expect(unauthorised).toMatchObject({ status: 403, body: { code: 'NO_AUTHORISING_ORDER' } });
    const moved = await staff.operator.post('/moves', { orderId: moveOrderId, fromLocationId: 'S1', toLocationId: 'S2', barcodes: ['B1'] });
    expect(moved).toMatchObject({ status: 201, body: { moved: 1 } });
    await untilInventoryExpects(staff.inventoryDesk, moveOrderId, 'confirm');
    const pieces = await waitFor(async () => {
      const items = (await staff.inventoryDesk.get(`/stock/pieces?lot=${lotId}`)).body.items as Array<{ barcode: string; locationId: string }>;
      return items.find((p) => p.barcode === 'B1')?.locationId === 'S2' ? items : undefined;
    });
    expect(pieces.map((p) => [p.barcode, p.locationId])).toEqual([
      ['B1', 'S2'],
      ['B2', 'S1'],
      ['B3', 'S2'],
    ]);
    const locations = (await staff.inventoryDesk.get('/locations')).body.items.map((l: { locationId: string; usedPieces: number; usedKg: number }) => [
      l.locationId,
      l.usedPieces,
      l.usedKg,
    ]);
    // S1 held B1 and B2 (2 × 2,000 kg), S2 held B3: after the move S1 has 1 piece / 2,000 kg, S2 2 pieces / 4,000 kg.
    expect(locations).toEqual([
      ['S1', 1, 2_000],
      ['S2', 2, 4_000],
    ]);
    expectStatus(await staff.desk.post(`/work-orders/${moveOrderId}/steps`, { step: 'confirm' }), 201, 'confirm the move');
    expectStatus(await staff.desk.post(`/work-orders/${moveOrderId}/complete`), 200, 'complete the move');
  });

  it('holds part of the lot for a bank; only the bank releases it (anyone else: 404 HOLD_NOT_FOUND, no holder named)', async () => {
    const placed = await staff.inventoryDesk.post(`/stock/${lotId}/holds`, {
      holdId: 'pledge-1',
      kind: 'freeze',
      pieces: 1,
      kg: 2_000,
      reason: 'pledged to ICBC',
      holder: BANK.clientId,
    });
    // 3 pieces / 6,000 kg on hand, 1 / 2,000 frozen: 2 / 4,000 available.
    expect(placed).toMatchObject({
      status: 201,
      body: { levels: { onHand: { pieces: 3, kg: 6_000 }, frozen: { pieces: 1, kg: 2_000 }, available: { pieces: 2, kg: 4_000 } } },
    });
    const tooMuch = await staff.inventoryDesk.post(`/stock/${lotId}/holds`, {
      holdId: 'res-1',
      kind: 'reservation',
      pieces: 3,
      kg: 6_000,
      reason: 'receipts',
      holder: 'P-A',
    });
    expect(tooMuch).toMatchObject({ status: 409, body: { code: 'INSUFFICIENT_AVAILABLE' } });
    const depositor = httpClient(services.inventory.baseUrl, services.token('trader-a', ['depositor'], 'P-A'));
    const refused = await depositor.post(`/stock/${lotId}/holds/pledge-1/release`);
    expect(refused).toMatchObject({ status: 404, body: { code: 'HOLD_NOT_FOUND' } });
    expect(JSON.stringify(refused.body)).not.toContain(BANK.clientId);
    const released = await postSigned(services.inventory.baseUrl, `/integration/stock/${lotId}/holds/pledge-1/release`, BANK);
    expect(released).toMatchObject({ status: 200, body: { levels: { frozen: { pieces: 0, kg: 0 }, available: { pieces: 3, kg: 6_000 } } } });
    await waitFor(async () => ((await levelsOf()).frozen.pieces === 0 ? true : undefined));
  });

  it('counts under a stocktake order and finds four variances', async () => {
    stocktakeOrderId = await openDeskOrder('stocktake', 'count');

    const started = await staff.operator.post('/stocktakes', { orderId: stocktakeOrderId, locationIds: ['S1', 'S2'] });
    expect(started).toMatchObject({ status: 201, body: { bookPieces: 3 } });
    stocktakeId = started.body.stocktakeId;
    // B1 where the book says (S2 since the move), at its book weight; B3 found in S1 instead of S2
    // and weighing 1,950 kg (50 kg short: beyond the ±30 bp published for the commodity, of 2,000 kg = ±6 kg); B2 not
    // found; X9 not in the book.
    for (const count of [
      { barcode: 'B1', locationId: 'S2', weighedKg: 2_000 },
      { barcode: 'B3', locationId: 'S1', weighedKg: 1_950 },
      { barcode: 'X9', locationId: 'S2' },
    ]) {
      expectStatus(await staff.operator.post(`/stocktakes/${stocktakeId}/counts`, count), 201, `count ${count.barcode}`);
    }
    expectStatus(await staff.operator.post(`/stocktakes/${stocktakeId}/count/finish`), 200, 'finish the count');
    const found = await waitFor(async () => {
      const answer = await staff.inventoryDesk.get(`/stocktakes/${stocktakeId}`);
      return answer.body.varianceList?.length === 4 ? answer.body.varianceList : undefined;
    });
    expect(found.map((v: { varianceId: string; delta: unknown }) => [v.varianceId, v.delta])).toEqual([
      ['misplaced_piece:B3', { pieces: 0, kg: 0 }],
      ['missing_piece:B2', { pieces: -1, kg: -2_000 }],
      ['unexpected_piece:X9', { pieces: 0, kg: 0 }],
      ['weight_variance:B3', { pieces: 0, kg: -50 }],
    ]);
  });

  it('refuses to close before every variance is explained, then explains them and corrects the book', async () => {
    await untilInventoryExpects(staff.inventoryDesk, stocktakeOrderId, 'reconcile');
    const early = await staff.operator.post(`/stocktakes/${stocktakeId}/close`);
    expect(early).toMatchObject({ status: 409, body: { code: 'VARIANCES_UNEXPLAINED' } });
    for (const varianceId of ['missing_piece:B2', 'misplaced_piece:B3', 'weight_variance:B3', 'unexpected_piece:X9']) {
      expectStatus(
        await staff.operator.post(`/stocktakes/${stocktakeId}/variances/${encodeURIComponent(varianceId)}/explanations`, {
          explanation: `checked on the floor: ${varianceId}`,
        }),
        201,
        `explain ${varianceId}`,
      );
    }
    // The two losses (B2 missing, B3 typed in 50 kg light) write the book down: a manager who did
    // not count approves each (rules INV-WRITE-OFF-APPROVED, INV-VARIANCE-WEIGHT-EVIDENCE).
    const unapproved = await staff.operator.post(`/stocktakes/${stocktakeId}/close`);
    expect(unapproved).toMatchObject({
      status: 409,
      body: { code: 'WRITE_OFF_NOT_APPROVED', details: { varianceIds: ['missing_piece:B2', 'weight_variance:B3'] } },
    });
    for (const varianceId of ['missing_piece:B2', 'weight_variance:B3']) {
      expectStatus(
        await staff.manager.post(`/stocktakes/${stocktakeId}/variances/${encodeURIComponent(varianceId)}/approvals`, { reason: `written off: ${varianceId}` }),
        201,
        `approve ${varianceId}`,
      );
    }
    expectStatus(await staff.operator.post(`/stocktakes/${stocktakeId}/close`), 200, 'close');
    await untilInventoryExpects(staff.inventoryDesk, stocktakeOrderId, 'confirm');
    expectStatus(await staff.desk.post(`/work-orders/${stocktakeOrderId}/steps`, { step: 'confirm' }), 201, 'confirm');
    expectStatus(await staff.desk.post(`/work-orders/${stocktakeOrderId}/complete`), 200, 'complete');
    // Book: 3 pieces / 6,000 kg received; B2 missing (−1 piece, −2,000 kg); B3 50 kg light (−50 kg) → 2 pieces, 3,950 kg.
    const stock = await waitFor(async () => {
      const item = (await staff.inventoryDesk.get(`/stock?lot=${lotId}`)).body.items?.[0];
      return item?.onHand.pieces === 2 ? item : undefined;
    });
    expect(stock.onHand).toEqual({ pieces: 2, kg: 3_950 });
    const movements = (await staff.inventoryDesk.get(`/stock/movements?lot=${lotId}&limit=50`)).body.items.map(
      (m: { kind: string; pieces: number; kg: number }) => [m.kind, m.pieces, m.kg],
    );
    expect(movements).toEqual(
      expect.arrayContaining([
        ['stocktake_variance', -1, -2_000],
        ['stocktake_variance', 0, -50],
        ['removed', -1, -2_000],
      ]),
    );
    const order = (await staff.desk.get(`/work-orders/${stocktakeOrderId}`)).body;
    expect(order.history.map((h: { step: string }) => h.step)).toEqual(['plan', 'count', 'reconcile', 'confirm']);
  });

  it('opens the outbound order when the holder applies to pick up a receipt cancelled for pickup', async () => {
    const bus = testMessageBus();
    const producer = bus.producer();
    await producer.connect();
    const granted = create(OutboundEntitlementGrantedSchema, {
      entitlementId: 'ent-7',
      receiptNumber: 'WR-2025-000123',
      warehouse: WAREHOUSE,
      holderStorageCard: 'SC-0002',
      holderPartyId: 'P-B',
      holderName: 'Buyer B',
      commodityCode: 'rb-400e-20-sg',
      lots: [create(EntitledLotSchema, { lotId, pieces: 2, net: toWeight(3_950) })],
      total: toWeight(3_950),
      purpose: EntitlementPurpose.PICKUP,
      grantedAt: timestampFromDate(new Date('2025-03-10T02:00:00Z')),
    });
    try {
      // The receipt service publishes this; here the test stands in for it on the real topic.
      await producer.send([
        {
          topic: `${services.prefix}.receipt.entitlement.v1`,
          key: 'entitlement-ent-7',
          value: toBinary(OutboundEntitlementGrantedSchema, granted),
          headers: {
            ce_id: 'ent-7-granted',
            ce_type: OutboundEntitlementGrantedSchema.typeName,
            ce_source: '/dw/receipt',
            ce_subject: 'entitlement-ent-7',
            ce_specversion: '1.0',
          },
        },
      ]);
    } finally {
      await producer.disconnect();
    }
    // No order opens from the cancellation itself: from the holder's pickup application.
    const holder = httpClient(services.order.baseUrl, services.token('u-b', ['depositor'], 'P-B'));
    expect(await applyForPickup(holder, 'ent-7', 3_950)).toBe('out-ent-7');
    const order = (await staff.desk.get('/work-orders/out-ent-7')).body;
    expect(order).toMatchObject({
      type: 'outbound',
      status: 'open',
      owner: 'SC-0002',
      ownerParty: 'P-B',
      entitlement: { entitlementId: 'ent-7', receiptNumber: 'WR-2025-000123', lots: [{ lotId, pieces: 2, netKg: 3_950 }] },
      workflow: { workflowId: 'outbound/*/*' },
      next: { expected: 'notice' },
    });
    await untilInventoryExpects(staff.inventoryDesk, 'out-ent-7', 'notice');
  });

  it.each([
    ['order', ORDER_MAIN, () => orderDb, ORDER_READ_MODELS, 'work_order_steps'],
    ['inventory', INVENTORY_MAIN, () => inventoryDb, INVENTORY_READ_MODELS, 'stock_movements'],
  ] as const)('rebuilds the %s service from its own log into read models equal to the live ones', async (service, main, db, models, busiest) => {
    expect(await readModelTablesIn(db(), services.schemas[service])).toEqual([...tablesOf(models)].sort());
    await untilProjectionsCaughtUp(db(), models);
    await snapshotReadModels(db(), models);
    const output = await runEntryPoint(main, ['rebuild'], services.env[service]);
    for (const projection of Object.keys(models.projections)) expect(output).toContain(`rebuilt ${projection} from`);
    const diffs = await diffWithSnapshots(db(), models);
    for (const [table, diff] of Object.entries(diffs)) {
      expect({ table, onlyInLive: diff.onlyInB, onlyInRebuilt: diff.onlyInA }).toEqual({ table, onlyInLive: 0, onlyInRebuilt: 0 });
      expect(diff.countA).toBe(diff.countB);
    }
    // The flow above left rows in the tables that matter: an equal pair of empty tables would prove nothing.
    expect(diffs[busiest]!.countB).toBeGreaterThan(5);
  });
});
